import assert from 'node:assert/strict';
import test from 'node:test';
import { labelsOf, readBio, spansOf, writeBio } from '../../../src/eval/bio.js';
import { mentionSpans } from '../../../src/eval/ner.js';
import { scoreSpans } from '../../../src/eval/score.js';

test('BIO files: sentences, spans, and back', () => {
  const text = '王 B-PER\n毅 I-PER\n说 O\n\n中 B-LOC\n美 B-LOC\n';
  const sentences = readBio(text);
  assert.equal(sentences.length, 2);
  assert.deepEqual(spansOf(sentences[0]!.labels), [{ type: 'PER', start: 0, end: 2 }]);
  assert.deepEqual(spansOf(sentences[1]!.labels), [
    { type: 'LOC', start: 0, end: 1 },
    { type: 'LOC', start: 1, end: 2 },
  ]);
  assert.equal(writeBio(sentences), text);
  assert.deepEqual(labelsOf([{ type: 'ORG', start: 1, end: 3 }], 4), ['O', 'B-ORG', 'I-ORG', 'O']);
  assert.throws(() => readBio('王 PERSON\n', 'gold.txt'), /gold\.txt:1/);
});

test('an I- label that does not continue a span starts one, as conlleval reads it', () => {
  assert.deepEqual(spansOf(['O', 'I-PER', 'I-PER', 'B-LOC', 'I-ORG']), [
    { type: 'PER', start: 1, end: 3 },
    { type: 'LOC', start: 3, end: 4 },
    { type: 'ORG', start: 4, end: 5 },
  ]);
});

test('span-exact scores by hand', () => {
  // gold: PER 0-2, LOC 3-4, LOC 5-7; predicted: PER 0-2 (right), LOC 3-5 (wrong end), ORG 8-9 (wrong)
  const gold = [
    [
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'LOC', start: 5, end: 7 },
    ],
  ];
  const pred = [
    [
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 5 },
      { type: 'ORG', start: 8, end: 9 },
    ],
  ];
  const { byType, overall } = scoreSpans(gold, pred);
  assert.deepEqual(
    byType.map((s) => [s.type, s.gold, s.predicted, s.correct]),
    [
      ['LOC', 2, 1, 0],
      ['ORG', 0, 1, 0],
      ['PER', 1, 1, 1],
    ],
  );
  assert.equal(overall.precision, 1 / 3);
  assert.equal(overall.recall, 1 / 3);
  assert.equal(overall.f1, 1 / 3);
});

test('mention offsets become character spans; of overlapping mentions, the earliest and then the longest wins', () => {
  const spans = mentionSpans(
    ['𠀋', '中', '美'],
    [
      { entity: 'CN', type: 'GPE', block: 0, start: 2, end: 3, surface: '中', source: 'compound' },
      { entity: 'US', type: 'GPE', block: 0, start: 3, end: 4, surface: '美', source: 'compound' },
      { entity: 'X', type: 'ORG', block: 0, start: 2, end: 4, surface: '中美', source: 'kb' },
    ],
  );
  assert.deepEqual(spans, [{ type: 'ORG', start: 1, end: 3 }]);
});
