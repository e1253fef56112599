// The tables of an analysis run, as rows in the order the files list them, streamed from the
// reduced corpus. Column names are stable and documented in the README; each column has the type its
// Parquet file gives it.

import { associationOf } from '../aggregate/association.js';
import { round, tfidf } from '../aggregate/scores.js';
import type { EntityStat } from '../aggregate/tally.js';
import { MESSAGE_CODES } from '../messages.js';
import { DOCUMENT_FIELDS, MENTION_FIELDS, MESSAGE_FIELDS, type ReducedCorpus } from '../pipeline/reduce.js';
import type { Column } from '../store/store.js';
import { compareCodeUnits } from '../text/compare.js';
import { int, real, text } from './columns.js';
import { entityName, pairChunks, storeOf, termsByCount, usualPos, usualPosIds } from './corpus-data.js';
import { type Cell, csvText } from './csv.js';
import type { OutputFolder, WrittenTable } from './output-dir.js';
import { type StoredTable, writeStoredTable } from './stored-table.js';

export const COLUMNS = {
  documents: DOCUMENT_FIELDS,
  terms: [text('term'), text('pos'), int('count'), int('docs'), real('tfidf')],
  entities: [text('entity_id'), text('type'), text('name'), int('mentions'), int('docs'), text('surfaces')],
  entityMentions: MENTION_FIELDS,
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
  messages: MESSAGE_FIELDS,
} as const satisfies Record<string, readonly Column[]>;

export async function* termRows(corpus: ReducedCorpus): AsyncIterable<Cell[]> {
  const pos = await usualPos(corpus);
  const { vocabulary, count, docs } = corpus.terms;
  for (const id of termsByCount(corpus)) {
    yield [vocabulary.strings[id]!, pos[id] ?? '', count[id]!, docs[id]!, round(tfidf(count[id]!, corpus.documents, docs[id]!))];
  }
}

/**
 * terms.csv and its Parquet file, from the rows' numbers (term and part-of-speech ids, counts,
 * TF-IDF) in the store (see stored-table.ts).
 */
