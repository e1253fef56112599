import assert from 'node:assert/strict';
import test from 'node:test';
import { compareKeyness, erfc, keynessOf, signedG2 } from '../../../src/aggregate/keyness.js';

function near(actual: number, expected: number, message?: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-6, `${message ?? ''} ${actual} ≠ ${expected}`);
}

function relativelyNear(actual: number, expected: number, tolerance: number): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.abs(expected), `${actual} ≠ ${expected} to ${tolerance} relative`);
}

test('erfc matches reference values to 1e-7 relative', () => {
  // reference values of erfc (glibc / mpmath agree to all digits shown)
  const known: [number, number][] = [
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280351e-12], // the third of Cody's intervals (x > 4)
  ];
  for (const [x, value] of known) relativelyNear(erfc(x), value, 1e-7);
  relativelyNear(erfc(-1), 2 - 0.15729920705028513, 1e-12); // erfc(−x) = 2 − erfc(x)
  assert.equal(erfc(30), 0); // underflows a double
});

test('Rayson-style arithmetic: 10 vs 2 in two corpora of 1000', () => {
  // E_A = E_B = 1000·(10+2)/2000 = 6
  // G² = 2(10 ln(10/6) + 2 ln(2/6)) = 2(5.1082562 − 2.1972246) = 2 × 2.9110317 = 5.8220633
  // p = erfc(√(5.8220633/2)) = erfc(1.7061746) = 0.0158264 (chi-square, 1 df: just under 0.05 at 3.84, over 0.01 at 6.63)
  // Log Ratio = log2((10/1000)/(2/1000)) = log2(5) = 2.3219281
  const k = keynessOf(10, 2, 1000, 1000);
  assert.equal(k.expectedA, 6);
  assert.equal(k.expectedB, 6);
  near(k.g2, 5.8220633, 'g2');
  near(k.pValue, 0.0158264, 'p');
  near(k.logRatio, 2.3219281, 'log ratio');
});

test('a count of zero: 0·ln 0 = 0 in G², 0.5 in place of 0 in Log Ratio', () => {
  // 5 vs 0 in 1000 each: E = 2.5 each; G² = 2(5 ln(5/2.5) + 0) = 10 ln 2 = 6.9314718
  // p = erfc(√3.4657359) = erfc(1.8616487) = 0.0084692
  // Log Ratio = log2((5/1000)/(0.5/1000)) = log2(10) = 3.3219281
  const k = keynessOf(5, 0, 1000, 1000);
  near(k.g2, 6.9314718, 'g2');
  near(k.pValue, 0.0084692, 'p');
  near(k.logRatio, 3.3219281, 'log ratio');
  // mirrored: same G², opposite Log Ratio
  const m = keynessOf(0, 5, 1000, 1000);
  near(m.g2, 6.9314718, 'mirrored g2');
  near(m.logRatio, -3.3219281, 'mirrored log ratio');
});

test('corpora of different sizes', () => {
  // 20 in 1000 vs 10 in 2000: E_A = 1000·30/3000 = 10, E_B = 2000·30/3000 = 20
  // G² = 2(20 ln(20/10) + 10 ln(10/20)) = 2(20 − 10) ln 2 = 20 ln 2 = 13.8629436
  // p = erfc(√6.9314718) = erfc(2.6327688) = 0.0001966; Log Ratio = log2(0.02/0.005) = log2(4) = 2
  const k = keynessOf(20, 10, 1000, 2000);
  assert.equal(k.expectedA, 10);
  assert.equal(k.expectedB, 20);
  near(k.g2, 13.8629436, 'g2');
  near(k.pValue, 0.0001966, 'p');
  assert.equal(k.logRatio, 2);
});

test('equal rates: G² 0, p 1, Log Ratio 0', () => {
  const k = keynessOf(3, 6, 100, 200);
  assert.equal(k.g2, 0);
  assert.equal(k.pValue, 1);
  assert.equal(k.logRatio, 0);
});

test('impossible counts are RangeErrors', () => {
  assert.throws(() => keynessOf(11, 0, 10, 10), { name: 'RangeError', message: /countA \(11\) exceeds totalA \(10\)/ });
  assert.throws(() => keynessOf(1, 1, 10, 0), { name: 'RangeError', message: /totalB/ });
  assert.throws(() => keynessOf(-1, 1, 10, 10), RangeError);
});

test('the direction comes from the counts: 0 of 10 tokens against 5 of 1,000 is commoner in B, though the Log Ratio (0.5 for the zero) says A', () => {
  const k = keynessOf(0, 5, 10, 1000);
  // Log Ratio: log2((0.5 / 10) / (5 / 1000)) = log2(10)
  assert.ok(Math.abs(k.logRatio - Math.log2(10)) < 1e-12);
  assert.equal(k.direction, -1);
  assert.ok(signedG2(k) <= 0);
  assert.equal(keynessOf(3, 3, 100, 100).direction, 0);
  assert.equal(keynessOf(4, 1, 100, 100).direction, 1);
});

test('compareKeyness: A-items strongest first, B-items strongest last, ties by item', () => {
  const rows = [
    { item: '乙', g2: 4, direction: -1 }, // signed −4
    { item: '甲', g2: 9, direction: 1 }, // signed +9
    { item: '丁', g2: 12, direction: -1 }, // signed −12, strongest for B: last
    { item: '丙', g2: 9, direction: 1 }, // signed +9, tied with 甲: 丙 (U+4E19) before 甲 (U+7532)
    { item: '戊', g2: 0, direction: 0 }, // signed 0, in the middle
  ];
  assert.equal(signedG2(rows[0]!), -4);
  assert.deepEqual(
    [...rows].sort(compareKeyness).map((r) => r.item),
    ['丙', '甲', '戊', '乙', '丁'],
  );
});
