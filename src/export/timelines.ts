// Tables over periods (analyze --by): entity and term timelines with their denominators, bursts of
// entities against their own recent baseline, and each period's entity co-occurrence network.
import { associationOf } from '../aggregate/association.js';
import { type BurstRow, burstsOf } from '../aggregate/bursts.js';
import { round } from '../aggregate/scores.js';
import { splitPairKey, type Tally } from '../aggregate/tally.js';
import { describeEntity, type KnowledgeBase } from '../resources/knowledge-base.js';
import { compareCodeUnits } from '../text/compare.js';
import { type Cell, toCsv } from './csv.js';
import { gexfOf } from './gexf.js';

export const TIMELINE_COLUMNS = {
  entityTimeline: ['period', 'entity_id', 'name', 'type', 'mentions', 'docs', 'per_10k_tokens', 'share_of_docs', 'period_docs', 'period_tokens'],
  termTimeline: ['period', 'term', 'count', 'docs', 'per_10k_tokens', 'share_of_docs', 'period_docs', 'period_tokens'],
  bursts: ['period', 'entity_id', 'name', 'type', 'mentions', 'expected', 'z', 'baseline_periods', 'baseline_mentions', 'baseline_tokens', 'period_tokens'],
} as const;

/** the periods that have documents, in time order (period keys sort so), each with its counts */
export type PeriodSeries = [period: string, tally: Tally][];

export function periodSeries(tallies: Map<string, Tally>): PeriodSeries {
  return [...tallies].sort(([a], [b]) => compareCodeUnits(a, b));
}

/** every entity counted in some period */
function entityIdsOf(series: PeriodSeries): Set<string> {
  const ids = new Set<string>();
  for (const [, t] of series) for (const id of t.entities.keys()) ids.add(id);
  return ids;
}

/** a rate per 10,000 tokens and a share of documents, empty where the period has none */
const per10k = (n: number, tokens: number): Cell => (tokens > 0 ? round((n / tokens) * 10_000) : '');
const share = (n: number, docs: number): Cell => (docs > 0 ? round(n / docs) : '');

/**
 * One row per entity and period, zero rows included for every entity counted in some period, so a
 * chart of the timeline has no holes between the periods listed. Periods in order; within one, by
 * mentions, then id.
 */
export function entityTimelineCsv(series: PeriodSeries, kb: KnowledgeBase): string {
  const ids = entityIdsOf(series);
  const rows: Cell[][] = [];
  for (const [period, t] of series) {
    const ordered = [...ids]
      .map((id) => [id, t.entities.get(id)] as const)
      .sort(([ia, a], [ib, b]) => (b?.mentions ?? 0) - (a?.mentions ?? 0) || compareCodeUnits(ia, ib));
    for (const [id, stat] of ordered) {
      const { name, type } = describeEntity(kb, id);
      const mentions = stat?.mentions ?? 0;
      const docs = stat?.docs ?? 0;
      rows.push([period, id, name, type, mentions, docs, per10k(mentions, t.tokens), share(docs, t.documents), t.documents, t.tokens]);
    }
  }
  return toCsv(TIMELINE_COLUMNS.entityTimeline, rows);
}

/** The same for terms counted at least `minCount` times over all periods. */
export function termTimelineCsv(series: PeriodSeries, minCount: number): string {
  const totals = new Map<string, number>();
  for (const [, t] of series) for (const [term, s] of t.terms) totals.set(term, (totals.get(term) ?? 0) + s.count);
  const terms = [...totals].filter(([, n]) => n >= minCount).map(([term]) => term);
  const rows: Cell[][] = [];
  for (const [period, t] of series) {
    const ordered = terms
      .map((term) => [term, t.terms.get(term)] as const)
      .sort(([ta, a], [tb, b]) => (b?.count ?? 0) - (a?.count ?? 0) || compareCodeUnits(ta, tb));
    for (const [term, stat] of ordered) {
      const count = stat?.count ?? 0;
      const docs = stat?.docs ?? 0;
      rows.push([period, term, count, docs, per10k(count, t.tokens), share(docs, t.documents), t.documents, t.tokens]);
    }
  }
  return toCsv(TIMELINE_COLUMNS.termTimeline, rows);
}

/** every burst of every entity (method in aggregate/bursts.ts), in no particular order */
export function burstRows(series: PeriodSeries): (BurstRow & { id: string })[] {
  const ids = entityIdsOf(series);
  const rows: (BurstRow & { id: string })[] = [];
  for (const id of ids) {
    const input = series.map(([period, t]) => ({ period, tokens: t.tokens, mentions: t.entities.get(id)?.mentions ?? 0 }));
    for (const b of burstsOf(input)) rows.push({ ...b, id });
  }
  return rows;
}

/** Entities whose mentions jump against their own recent baseline: by period, then strength. */
export function burstsCsv(series: PeriodSeries, kb: KnowledgeBase): string {
  const rows = burstRows(series).sort((x, y) => compareCodeUnits(x.period, y.period) || y.z - x.z || compareCodeUnits(x.id, y.id));
  return toCsv(
    TIMELINE_COLUMNS.bursts,
    rows.map((b) => {
      const { name, type } = describeEntity(kb, b.id);
      return [b.period, b.id, name, type, b.mentions, round(b.expected), round(b.z), b.baselinePeriods, b.baselineMentions, b.baselineTokens, b.periodTokens];
    }),
  );
}

/** A period's entity co-occurrence network for Gephi: edges seen in at least `minCount` units. */
export function networkGexf(period: string, tally: Tally, kb: KnowledgeBase, minCount: number, unitName: string): string {
  const edges: { source: string; target: string; weight: number; npmi: number }[] = [];
  const inNetwork = new Set<string>();
  for (const [key, pair] of tally.entityPairs) {
    if (pair.count < minCount) continue;
    const [a, b] = splitPairKey(key);
    const { npmi } = associationOf({ both: pair.count, a: tally.entities.get(a)!.units, b: tally.entities.get(b)!.units, units: tally.units });
    edges.push({ source: a, target: b, weight: pair.count, npmi: round(npmi) });
    inNetwork.add(a).add(b);
  }
  const nodes = [...inNetwork].map((id) => {
    const { name, type } = describeEntity(kb, id);
    return { id, label: name, type, mentions: tally.entities.get(id)!.mentions };
  });
  const description = `zhtext: entities of ${period} seen together in at least ${minCount} units (unit: ${unitName}); weight = units holding both`;
  return gexfOf({ nodes, edges, description });
}
