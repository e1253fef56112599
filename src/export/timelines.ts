// Tables over periods (analyze --by): entity and term timelines with their denominators, bursts of
// entities against their own recent baseline, and each period's entity co-occurrence network. Each
// period's counts are read from the store one period at a time.
import { associationOf } from '../aggregate/association.js';
import { type BurstRow, burstsOf } from '../aggregate/bursts.js';
import { round } from '../aggregate/scores.js';
import { splitPairKey, type Tally } from '../aggregate/tally.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import type { Column, NumberAppender, NumberColumn } from '../store/store.js';
import { compareCodeUnits } from '../text/compare.js';
import { int, real, text } from './columns.js';
import { entityName, entityPeriodMentions, periodTally, storeOf } from './corpus-data.js';
import { type Cell, csvText } from './csv.js';
import { gexfOf } from './gexf.js';
import type { OutputFolder, WrittenTable } from './output-dir.js';
import { type StoredTable, writeStoredTable } from './stored-table.js';

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

/** each period with documents, in time order (period keys sort so), with its counts (see periodTally for the options) */
export async function* periodTallies(corpus: ReducedCorpus, options?: Parameters<typeof periodTally>[2]): AsyncIterable<[period: string, tally: Tally]> {
  for (const p of corpus.periods) yield [p.key, await periodTally(corpus, [p.id], options)];
}

/**
 * The periods as the store's query for a timeline takes them: a VALUES list of each period's place
 * in time order and its store id, and a table of the store with each place's key (for the Parquet
 * file), named `name`.
 */
async function periodsInStore(corpus: ReducedCorpus, name: string): Promise<string> {
  const keys = await storeOf(corpus).table(name, [int('ord'), { name: 'key', type: 'VARCHAR' }]);
  corpus.periods.forEach((p, ord) => {
    keys.append([ord, p.key]);
  });
  keys.close();
  if (corpus.periods.length === 0) return '(SELECT 0 AS ord, 0 AS id WHERE false) AS periods';
  return `(VALUES ${corpus.periods.map((p, ord) => `(${ord}, ${p.id})`).join(', ')}) AS periods(ord, id)`;
}

/** The numbers of a timeline's row as the store keeps them (see stored-table.ts). */
const TIMELINE_NUMBERS = [
  int('period'),
  int('item'),
  int('count'),
  int('docs'),
  real('per_10k_tokens'),
  real('share_of_docs'),
  int('period_docs'),
  int('period_tokens'),
] as const;

/**
 * Appends a timeline's numbers: the store's rows (period place, item id, count, docs), in the table's
 * order, with each period's rates and totals.
 */
async function fillTimeline(corpus: ReducedCorpus, sql: string, numbers: NumberAppender): Promise<void> {
  const totals = corpus.periods.map((p) => p.totals);
  let buffers: NumberColumn[] = [];
  for await (const [period, item, count, docs] of storeOf(corpus).integerChunks(sql)) {
    const length = period!.length;
    if ((buffers[0]?.length ?? 0) < length) buffers = [new Float64Array(length), new Float64Array(length), new Int32Array(length), new Int32Array(length)];
    const [per10k, share, periodDocs, periodTokens] = buffers as [Float64Array, Float64Array, Int32Array, Int32Array];
    for (let i = 0; i < length; i++) {
      const t = totals[period![i]!]!;
      // as per10k and share give them; NaN for the empty cell (NULL in the Parquet file)
      per10k[i] = t.tokens > 0 ? round((count![i]! / t.tokens) * 10_000) : Number.NaN;
      share[i] = t.documents > 0 ? round(docs![i]! / t.documents) : Number.NaN;
      periodDocs[i] = t.documents;
      periodTokens[i] = t.tokens;
    }
    numbers.append([period!, item!, count!, docs!, per10k, share, periodDocs, periodTokens], length);
  }
}

/** a timeline's rate cell: empty where the period has no tokens (or documents) */
const rateCell = (value: number, total: number) => (total > 0 ? `${value}` : '');

/**
 * The rates of a timeline's row as its Parquet file gives them: empty (null) where the period has no
 * tokens or no documents, as the CSV line leaves the cell empty (rateCell).
 */
const TIMELINE_RATES = `CASE WHEN n.period_tokens > 0 THEN n.per_10k_tokens END AS per_10k_tokens, CASE WHEN n.period_docs > 0 THEN n.share_of_docs END AS share_of_docs,
        n.period_docs, n.period_tokens`;

/** a timeline's CSV lines from its stored numbers (TIMELINE_NUMBERS), the period and item cells given */
function timelineLines(periodCells: readonly string[], itemCell: (id: number) => string): StoredTable['lines'] {
  return ([period, item, count, docs, per10k, share, periodDocs, periodTokens]) =>
    (i) =>
      `${periodCells[period![i]!]},${itemCell(item![i]!)},${count![i]},${docs![i]},${rateCell(per10k![i]!, periodTokens![i]!)},${rateCell(share![i]!, periodDocs![i]!)},${periodDocs![i]},${periodTokens![i]}\n`;
}

