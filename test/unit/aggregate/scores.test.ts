import assert from 'node:assert/strict';
import test from 'node:test';
import { idf, rankTerms, round, tfidf } from '../../../src/aggregate/scores.js';

test('smoothed idf by hand: ln((1+N)/(1+df)) + 1', () => {
  assert.equal(idf(3, 1), Math.log(2) + 1); // (1+3)/(1+1) = 2
  assert.equal(idf(4, 4), 1, 'a term in every document keeps weight 1');
  assert.equal(round(tfidf(3, 3, 1)), 5.0794); // 3 × 1.693147…
});

test('rankTerms orders by TF-IDF, then count, then the term', () => {
  const stat = (count: number, docs: number) => ({ count, docs, units: count, pos: new Map() });
  const corpus = new Map([
    ['甲', stat(4, 4)],
    ['乙', stat(2, 1)],
    ['丙', stat(2, 1)],
  ]);
  // 甲: 4 × 1 = 4; 乙 and 丙: 2 × (ln(5/2) + 1) = 3.8326, tied, so 丙 (U+4E19) before 乙 (U+4E59)
  assert.deepEqual(
    rankTerms(corpus, corpus, 4).map((r) => [r.term, r.tfidf]),
    [
      ['甲', 4],
      ['丙', 3.8326],
      ['乙', 3.8326],
    ],
  );
});