export async function writeTerms(folder: OutputFolder, corpus: ReducedCorpus): Promise<WrittenTable> {
  const { ids: posOf, tags } = await usualPosIds(corpus);
  const { vocabulary, count: counts, docs: docsOf } = corpus.terms;
  const order = termsByCount(corpus);
  const size = order.length;
  const term = Int32Array.from(order);
  const pos = new Int32Array(size);
  const count = new Int32Array(size);
  const docs = new Int32Array(size);
  const tfidfs = new Float64Array(size);
  order.forEach((id, i) => {
    pos[i] = posOf[id]!;
    count[i] = counts[id]!;
    docs[i] = docsOf[id]!;
    tfidfs[i] = round(tfidf(counts[id]!, corpus.documents, docsOf[id]!));
  });
  const tagCells = tags.map((tag) => csvText(tag));
  const table: StoredTable = {
    name: 'terms',
    columns: COLUMNS.terms,
    numbers: [int('term'), int('pos'), int('count'), int('docs'), real('tfidf')],
    parquet: (from) => `
      SELECT v.value AS term, coalesce(p.value, '') AS pos, n.count, n.docs, n.tfidf
      FROM ${from} n JOIN term_vocabulary v ON v.id = n.term LEFT JOIN pos_vocabulary p ON p.id = n.pos
      ORDER BY n.rowid`,
    lines:
      ([term, pos, count, docs, tfidf]) =>
      (i) =>
        `${csvText(vocabulary.strings[term![i]!]!)},${pos![i]! >= 0 ? tagCells[pos![i]!] : ''},${count![i]},${docs![i]},${tfidf![i]}\n`,
  };
  return writeStoredTable(folder, storeOf(corpus), table, (numbers) => numbers.append([term, pos, count, docs, tfidfs], size));
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

/** the columns' names, quoted, for a query of the store */
function columnList(columns: readonly Column[]): string {
  return columns.map((c) => `"${c.name}"`).join(', ');
}

/** entity_mentions.csv as the reduce stored it, in input and text order (preserve_insertion_order holds it) */
export const ENTITY_MENTIONS_SQL = `SELECT ${columnList(MENTION_FIELDS)} FROM mentions`;

/** documents.csv as the reduce stored it, in input order */
export const DOCUMENTS_SQL = `SELECT ${columnList(DOCUMENT_FIELDS)} FROM documents ORDER BY idx`;

/** rows of a store query as cells: NULL as the empty cell */
export async function* storeRows(corpus: ReducedCorpus, sql: string): AsyncIterable<Cell[]> {
  for await (const row of storeOf(corpus).rows(sql)) yield row.map((cell) => (cell === null ? '' : (cell as Cell)));
}

/**
 * cooccurrence a chunk at a time, as columns: the two items as ids (entity ids as they are, term ids
 * after them, offset by the entity vocabulary's size: see `itemOf`), the counts, the units holding
 * each item, and the association measures as the table gives them (rounded). The arrays are valid
 * until the next chunk.
 */
export interface CooccurrenceChunk {
  length: number;
  a: Int32Array;
  b: Int32Array;
  count: Int32Array;
  docs: Int32Array;
  unitsA: Int32Array;
  unitsB: Int32Array;
  pmi: Float64Array;
  npmi: Float64Array;
  llr: Float64Array;
  dice: Float64Array;
}

/** an item of a cooccurrence chunk: its string and kind */
export function itemOf(corpus: ReducedCorpus, id: number): { item: string; kind: 'entity' | 'term' } {
  const entities = corpus.entityVocabulary.strings;
  return id < entities.length ? { item: entities[id]!, kind: 'entity' } : { item: corpus.terms.vocabulary.strings[id - entities.length]!, kind: 'term' };
}

/**
 * Entity pairs (all), then term pairs seen in at least `minTermPairCount` units, with their counts,
 * the units holding each item and all units (the 2×2 table), and the association measures.
 */
export async function* cooccurrenceChunks(corpus: ReducedCorpus, minTermPairCount: number): AsyncIterable<CooccurrenceChunk> {
  const { units } = corpus;
  const entityUnits = corpus.entityVocabulary.strings.map((id) => corpus.entities.get(id)!.units);
  const offset = corpus.entityVocabulary.size;
  let chunk: CooccurrenceChunk | undefined;
  for (const kind of ['entity', 'term'] as const) {
    const unitsOf = kind === 'entity' ? entityUnits : corpus.terms.units;
    const shift = kind === 'entity' ? 0 : offset;
    for await (const [a, b, count, docs] of pairChunks(corpus, kind, kind === 'entity' ? 1 : minTermPairCount)) {
      const length = a!.length;
      if (!chunk || chunk.a.length < length) chunk = newChunk(Math.max(length, 2048));
      chunk.length = length;
      chunk.count.set(count!);
      chunk.docs.set(docs!);
      for (let i = 0; i < length; i++) {
        const unitsA = unitsOf[a![i]!]!;
        const unitsB = unitsOf[b![i]!]!;
        chunk.a[i] = a![i]! + shift;
        chunk.b[i] = b![i]! + shift;
        chunk.unitsA[i] = unitsA;
        chunk.unitsB[i] = unitsB;
        const m = associationOf({ both: count![i]!, a: unitsA, b: unitsB, units });
        chunk.pmi[i] = round(m.pmi);
        chunk.npmi[i] = round(m.npmi);
        chunk.llr[i] = round(m.llr);
        chunk.dice[i] = round(m.dice);
      }
      yield chunk;
    }
  }
}

function newChunk(size: number): CooccurrenceChunk {
  const ints = () => new Int32Array(size);
  const reals = () => new Float64Array(size);
  return {
    length: 0,
    a: ints(),
    b: ints(),
    count: ints(),
    docs: ints(),
    unitsA: ints(),
    unitsB: ints(),
    pmi: reals(),
    npmi: reals(),
    llr: reals(),
    dice: reals(),
  };
}

/** the rows of cooccurrence (the table as the library gives it) */
export async function* cooccurrenceRows(corpus: ReducedCorpus, minTermPairCount: number): AsyncIterable<Cell[]> {
  const { units } = corpus;
  for await (const c of cooccurrenceChunks(corpus, minTermPairCount)) {
    for (let i = 0; i < c.length; i++) {
      const a = itemOf(corpus, c.a[i]!);
      const b = itemOf(corpus, c.b[i]!).item;
      yield [a.item, b, a.kind, c.count[i]!, c.docs[i]!, c.unitsA[i]!, c.unitsB[i]!, units, c.pmi[i]!, c.npmi[i]!, c.llr[i]!, c.dice[i]!];
    }
  }
}

/**
 * cooccurrence.csv and its Parquet file, from the rows' numbers (item ids, counts, measures) in the
 * store (see stored-table.ts).
 */
export async function writeCooccurrence(folder: OutputFolder, corpus: ReducedCorpus, minTermPairCount: number): Promise<WrittenTable> {
  const { units } = corpus;
  const offset = corpus.entityVocabulary.size;
  // each item's CSV cell, made once
  const cells = new Array<string>(offset + corpus.terms.vocabulary.size);
  const cell = (id: number) => (cells[id] ??= csvText(itemOf(corpus, id).item));
  const table: StoredTable = {
    name: 'cooccurrence',
    columns: COLUMNS.cooccurrence,
    numbers: [int('a'), int('b'), int('count'), int('docs'), int('units_a'), int('units_b'), real('pmi'), real('npmi'), real('llr'), real('dice')],
    parquet: (from) => `
      WITH items AS (SELECT id, value FROM entity_vocabulary UNION ALL SELECT id + ${offset} AS id, value FROM term_vocabulary)
      SELECT ia.value AS a, ib.value AS b, CASE WHEN n.a < ${offset} THEN 'entity' ELSE 'term' END AS kind, n.count, n.docs, n.units_a, n.units_b,
        CAST(${units} AS INTEGER) AS units, n.pmi, n.npmi, n.llr, n.dice
      FROM ${from} n JOIN items ia ON ia.id = n.a JOIN items ib ON ib.id = n.b
      ORDER BY n.rowid`,
    lines:
      ([a, b, count, docs, unitsA, unitsB, pmi, npmi, llr, dice]) =>
      (i) =>
        `${cell(a![i]!)},${cell(b![i]!)},${a![i]! < offset ? 'entity' : 'term'},${count![i]},${docs![i]},${unitsA![i]},${unitsB![i]},${units},${pmi![i]},${npmi![i]},${llr![i]},${dice![i]}\n`,
  };
  return writeStoredTable(folder, storeOf(corpus), table, async (numbers) => {
    for await (const c of cooccurrenceChunks(corpus, minTermPairCount)) {
      numbers.append([c.a, c.b, c.count, c.docs, c.unitsA, c.unitsB, c.pmi, c.npmi, c.llr, c.dice], c.length);
    }
  });
}

/** every message of every document in input order, then the files left out of folders */
export async function* messageRows(
  corpus: ReducedCorpus,
  skipped: readonly { path: string; reason: string; code?: 'read-failed' }[],
  notes: readonly Cell[][] = [],
): AsyncIterable<Cell[]> {
  yield* storeOf(corpus).rows(`SELECT ${columnList(MESSAGE_FIELDS)} FROM messages ORDER BY idx, seq`) as AsyncIterable<Cell[]>;
  for (const s of skipped) {
    const code = s.code ?? 'not-a-post';
    yield [s.path, '', code, MESSAGE_CODES[code].severity, s.reason, ''];
  }
  yield* notes;
}
