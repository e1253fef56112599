// Keyness of an item between two sides A and B: Rayson & Garside's log-likelihood G² (as in Paul
// Rayson's online calculator and quanteda's textstat_keyness(measure = "lr")), its p-value and
// Hardie's Log Ratio effect size.
import { compareCodeUnits } from '../text/compare.js';

export interface Keyness {
  /** 2·(countA·ln(countA/E_A) + countB·ln(countB/E_B)); unsigned */
  g2: number;
  /** upper tail of chi-square with 1 degree of freedom at g2 */
  pValue: number;
  /**
   * log2 of the ratio of relative frequencies A/B, a zero count taken as 0.5: positive when the item
   * is commoner in A, except that the 0.5 can outweigh a few mentions on a much larger side
   */
  logRatio: number;
  /** 1 when the item's rate is higher in A, −1 when higher in B, 0 when equal: from the counts themselves */
  direction: number;
  expectedA: number;
  expectedB: number;
}

/**
 * Hardie's Log Ratio adds 0.5 in place of a zero count, so an item on one side only gets a finite
 * (and conservative) ratio instead of ±Infinity
 */
const ZERO_COUNT_STANDIN = 0.5;

function checkSide(name: string, count: number, total: number): void {
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`keyness: count${name} must be a finite number ≥ 0, got ${count}`);
  if (!Number.isFinite(total) || total <= 0) throw new RangeError(`keyness: total${name} must be a finite number > 0, got ${total}`);
  if (count > total) throw new RangeError(`keyness: count${name} (${count}) exceeds total${name} (${total})`);
}

/** O·ln(O/E) with 0·ln(0) = 0 */
function cellTerm(observed: number, expected: number): number {
  return observed === 0 ? 0 : observed * Math.log(observed / expected);
}

export function keynessOf(countA: number, countB: number, totalA: number, totalB: number): Keyness {
  checkSide('A', countA, totalA);
  checkSide('B', countB, totalB);
  const pooled = (countA + countB) / (totalA + totalB);
  const expectedA = totalA * pooled;
  const expectedB = totalB * pooled;
  // rounding can leave a tiny negative sum when the rates are equal; G² is never below 0
  const g2 = Math.max(0, 2 * (cellTerm(countA, expectedA) + cellTerm(countB, expectedB)));
  const rateA = (countA === 0 ? ZERO_COUNT_STANDIN : countA) / totalA;
  const rateB = (countB === 0 ? ZERO_COUNT_STANDIN : countB) / totalB;
  const direction = Math.sign(countA * totalB - countB * totalA);
  return { g2, pValue: erfc(Math.sqrt(g2 / 2)), logRatio: Math.log2(rateA / rateB), direction, expectedA, expectedB };
}

// W. J. Cody's rational Chebyshev approximations for erfc (CALERF, netlib specfun, 1969/1985), in
// three intervals; relative error near double precision (~1e-16 in Cody's tables), far below the
// 1.2e-7 of Numerical Recipes' erfcc.
// biome-ignore-start lint/correctness/noPrecisionLoss: the coefficients as Cody published them, to 18 digits
const ERF_SMALL_NUM = [3.1611237438705656, 1.13864154151050156e2, 3.77485237685302021e2, 3.20937758913846947e3, 1.85777706184603153e-1];
const ERF_SMALL_DEN = [2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3, 2.84423683343917062e3];
const ERFC_MID_NUM = [
  5.64188496988670089e-1, 8.88314979438837594, 6.61191906371416295e1, 2.98635138197400131e2, 8.8195222124176909e2, 1.71204761263407058e3, 2.05107837782607147e3,
  1.23033935479799725e3, 2.15311535474403846e-8,
];
const ERFC_MID_DEN = [
  1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3, 3.29079923573345963e3, 4.36261909014324716e3,
  3.43936767414372164e3, 1.23033935480374942e3,
];
const ERFC_LARGE_NUM = [
  3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2,
];
const ERFC_LARGE_DEN = [2.56852019228982242, 1.87295284992346047, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];
/** 1/√π */
const INV_SQRT_PI = 0.56418958354775628695;
// biome-ignore-end lint/correctness/noPrecisionLoss: the coefficients as Cody published them, to 18 digits
/** beyond this erfc(x) underflows a double */
const ERFC_UNDERFLOW = 26.543;

/** exp(−y²) split as exp(−t²)·exp(−(y−t)(y+t)) with t = y rounded down to 1/16, as Cody does, to keep precision */
function expMinusSquare(y: number): number {
  const t = Math.trunc(y * 16) / 16;
  return Math.exp(-t * t) * Math.exp(-(y - t) * (y + t));
}

/** complementary error function, 1 − erf(x) */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  let result: number;
  if (y <= 0.46875) {
    const ysq = y * y;
    let num = ERF_SMALL_NUM[4]! * ysq;
    let den = ysq;
    for (let i = 0; i < 3; i++) {
      num = (num + ERF_SMALL_NUM[i]!) * ysq;
      den = (den + ERF_SMALL_DEN[i]!) * ysq;
    }
    // this interval approximates erf(x) itself, signed, so no reflection below
    return 1 - (x * (num + ERF_SMALL_NUM[3]!)) / (den + ERF_SMALL_DEN[3]!);
  } else if (y <= 4) {
    let num = ERFC_MID_NUM[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_MID_NUM[i]!) * y;
      den = (den + ERFC_MID_DEN[i]!) * y;
    }
    result = (expMinusSquare(y) * (num + ERFC_MID_NUM[7]!)) / (den + ERFC_MID_DEN[7]!);
  } else if (y >= ERFC_UNDERFLOW) {
    result = 0;
  } else {
    const inverseSquare = 1 / (y * y);
    let num = ERFC_LARGE_NUM[5]! * inverseSquare;
    let den = inverseSquare;
    for (let i = 0; i < 4; i++) {
      num = (num + ERFC_LARGE_NUM[i]!) * inverseSquare;
      den = (den + ERFC_LARGE_DEN[i]!) * inverseSquare;
    }
    const tail = (inverseSquare * (num + ERFC_LARGE_NUM[4]!)) / (den + ERFC_LARGE_DEN[4]!);
    result = (expMinusSquare(y) * (INV_SQRT_PI - tail)) / y;
  }
  return x < 0 ? 2 - result : result;
}

/** the least a keyness row needs to be ordered */
export interface KeynessRanked {
  item: string;
  g2: number;
  direction: number;
}

/**
 * G² with the sign of the direction: positive for items commoner in A, negative for B (not the Log
 * Ratio's sign, which its 0.5 for a zero count can turn: 0 of 10 tokens against 5 of 1,000)
 */
export function signedG2(k: { g2: number; direction: number }): number {
  return k.direction * k.g2;
}

/**
 * Signed G² descending: items commoner in A first, strongest first; items commoner in B last,
 * strongest last. Ties by item in code-unit order.
 */
export function compareKeyness(x: KeynessRanked, y: KeynessRanked): number {
  return signedG2(y) - signedG2(x) || compareCodeUnits(x.item, y.item);
}
