// Tables over periods (analyze --by): entity and term timelines with their denominators, bursts of
// entities against their own recent baseline, and each period's entity co-occurrence network. Each
// period's counts are read from the store one period at a time.
import { associationOf } from '../aggregate/association.js';
import { type BurstRow, burstsOf } from '../aggregate/bursts.js';
import { round } from '../aggregate/scores.js';
import { splitPairKey, type Tally } from '../aggregate/tally.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import type { Column } from '../store/store.js';
import { compareCodeUnits } from '../text/compare.js';
import { int, real, text } from './columns.js';
import { entityName, entityPeriodMentions, periodTally } from './corpus-data.js';
import type { Cell } from './csv.js';
import { gexfOf } from './gexf.js';

export const TIMELINE_COLUMNS = {
  entityTimeline: [
    text('period'),
    text('entity_id'),
    text('name'),
    text('type'),
    int('mentions'),
    int('docs'),
    real('per_10k_tokens'),
    real('share_of_docs'),
    int('period_docs'),
    int('period_tokens'),
  ],
  termTimeline: [
    text('period'),
    text('term'),
    int('count'),
    int('docs'),
    real('per_10k_tokens'),
    real('share_of_docs'),
    int('period_docs'),
    int('period_tokens'),
  ],
  bursts: [
    text('period'),
    text('entity_id'),
    text('name'),
    text('type'),
    int('mentions'),
    real('expected'),
    real('z'),
    int('baseline_periods'),
    int('baseline_mentions'),
    int('baseline_tokens'),
    int('period_tokens'),
  ],
} as const satisfies Record<string, readonly Column[]>;

/** a rate per 10,000 tokens and a share of documents, empty where the period has none */
const per10k = (n: number, tokens: number): Cell => (tokens > 0 ? round((n / tokens) * 10_000) : '');
const share = (n: number, docs: number): Cell => (docs > 0 ? round(n / docs) : '');

/** each period with documents, in time order (period keys sort so), with its counts */
export async function* periodTallies(corpus: ReducedCorpus): AsyncIterable<[period: string, tally: Tally]> {
  for (const p of corpus.periods) yield [p.key, await periodTally(corpus, [p.id])];
}

/**
 * One row per entity and period, zero rows included for every entity counted in some period, so a
 * chart of the timeline has no holes between the periods listed. Periods in order; within one, by
 * mentions, then id.
 */
export async function* entityTimelineRows(corpus: ReducedCorpus, entities: readonly string[]): AsyncIterable<Cell[]> {
  for await (const [period, t] of periodTallies(corpus)) {
    const ordered = entities
      .map((id) => [id, t.entities.get(id)] as const)
      .sort(([ia, a], [ib, b]) => (b?.mentions ?? 0) - (a?.mentions ?? 0) || compareCodeUnits(ia, ib));
    for (const [id, stat] of ordered) {
      const { name, type } = entityName(corpus, id);
      const mentions = stat?.mentions ?? 0;
      const docs = stat?.docs ?? 0;
      yield [period, id, name, type, mentions, docs, per10k(mentions, t.tokens), share(docs, t.documents), t.documents, t.tokens];
    }
  }
}

/** The same for the terms given (those counted at least --min-term-count times over all periods). */
export async function* termTimelineRows(corpus: ReducedCorpus, terms: readonly string[]): AsyncIterable<Cell[]> {
  for await (const [period, t] of periodTallies(corpus)) {
    const ordered = terms
      .map((term) => [term, t.terms.get(term)] as const)
      .sort(([ta, a], [tb, b]) => (b?.count ?? 0) - (a?.count ?? 0) || compareCodeUnits(ta, tb));
    for (const [term, stat] of ordered) {
      const count = stat?.count ?? 0;
      const docs = stat?.docs ?? 0;
      yield [period, term, count, docs, per10k(count, t.tokens), share(docs, t.documents), t.documents, t.tokens];
    }
  }
}

/** every burst of every entity (method in aggregate/bursts.ts), in no particular order */
export async function burstRows(corpus: ReducedCorpus): Promise<(BurstRow & { id: string })[]> {
  const rows: (BurstRow & { id: string })[] = [];
  for await (const [id, mentions] of entityPeriodMentions(corpus)) {
    const input = corpus.periods.map((p) => ({ period: p.key, tokens: p.totals.tokens, mentions: mentions.get(p.id) ?? 0 }));
    for (const b of burstsOf(input)) rows.push({ ...b, id });
  }
  return rows;
}

/** Entities whose mentions jump against their own recent baseline: by period, then strength. */
export function* burstTableRows(corpus: ReducedCorpus, bursts: readonly (BurstRow & { id: string })[]): Iterable<Cell[]> {
  const rows = [...bursts].sort((x, y) => compareCodeUnits(x.period, y.period) || y.z - x.z || compareCodeUnits(x.id, y.id));
  for (const b of rows) {
    const { name, type } = entityName(corpus, b.id);
    yield [b.period, b.id, name, type, b.mentions, round(b.expected), round(b.z), b.baselinePeriods, b.baselineMentions, b.baselineTokens, b.periodTokens];
  }
}

/** A period's entity co-occurrence network for Gephi: edges seen in at least `minCount` units. */
export function networkGexf(corpus: ReducedCorpus, period: string, tally: Tally, minCount: number, unitName: string): string {
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
    const { name, type } = entityName(corpus, id);
    return { id, label: name, type, mentions: tally.entities.get(id)!.mentions };
  });
  const description = `zhtext: entities of ${period} seen together in at least ${minCount} units (unit: ${unitName}); weight = units holding both`;
  return gexfOf({ nodes, edges, description });
}
