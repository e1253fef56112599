import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOf } from '../../../src/export/evidence.js';

test('a short sentence is kept whole, its marks where they were', () => {
  assert.deepEqual(lineOf('2021-06-02', '测试电台', '外交部长王毅说', [[4, 6]]), {
    day: '2021-06-02',
    outlet: '测试电台',
    text: '外交部长王毅说',
    marks: [[4, 6]],
  });
});

test('a long sentence is cut to 60 characters each side of its matches, with … where cut, the marks moved with the text', () => {
  const text = `${'甲'.repeat(100)}王毅${'乙'.repeat(30)}拉夫罗夫${'丙'.repeat(100)}`;
  const line = lineOf('', '', text, [
    [100, 102],
    [132, 136],
  ]);
  assert.equal(line.text, `…${'甲'.repeat(60)}王毅${'乙'.repeat(30)}拉夫罗夫${'丙'.repeat(60)}…`);
  assert.deepEqual(line.marks, [
    [61, 63],
    [93, 97],
  ]);
  assert.equal(line.text.slice(61, 63), '王毅');
  assert.equal(line.text.slice(93, 97), '拉夫罗夫');
});

test('a cut never splits a character outside the basic plane', () => {
  // 𠮷 is two code units; the cut 60 before the match would fall between them
  const text = `𠮷${'甲'.repeat(59)}王毅`;
  const line = lineOf('', '', text, [[61, 63]]);
  assert.equal(line.text, text);
  const longer = `甲𠮷${'甲'.repeat(59)}王毅`;
  const cut = lineOf('', '', longer, [[62, 64]]);
  assert.equal(cut.text, `…𠮷${'甲'.repeat(59)}王毅`);
  assert.equal(cut.text.slice(cut.marks[0]![0], cut.marks[0]![1]), '王毅');
});
