import assert from 'node:assert/strict';
import test from 'node:test';
import { sentenceSpans, spanIndexAt } from '../../../src/text/sentences.js';

const split = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

test('sentences end at Chinese and ASCII terminators and keep closing quotes', () => {
  assert.deepEqual(split('他说：“好。”然后走了！真的?是'), ['他说：“好。”', '然后走了！', '真的?', '是']);
  assert.deepEqual(split('甲；乙…… 丙'), ['甲；', '乙……', '丙']);
});

test('spanIndexAt finds the sentence of an offset', () => {
  const spans = sentenceSpans('一二。三四。五');
  assert.deepEqual(
    [0, 2, 3, 5, 6].map((o) => spanIndexAt(spans, o)),
    [0, 0, 1, 1, 2],
  );
});
