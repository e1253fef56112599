import assert from 'node:assert/strict';
import test from 'node:test';
import { burstsOf, type PeriodMentions, periodScoresOf } from '../../../src/aggregate/bursts.js';

function near(actual: number, expected: number, message?: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-6, `${message ?? ''} ${actual} ≠ ${expected}`);
}

const day = (n: number) => `2024-03-${String(n).padStart(2, '0')}`;

/** seven quiet days (2 mentions in 1000 tokens), an empty day, a burst, then a busy but normal day */
function series(): PeriodMentions[] {
  const quiet = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ period: day(n), tokens: 1000, mentions: 2 }));
  return [...quiet, { period: day(8), tokens: 0, mentions: 0 }, { period: day(9), tokens: 1000, mentions: 20 }, { period: day(10), tokens: 2000, mentions: 9 }];
}

test('one period bursts, the next one does not', () => {
  // 03-09: baseline = 03-01…03-07 (03-08 has no tokens, so it is neither target nor baseline)
  //   rate = (14 + 0.5) / 7000; expected = 14.5/7000 × 1000 = 2.0714286
  //   z = (20 − 2.0714286) / √2.0714286 = 17.9285714 / 1.4392458 = 12.4569208 → burst (z ≥ 3, 20 ≥ 5)
  // 03-10: baseline = 03-02…03-07 and 03-09 (7 periods): 6·2 + 20 = 32 mentions in 7000 tokens
  //   expected = 32.5/7000 × 2000 = 9.2857143; z = (9 − 9.2857143) / 3.0472470 = −0.0937614 → no burst
  const bursts = burstsOf(series());
  assert.equal(bursts.length, 1);
  const burst = bursts[0]!;
  assert.equal(burst.period, '2024-03-09');
  assert.equal(burst.baselinePeriods, 7);
  assert.equal(burst.baselineMentions, 14);
  assert.equal(burst.baselineTokens, 7000);
  assert.equal(burst.periodTokens, 1000);
  assert.equal(burst.mentions, 20);
  near(burst.expected, 2.0714286, 'expected');
  near(burst.z, 12.4569208, 'z');

  const after = periodScoresOf(series()).find((r) => r.period === '2024-03-10')!;
  assert.equal(after.baselinePeriods, 7);
  assert.equal(after.baselineMentions, 32);
  near(after.expected, 9.2857143, 'expected after');
  near(after.z, -0.0937614, 'z after');
});

test('scores start once the baseline is long enough; empty periods are skipped', () => {
  // 03-01 has no baseline; 03-02 has one period: expected = 2.5/1000 × 1000 = 2.5, z = (2 − 2.5)/√2.5 = −0.3162278
  const rows = periodScoresOf(series());
  assert.deepEqual(
    rows.map((r) => r.period),
    [2, 3, 4, 5, 6, 7, 9, 10].map(day),
  );
  near(rows[0]!.z, -0.3162278, 'z of 03-02');
  assert.deepEqual(
    periodScoresOf(series(), { minBaselinePeriods: 7 }).map((r) => r.period),
    [day(9), day(10)],
  );
});

test('a window of 2 looks at the two previous periods with tokens only', () => {
  // 03-09 with window 2: baseline 03-06 and 03-07 → 4 mentions in 2000 tokens; expected = 4.5/2000 × 1000 = 2.25
  const row = periodScoresOf(series(), { window: 2 }).find((r) => r.period === day(9))!;
  assert.equal(row.baselinePeriods, 2);
  assert.equal(row.baselineTokens, 2000);
  near(row.expected, 2.25, 'expected');
});

test('few mentions after silence: high z but under minMentions, so no burst', () => {
  // baseline 0 mentions in 3000 tokens: expected = 0.5/3000 × 1000 = 0.1666667
  // z = (3 − 0.1666667)/√0.1666667 = 2.8333333/0.4082483 = 6.9402209, but 3 < 5
  const quietThenThree = [
    { period: 'd1', tokens: 1000, mentions: 0 },
    { period: 'd2', tokens: 1000, mentions: 0 },
    { period: 'd3', tokens: 1000, mentions: 0 },
    { period: 'd4', tokens: 1000, mentions: 3 },
  ];
  near(periodScoresOf(quietThenThree).at(-1)!.z, 6.9402209, 'z');
  assert.deepEqual(burstsOf(quietThenThree), []);
  assert.equal(burstsOf(quietThenThree, { minMentions: 3 }).length, 1);
});

test('input order does not matter; bad input is a RangeError', () => {
  assert.deepEqual(burstsOf([...series()].reverse()), burstsOf(series()));
  assert.throws(() => burstsOf([...series(), { period: day(9), tokens: 5, mentions: 1 }]), { name: 'RangeError', message: /appears twice/ });
  assert.throws(() => burstsOf(series(), { window: 0 }), RangeError);
  assert.throws(() => burstsOf(series(), { window: 3, minBaselinePeriods: 4 }), RangeError);
  assert.throws(() => burstsOf([{ period: 'x', tokens: -1, mentions: 0 }]), RangeError);
});
