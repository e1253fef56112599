// Searching sorted lists: the runs of each block in a list in text order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockRuns } from '../../../src/text/search.js';

test('each block gets its run of a list in text order, empty blocks an empty run', () => {
  const items = [{ block: 0 }, { block: 0 }, { block: 2 }, { block: 3 }, { block: 3 }, { block: 3 }];
  const runs = blockRuns(items, 5);
  assert.deepEqual([...runs], [0, 2, 2, 3, 6, 6]);
  // block 1 and block 4 hold nothing; block 3 holds items 3 to 5
  assert.equal(runs[2]! - runs[1]!, 0);
  assert.deepEqual(items.slice(runs[3], runs[4]), [{ block: 3 }, { block: 3 }, { block: 3 }]);
  assert.deepEqual([...blockRuns([], 2)], [0, 0, 0]);
});
