import assert from 'node:assert/strict';
import test from 'node:test';
import { associationOf } from '../../../src/aggregate/association.js';

function near(actual: number, expected: number, message?: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-6, `${message ?? ''} ${actual} ≠ ${expected}`);
}

test('a positively associated pair, by hand: units 10, a 4, b 5, both 3', () => {
  // table        b   ¬b  | margin       expected (row × column / 10)
  //   a          3    1  |  4            4·5/10 = 2   4·5/10 = 2
  //   ¬a         2    4  |  6            6·5/10 = 3   6·5/10 = 3
  // pmi  = log2(3·10/(4·5)) = log2(1.5) = 0.5849625
  // npmi = 0.5849625 / −log2(3/10) = 0.5849625 / 1.7369656 = 0.3367726
  // G²   = 2(3 ln(3/2) + 1 ln(1/2) + 2 ln(2/3) + 4 ln(4/3))
  //      = 2(1.2163953 − 0.6931472 − 0.8109302 + 1.1507283) = 2 × 0.8630462 = 1.7260924
  // dice = 2·3/(4+5) = 6/9 = 0.6666667
  const r = associationOf({ both: 3, a: 4, b: 5, units: 10 });
  near(r.pmi, 0.5849625, 'pmi');
  near(r.npmi, 0.3367726, 'npmi');
  near(r.llr, 1.7260924, 'llr');
  near(r.dice, 0.6666667, 'dice');
});

test('empty cells add nothing to G²: units 10, a = b = both = 3', () => {
  // O = 3, 0, 0, 7; E11 = 3·3/10 = 0.9, E22 = 7·7/10 = 4.9
  // G² = 2(3 ln(3/0.9) + 7 ln(7/4.9)) = 2(3 ln(10/3) + 7 ln(10/7)) = 2(3.6119184 + 2.4967246) = 12.2172860
  // pmi = log2(30/9) = log2(10/3) = 1.7369656 = −log2(3/10), so npmi = 1; dice = 6/6 = 1
  const r = associationOf({ both: 3, a: 3, b: 3, units: 10 });
  near(r.llr, 12.217286, 'llr');
  near(r.pmi, 1.7369656, 'pmi');
  near(r.npmi, 1, 'npmi');
  assert.equal(r.dice, 1);
});

test('a pair that avoids each other: pmi and npmi negative, G² still positive', () => {
  // units 100, a = b = 50, both 10: O = 10, 40, 40, 10; every E = 50·50/100 = 25
  // pmi = log2(10·100/2500) = log2(0.4) = −1.3219281; npmi = −1.3219281 / −log2(0.1) = −1.3219281 / 3.3219281 = −0.3979400
  // G² = 2(2·10 ln(10/25) + 2·40 ln(40/25)) = 2(−18.3258146 + 37.6002903) = 38.5489514
  const r = associationOf({ both: 10, a: 50, b: 50, units: 100 });
  near(r.pmi, -1.3219281, 'pmi');
  near(r.npmi, -0.39794, 'npmi');
  near(r.llr, 38.5489514, 'llr');
  near(r.dice, 0.2, 'dice'); // 20/100
});

test('every unit holds both: npmi is 1 by definition, pmi and G² are 0', () => {
  // pmi = log2(5·5/(5·5)) = 0; −log2(5/5) = 0 would give 0/0
  const r = associationOf({ both: 5, a: 5, b: 5, units: 5 });
  assert.deepEqual(r, { pmi: 0, npmi: 1, llr: 0, dice: 1 });
});

test('independent pair: G² is exactly 0, not a rounding-negative', () => {
  // units 9, a = b = 3, both 1: 1·9/(3·3) = 1, so pmi = 0 and every O equals its E
  const r = associationOf({ both: 1, a: 3, b: 3, units: 9 });
  assert.equal(r.pmi, 0);
  assert.equal(r.llr, 0);
});

test('inconsistent counts are RangeErrors that say what is wrong', () => {
  assert.throws(() => associationOf({ both: 4, a: 3, b: 5, units: 10 }), { name: 'RangeError', message: /both \(4\) exceeds a \(3\)/ });
  assert.throws(() => associationOf({ both: 4, a: 5, b: 3, units: 10 }), { name: 'RangeError', message: /both \(4\) exceeds b \(3\)/ });
  assert.throws(() => associationOf({ both: 1, a: 11, b: 3, units: 10 }), { name: 'RangeError', message: /a \(11\) exceeds units/ });
  assert.throws(() => associationOf({ both: 1, a: 6, b: 6, units: 10 }), { name: 'RangeError', message: /exceed units/ });
  assert.throws(() => associationOf({ both: 0, a: 6, b: 3, units: 10 }), { name: 'RangeError', message: /both must be ≥ 1/ });
  assert.throws(() => associationOf({ both: 1, a: Number.NaN, b: 3, units: 10 }), RangeError);
});
