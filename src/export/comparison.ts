// Tables of `zhtext compare`: keyness of terms and entities between two sides, and the difference
// between the two sides' entity co-occurrence networks.
import { associationOf } from '../aggregate/association.js';
import { type Keyness, keynessOf, signedG2 } from '../aggregate/keyness.js';
import { round } from '../aggregate/scores.js';
import { splitPairKey, type Tally } from '../aggregate/tally.js';
import type { Column } from '../store/store.js';
import { compareCodeUnits } from '../text/compare.js';
import { int, real, text } from './columns.js';
import type { Cell } from './csv.js';

export const COMPARISON_COLUMNS = {
  keyness: [
    text('a'),
    text('b'),
    text('item'),
    text('kind'),
    text('name'),
    int('count_a'),
    int('count_b'),
    int('total_a'),
    int('total_b'),
    int('docs_a'),
    int('docs_b'),
    real('g2'),
    real('p_value'),
    real('log_ratio'),
    text('low_expected'),
  ],
  networkDiff: [
    text('a'),
    text('b'),
    text('source'),
    text('target'),
    text('source_name'),
    text('target_name'),
    text('change'),
    int('count_a'),
    int('count_b'),
    real('npmi_a'),
    real('npmi_b'),
    real('llr_a'),
    real('llr_b'),
    int('units_a'),
    int('units_b'),
  ],
} as const satisfies Record<string, readonly Column[]>;

/** an entity's display name */
export type NameOf = (id: string) => string;

/** two sides to compare: a label each (a period, a range, or "rest") and their counts */
export interface Comparison {
  a: string;
  b: string;
  tallyA: Tally;
  tallyB: Tally;
}

export interface KeynessOptions {
  /** items seen fewer times than this on the two sides together are left out */
  minCount: number;
  /** an item whose expected count on either side is below this is flagged low_expected */
  minExpected: number;
}

/** an item of a comparison with its keyness */
export interface KeyItem extends Keyness {
  item: string;
  kind: 'term' | 'entity';
  /** the term, or the entity's name */
  name: string;
  countA: number;
  countB: number;
  lowExpected: boolean;
}

/**
 * Terms (count) and entities (mentions) against the word tokens of each side, from the item most
 * typical of A to the one most typical of B (signed G²); none when a side has no tokens.
 */
export function keyItems({ tallyA, tallyB }: Comparison, nameOf: NameOf, options: KeynessOptions): KeyItem[] {
  if (tallyA.tokens === 0 || tallyB.tokens === 0) return [];
  const items: KeyItem[] = [];
  // signed G² of each item, computed once for the sort (compareKeyness's order)
  const signed: number[] = [];
  const add = (item: string, kind: 'term' | 'entity', countA: number, countB: number) => {
    if (countA + countB < options.minCount) return;
    const k = keynessOf(countA, countB, tallyA.tokens, tallyB.tokens);
    const name = kind === 'entity' ? nameOf(item) : item;
    const { g2, pValue, logRatio, direction, expectedA, expectedB } = k;
    items.push({
      item,
      kind,
      countA,
      countB,
      g2,
      pValue,
      logRatio,
      direction,
      expectedA,
      expectedB,
      name,
      lowExpected: Math.min(expectedA, expectedB) < options.minExpected,
    });
    signed.push(signedG2(k));
  };
  for (const [term, s] of tallyA.terms) add(term, 'term', s.count, tallyB.terms.get(term)?.count ?? 0);
  for (const [term, s] of tallyB.terms) if (!tallyA.terms.has(term)) add(term, 'term', 0, s.count);
  for (const [id, s] of tallyA.entities) add(id, 'entity', s.mentions, tallyB.entities.get(id)?.mentions ?? 0);
  for (const [id, s] of tallyB.entities) if (!tallyA.entities.has(id)) add(id, 'entity', 0, s.mentions);
  // compareKeyness (signed G² descending, then the item), and a term and an entity may share a name: the kind breaks the tie
  const order = items.map((_, i) => i);
  order.sort((x, y) => signed[y]! - signed[x]! || compareCodeUnits(items[x]!.item, items[y]!.item) || compareCodeUnits(items[x]!.kind, items[y]!.kind));
  return order.map((i) => items[i]!);
}

/** the keyness.csv rows of one comparison, from its items */
export function keynessRows(c: Comparison, items: readonly KeyItem[]): Cell[][] {
  const { a, b, tallyA, tallyB } = c;
  return items.map((x) => [
    a,
    b,
    x.item,
    x.kind,
    x.name,
    x.countA,
    x.countB,
    tallyA.tokens,
    tallyB.tokens,
    tallyA.documents,
    tallyB.documents,
    round(x.g2),
    pValueCell(x.pValue),
    round(x.logRatio),
    x.lowExpected ? 'yes' : 'no',
  ]);
}

/** p-values span many orders of magnitude: four significant digits, not four decimals */
function pValueCell(p: number): Cell {
  return p === 0 ? 0 : Number(p.toPrecision(4));
}

const CHANGE_ORDER = { gained: 0, lost: 1, changed: 2 } as const;

/** an edge that differs between the sides */
export interface EdgeChange {
  source: string;
  target: string;
  change: keyof typeof CHANGE_ORDER;
  countA: number;
  countB: number;
}

/**
 * Edges (entity pairs seen together in at least `minCount` units) gained in B, lost from A, and
 * changed in count: gained, lost, then changed, each by the larger count.
 */
export function edgeChanges({ tallyA, tallyB }: Comparison, minCount: number): EdgeChange[] {
  const keys = new Set<string>();
  for (const [key, s] of tallyA.entityPairs) if (s.count >= minCount) keys.add(key);
  for (const [key, s] of tallyB.entityPairs) if (s.count >= minCount) keys.add(key);
  const edges: (EdgeChange & { key: string })[] = [];
  for (const key of keys) {
    const countA = tallyA.entityPairs.get(key)?.count ?? 0;
    const countB = tallyB.entityPairs.get(key)?.count ?? 0;
    const inA = countA >= minCount;
    const inB = countB >= minCount;
    if (inA && inB && countA === countB) continue;
    const [source, target] = splitPairKey(key);
    edges.push({ key, source, target, change: inA && inB ? 'changed' : inB ? 'gained' : 'lost', countA, countB });
  }
  return edges.sort(
    (x, y) => CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] || Math.max(y.countA, y.countB) - Math.max(x.countA, x.countB) || compareCodeUnits(x.key, y.key),
  );
}

/** The network_diff.csv rows of one comparison: both sides' counts and measures of each changed edge; a side's measures are empty where the pair never met. */
export function networkDiffRows(c: Comparison, edges: readonly EdgeChange[], nameOf: NameOf): Cell[][] {
  const { a, b, tallyA, tallyB } = c;
  return edges.map((e) => {
    const side = (t: Tally, count: number) => {
      if (count === 0) return { npmi: '' as Cell, llr: '' as Cell };
      const m = associationOf({ both: count, a: t.entities.get(e.source)!.units, b: t.entities.get(e.target)!.units, units: t.units });
      return { npmi: round(m.npmi) as Cell, llr: round(m.llr) as Cell };
    };
    const sa = side(tallyA, e.countA);
    const sb = side(tallyB, e.countB);
    return [
      a,
      b,
      e.source,
      e.target,
      nameOf(e.source),
      nameOf(e.target),
      e.change,
      e.countA,
      e.countB,
      sa.npmi,
      sb.npmi,
      sa.llr,
      sb.llr,
      tallyA.units,
      tallyB.units,
    ];
  });
}
