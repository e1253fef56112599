// The pool hands results on in input order whatever order the workers finish in, and they are the
// results the main thread computes; a bad entity file stops it before any document is read.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { DictionaryError } from '../../../src/errors.js';
import { collectInputs } from '../../../src/pipeline/inputs.js';
import { processInOrder } from '../../../src/pipeline/pool.js';
import type { TaskConfig } from '../../../src/pipeline/process.js';
import { writeCorpus } from '../../helpers.js';

const TASK: TaskConfig = { tzOffsetMinutes: 480, unit: { kind: 'sentence' }, entityFiles: [] };

async function resultsOf(files: string[], workers: number, task = TASK) {
  const results = [];
  for await (const r of processInOrder(files.values(), { workers, task })) results.push(r);
  return results;
}

test('three workers give the main thread’s results, in input order', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'zhtext-pool-')), 'posts');
  writeCorpus(dir, 30);
  const files = collectInputs([dir]).files;
  const alone = await resultsOf(files, 1);
  const pooled = await resultsOf(files, 3);
  assert.deepEqual(
    pooled.map((r) => r.index),
    files.map((_, i) => i),
  );
  assert.deepEqual(pooled, alone);
  assert.ok(alone.some((r) => r.failed) && alone.some((r) => r.counts && r.counts.termPairs.length > 300), 'the corpus holds short, long and broken posts');
});

test('a malformed entity file stops the pool before any document is read, as a DictionaryError', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-pool-bad-'));
  const bad = join(dir, 'bad.tsv');
  writeFileSync(bad, 'id\tname\nx\ty\n');
  const read: number[] = [];
  for (const workers of [1, 2]) {
    await assert.rejects(
      async () => {
        for await (const r of processInOrder(['a.md', 'b.md'].values(), { workers, task: { ...TASK, entityFiles: [bad] } })) read.push(r.index);
      },
      (e: unknown) => e instanceof DictionaryError && e.message.includes('bad.tsv'),
    );
  }
  assert.deepEqual(read, []);
});
