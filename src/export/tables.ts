// The tables of an analysis run, as rows in the order the files list them, streamed from the
// reduced corpus. Column names are stable and documented in the README; each column has the type its
// Parquet file gives it.
import { associationOf } from '../aggregate/association.js';
import { round, tfidf } from '../aggregate/scores.js';
import type { EntityStat } from '../aggregate/tally.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import type { Column } from '../store/store.js';
import { compareCodeUnits } from '../text/compare.js';
import { int, real, text } from './columns.js';
import { entityName, pairRows, storeOf, termsByCount, usualPos } from './corpus-data.js';
import type { Cell } from './csv.js';

export const COLUMNS = {
  documents: [
    text('doc_id'),
    text('path'),
    text('title'),
    text('date'),
    text('day'),
    text('outlet'),
    text('outlet_id'),
    text('outlet_as_written'),
    text('url'),
    text('script'),
    int('tokens'),
    text('status'),
    text('copy_of'),
    real('similarity'),
  ],
  terms: [text('term'), text('pos'), int('count'), int('docs'), real('tfidf')],
  entities: [text('entity_id'), text('type'), text('name'), int('mentions'), int('docs'), text('surfaces')],
  entityMentions: [
    text('doc_id'),
    text('day'),
    text('outlet'),
    text('entity_id'),
    text('surface'),
    int('block'),
    int('start'),
    int('end'),
    text('context'),
    text('path'),
  ],
  cooccurrence: [
    text('a'),
    text('b'),
    text('kind'),
    int('count'),
    int('docs'),
    int('units_a'),
    int('units_b'),
    int('units'),
    real('pmi'),
    real('npmi'),
    real('llr'),
    real('dice'),
  ],
  messages: [text('path'), text('doc_id'), text('code'), text('severity'), text('reason'), text('place')],
} as const satisfies Record<string, readonly Column[]>;

export async function* termRows(corpus: ReducedCorpus): AsyncIterable<Cell[]> {
  const pos = await usualPos(corpus);
  const { vocabulary, count, docs } = corpus.terms;
  for (const id of termsByCount(corpus)) {
    yield [vocabulary.strings[id]!, pos[id] ?? '', count[id]!, docs[id]!, round(tfidf(count[id]!, corpus.documents, docs[id]!))];
  }
}

/** surfaces by frequency, then code-unit order */
export function surfaceList(surfaces: Map<string, number>): string[] {
  return [...surfaces].sort(([sa, a], [sb, b]) => b - a || compareCodeUnits(sa, sb)).map(([s]) => s);
}

/** entities by mentions (descending), then id: the order of every entity table */
export function byMentions(entities: Map<string, EntityStat>): [string, EntityStat][] {
  return [...entities].sort(([ia, a], [ib, b]) => b.mentions - a.mentions || compareCodeUnits(ia, ib));
}

export function* entityRows(corpus: ReducedCorpus): Iterable<Cell[]> {
  for (const [id, s] of byMentions(corpus.entities)) {
    const { name, type } = entityName(corpus, id);
    yield [id, type, name, s.mentions, s.docs, surfaceList(s.surfaces).join('|')];
  }
}

/** entity_mentions.csv as the reduce stored it, in input and text order (preserve_insertion_order holds it) */
export const ENTITY_MENTIONS_SQL = 'SELECT doc_id, day, outlet, entity_id, surface, block, start, "end", context, path FROM mentions';

/** documents.csv as the reduce stored it, in input order */
export const DOCUMENTS_SQL =
  'SELECT doc_id, path, title, date, day, outlet, outlet_id, outlet_as_written, url, script, tokens, status, copy_of, similarity FROM documents ORDER BY idx';

/** rows of a store query as cells: NULL as the empty cell */
export async function* storeRows(corpus: ReducedCorpus, sql: string): AsyncIterable<Cell[]> {
  for await (const row of storeOf(corpus).rows(sql)) yield row.map((cell) => (cell === null ? '' : (cell as Cell)));
}

/**
 * Entity pairs (all), then term pairs seen in at least `minTermPairCount` units, with their counts,
 * the units holding each item and all units (the 2×2 table), and the association measures.
 */
export async function* cooccurrenceRows(corpus: ReducedCorpus, minTermPairCount: number): AsyncIterable<Cell[]> {
  const { units } = corpus;
  const row = (a: string, b: string, kind: string, count: number, docs: number, unitsA: number, unitsB: number): Cell[] => {
    const m = associationOf({ both: count, a: unitsA, b: unitsB, units });
    return [a, b, kind, count, docs, unitsA, unitsB, units, round(m.pmi), round(m.npmi), round(m.llr), round(m.dice)];
  };
  for await (const [a, b, count, docs] of pairRows(corpus, 'entity', 1)) {
    yield row(a, b, 'entity', count, docs, corpus.entities.get(a)!.units, corpus.entities.get(b)!.units);
  }
  const termUnits = corpus.terms.units;
  for await (const [a, b, count, docs, aId, bId] of pairRows(corpus, 'term', minTermPairCount)) {
    yield row(a, b, 'term', count, docs, termUnits[aId]!, termUnits[bId]!);
  }
}

/** every message of every document in input order, then the files left out of folders */
export async function* messageRows(
  corpus: ReducedCorpus,
  skipped: readonly { path: string; reason: string }[],
  notes: readonly Cell[][] = [],
): AsyncIterable<Cell[]> {
  yield* storeOf(corpus).rows('SELECT path, doc_id, code, severity, reason, place FROM messages ORDER BY idx, seq') as AsyncIterable<Cell[]>;
  for (const s of skipped) yield [s.path, '', 'not-a-post', 'info', s.reason, ''];
  yield* notes;
}
