import assert from 'node:assert/strict';
import test from 'node:test';
import { CONTEXT_MAX, CONTEXT_SIDE, contextAround, MAX_SENTENCE, sentenceSpans, spanIndexAt } from '../../../src/text/sentences.js';

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

test('a sentence longer than MAX_SENTENCE is cut into pieces no longer, after the last comma or pause when there is one', () => {
  assert.equal(MAX_SENTENCE, 2000);
  // a comma 1,500 characters in: the first piece ends after it
  const withComma = `${'甲'.repeat(1500)}，${'乙'.repeat(1000)}。`;
  assert.deepEqual(sentenceSpans(withComma), [
    { start: 0, end: 1501 },
    { start: 1501, end: 2502 },
  ]);
  // none: cut every 2,000 characters, every character kept once
  const bare = '丙'.repeat(4500);
  assert.deepEqual(sentenceSpans(bare), [
    { start: 0, end: 2000 },
    { start: 2000, end: 4000 },
    { start: 4000, end: 4500 },
  ]);
  // never between the halves of a character outside the basic plane
  const wide = `${'丁'.repeat(1999)}𠮷${'丁'.repeat(100)}`;
  const spans = sentenceSpans(wide);
  assert.deepEqual(spans[0], { start: 0, end: 1999 });
  assert.equal(spans.at(-1)!.end, wide.length);
});

test('a mention in a sentence longer than CONTEXT_MAX gets CONTEXT_SIDE characters each side, with … where cut; in a shorter one, the sentence', () => {
  assert.deepEqual([CONTEXT_MAX, CONTEXT_SIDE], [300, 150]);
  const short = '美国总统表示。';
  assert.deepEqual(contextAround(short, { start: 0, end: short.length }, 0, 2), { before: '', after: '总统表示。' });
  const long = `${'甲'.repeat(400)}王毅${'乙'.repeat(400)}`;
  const { before, after } = contextAround(long, { start: 0, end: long.length }, 400, 402);
  assert.equal(before, `…${'甲'.repeat(150)}`);
  assert.equal(after, `${'乙'.repeat(150)}…`);
  // near the sentence's start, nothing is cut there
  const early = contextAround(long, { start: 0, end: long.length }, 10, 12);
  assert.equal(early.before, '甲'.repeat(10));
  assert.ok(early.after.endsWith('…'));
});
