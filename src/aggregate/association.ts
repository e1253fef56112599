// Association of a pair of items from a 2×2 contingency table over units (sentences, paragraphs,
// documents or windows): PMI, normalized PMI, Dunning's log-likelihood G² and the Dice coefficient.

/** units containing both items, containing a, containing b, and all units */
export interface PairCounts {
  both: number;
  a: number;
  b: number;
  units: number;
}

export interface Association {
  /** log2(both·units / (a·b)): how much more often the pair meets than by chance, in bits */
  pmi: number;
  /** pmi / −log2(both/units), in [−1, 1]: comparable across frequencies; 1 when every unit holds both */
  npmi: number;
  /** Dunning's G² = 2 Σ O·ln(O/E) over the four cells; unsigned, so read it with pmi for direction */
  llr: number;
  /** 2·both / (a + b) */
  dice: number;
}

function checkCount(key: keyof PairCounts, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`pair counts: ${key} must be a finite number ≥ 0, got ${value}`);
}

function checkCounts(c: PairCounts): void {
  const { both, a, b, units } = c;
  checkCount('both', both);
  checkCount('a', a);
  checkCount('b', b);
  checkCount('units', units);
  if (both < 1) throw new RangeError(`pair counts: both must be ≥ 1 (a pair that never meets has no association), got ${both}`);
  if (both > a) throw new RangeError(`pair counts: both (${both}) exceeds a (${a})`);
  if (both > b) throw new RangeError(`pair counts: both (${both}) exceeds b (${b})`);
  if (a > units) throw new RangeError(`pair counts: a (${a}) exceeds units (${units})`);
  if (b > units) throw new RangeError(`pair counts: b (${b}) exceeds units (${units})`);
  if (a + b - both > units) throw new RangeError(`pair counts: units with a or b (${a} + ${b} − ${both}) exceed units (${units})`);
}

/** O·ln(O/E), with 0·ln(0/E) = 0 (its limit), so an empty cell adds nothing */
function cellTerm(observed: number, expected: number): number {
  return observed === 0 ? 0 : observed * Math.log(observed / expected);
}

export function associationOf(c: PairCounts): Association {
  checkCounts(c);
  const { both, a, b, units } = c;
  const pmi = Math.log2((both * units) / (a * b));
  // both === units makes the denominator 0 (and pmi 0); that pair is perfectly associated
  const npmi = both === units ? 1 : pmi / -Math.log2(both / units);

  const notA = units - a;
  const notB = units - b;
  // the four cells (observed, expected), added in this order
  let sum = 0;
  sum += cellTerm(both, (a * b) / units);
  sum += cellTerm(a - both, (a * notB) / units);
  sum += cellTerm(b - both, (notA * b) / units);
  sum += cellTerm(units - a - b + both, (notA * notB) / units);
  // rounding can leave a tiny negative sum for an independent pair; G² is never below 0
  const llr = Math.max(0, 2 * sum);

  return { pmi, npmi, llr, dice: (2 * both) / (a + b) };
}