/**
 * entity_timeline.csv and its Parquet file (the rows of entityTimelineRows), from the rows' numbers
 * in the store: which entities, and their order in each period, come from the store's query.
 */
export async function writeEntityTimeline(folder: OutputFolder, corpus: ReducedCorpus): Promise<WrittenTable> {
  const store = storeOf(corpus);
  const periods = await periodsInStore(corpus, 'entity_timeline_periods');
  const ids = corpus.entityVocabulary.strings;
  const info = await store.table('entity_timeline_names', [int('id'), { name: 'name', type: 'VARCHAR' }, { name: 'type', type: 'VARCHAR' }]);
  // each entity's cells (id, name, type), made once
  const cells = ids.map((id, k) => {
    const { name, type } = entityName(corpus, id);
    info.append([k, name, type]);
    return `${csvText(id)},${csvText(name)},${csvText(type)}`;
  });
  info.close();
  const periodCells = corpus.periods.map((p) => csvText(p.key));
  const table: StoredTable = {
    name: 'entity_timeline',
    columns: TIMELINE_COLUMNS.entityTimeline,
    numbers: [...TIMELINE_NUMBERS],
    parquet: (from) => `
      SELECT k.key AS period, v.value AS entity_id, i.name, i.type, n.count AS mentions, n.docs,
        ${TIMELINE_RATES}
      FROM ${from} n JOIN entity_timeline_periods k ON k.ord = n.period JOIN entity_vocabulary v ON v.id = n.item JOIN entity_timeline_names i ON i.id = n.item
      ORDER BY n.rowid`,
    lines: timelineLines(periodCells, (id) => cells[id]!),
  };
  // every entity counted in some period, in every period; by mentions (descending), then id
  const sql = `
    WITH entities AS (SELECT DISTINCT entity FROM period_entities)
    SELECT periods.ord, e.entity, coalesce(pe.mentions, 0)::INTEGER AS mentions, coalesce(pe.docs, 0)::INTEGER AS docs
    FROM ${periods} CROSS JOIN entities e
    LEFT JOIN period_entities pe ON pe.period = periods.id AND pe.entity = e.entity
    JOIN entity_vocabulary v ON v.id = e.entity
    ORDER BY periods.ord, mentions DESC, v.rank`;
  const written = await writeStoredTable(folder, store, table, (numbers) => fillTimeline(corpus, sql, numbers));
  folder.dropAfterSettle('entity_timeline_periods', 'entity_timeline_names');
  return written;
}

/** term_timeline.csv and its Parquet file (the rows of termTimelineRows) the same way, for the terms counted at least `minTermCount` times. */
export async function writeTermTimeline(folder: OutputFolder, corpus: ReducedCorpus, minTermCount: number): Promise<WrittenTable> {
  const store = storeOf(corpus);
  const periods = await periodsInStore(corpus, 'term_timeline_periods');
  const terms = corpus.terms.vocabulary.strings;
  const cells = new Array<string>(terms.length);
  const cell = (id: number) => (cells[id] ??= csvText(terms[id]!));
  const periodCells = corpus.periods.map((p) => csvText(p.key));
  const table: StoredTable = {
    name: 'term_timeline',
    columns: TIMELINE_COLUMNS.termTimeline,
    numbers: [...TIMELINE_NUMBERS],
    parquet: (from) => `
      SELECT k.key AS period, v.value AS term, n.count, n.docs,
        ${TIMELINE_RATES}
      FROM ${from} n JOIN term_timeline_periods k ON k.ord = n.period JOIN term_vocabulary v ON v.id = n.item
      ORDER BY n.rowid`,
    lines: timelineLines(periodCells, cell),
  };
  // the terms counted at least minTermCount times over the periods, in every period; by count (descending), then term
  const sql = `
    WITH terms AS (SELECT term FROM period_terms GROUP BY term HAVING sum(count) >= ${minTermCount})
    SELECT periods.ord, t.term, coalesce(pt.count, 0)::INTEGER AS count, coalesce(pt.docs, 0)::INTEGER AS docs
    FROM ${periods} CROSS JOIN terms t
    LEFT JOIN period_terms pt ON pt.period = periods.id AND pt.term = t.term
    JOIN term_vocabulary v ON v.id = t.term
    ORDER BY periods.ord, count DESC, v.rank`;
  const written = await writeStoredTable(folder, store, table, (numbers) => fillTimeline(corpus, sql, numbers));
  folder.dropAfterSettle('term_timeline_periods');
  return written;
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
