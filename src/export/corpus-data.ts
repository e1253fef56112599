// Reading the reduced corpus for the exports: the corpus totals held in memory, and the store's
// tables in the order the outputs list them. Strings sort by code unit everywhere: the store sorts
// by each vocabulary's rank, which the reduce computed in that order.
import { emptyTally, NO_COUNTS, pairKey, type Tally } from '../aggregate/tally.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import type { Store } from '../store/store.js';

/** the store of a run that has one (analyze and compare have; kwic keeps none) */
export function storeOf(corpus: ReducedCorpus): Store {
  if (!corpus.store) throw new Error('this run keeps no tables');
  return corpus.store;
}

export function entityName(corpus: ReducedCorpus, id: string): { name: string; type: string } {
  return corpus.entityInfo.get(id) ?? { name: id, type: '' };
}

/** term ids by count (descending), then term */
export function termsByCount(corpus: ReducedCorpus): number[] {
  const { vocabulary, count } = corpus.terms;
  const ranks = vocabulary.ranks();
  return vocabulary.strings.map((_, id) => id).sort((x, y) => count[y]! - count[x]! || ranks[x]! - ranks[y]!);
}

/** each term's most frequent part of speech, ties to the first in code-unit order */
export async function usualPos(corpus: ReducedCorpus): Promise<string[]> {
  const { ids, tags } = await usualPosIds(corpus);
  const pos: string[] = [];
  ids.forEach((tag, term) => {
    if (tag >= 0) pos[term] = tags[tag]!;
  });
  return pos;
}

/** the same as ids, by term id (−1 for a term without one), and the parts of speech by id */
export async function usualPosIds(corpus: ReducedCorpus): Promise<{ ids: Int32Array; tags: string[] }> {
  const store = storeOf(corpus);
  const ids = new Int32Array(corpus.terms.vocabulary.size).fill(-1);
  const chunks = store.integerChunks(`
    SELECT term, pos FROM (
      SELECT term, pos, row_number() OVER (PARTITION BY term ORDER BY t.count DESC, r.rank) AS n
      FROM term_pos t JOIN pos_vocabulary r ON r.id = t.pos
    ) WHERE n = 1`);
  for await (const [term, pos] of chunks) for (let i = 0; i < term!.length; i++) ids[term![i]!] = pos![i]!;
  const tags: string[] = [];
  for await (const [id, value] of store.rows('SELECT id, value FROM pos_vocabulary')) tags[id as number] = value as string;
  return { ids, tags };
}

/**
 * Pairs seen together in at least `minCount` units: by count, then documents (both descending), then
 * the two items in code-unit order, the smaller first in each row.
 */
export async function* pairRows(
  corpus: ReducedCorpus,
  kind: 'term' | 'entity',
  minCount: number,
  limit?: number,
): AsyncIterable<[a: string, b: string, count: number, docs: number, aId: number, bId: number]> {
  const strings = kind === 'term' ? corpus.terms.vocabulary.strings : corpus.entityVocabulary.strings;
  for await (const [a, b, count, docs] of pairChunks(corpus, kind, minCount, limit)) {
    for (let i = 0; i < a!.length; i++) yield [strings[a![i]!]!, strings[b![i]!]!, count![i]!, docs![i]!, a![i]!, b![i]!];
  }
}

/**
 * The same pairs a chunk at a time, as columns of ids and counts (a, b, count, docs), each an
 * Int32Array valid until the next chunk: the strings are the vocabulary's, in memory.
 */
export function pairChunks(corpus: ReducedCorpus, kind: 'term' | 'entity', minCount: number, limit?: number): AsyncIterable<Int32Array[]> {
  const table = kind === 'term' ? 'term_pairs' : 'entity_pairs';
  const vocabulary = kind === 'term' ? 'term_vocabulary' : 'entity_vocabulary';
  return storeOf(corpus).integerChunks(`
    SELECT CASE WHEN va.rank < vb.rank THEN p.a ELSE p.b END, CASE WHEN va.rank < vb.rank THEN p.b ELSE p.a END, p.count, p.docs
    FROM ${table} p JOIN ${vocabulary} va ON va.id = p.a JOIN ${vocabulary} vb ON vb.id = p.b
    WHERE p.count >= ${minCount}
    ORDER BY p.count DESC, p.docs DESC, least(va.rank, vb.rank), greatest(va.rank, vb.rank)
    ${limit === undefined ? '' : `LIMIT ${limit}`}`);
}

/**
 * The counts of some periods (by store id) together, as a tally: terms, entities and entity pairs,
 * with the periods' documents, tokens and units; parts of speech, surfaces and term pairs are left
 * out (their maps are one shared empty map: a period's tally is read, never merged into). `terms:
 * false` leaves the terms out too, and `minPairCount` the entity pairs seen in fewer units.
 */
export async function periodTally(
  corpus: ReducedCorpus,
  periodIds: readonly number[],
  { terms: withTerms = true, minPairCount = 1 }: { terms?: boolean; minPairCount?: number } = {},
): Promise<Tally> {
  const tally = emptyTally();
  if (periodIds.length === 0) return tally;
  const wanted = new Set(periodIds);
  for (const p of corpus.periods) {
    if (!wanted.has(p.id)) continue;
    tally.documents += p.totals.documents;
    tally.tokens += p.totals.tokens;
    tally.units += p.totals.units;
  }
  const store = storeOf(corpus);
  const ids = [...wanted].join(', ');
  if (withTerms) {
    const terms = corpus.terms.vocabulary.strings;
    for await (const [term, count, docs, units] of store.integerChunks(
      `SELECT term, sum(count)::INTEGER, sum(docs)::INTEGER, sum(units)::INTEGER FROM period_terms WHERE period IN (${ids}) GROUP BY term`,
    )) {
      for (let i = 0; i < term!.length; i++) tally.terms.set(terms[term![i]!]!, { count: count![i]!, docs: docs![i]!, units: units![i]!, pos: NO_COUNTS });
    }
  }
  const entities = corpus.entityVocabulary.strings;
  for await (const [entity, mentions, docs, units] of store.integerChunks(
    `SELECT entity, sum(mentions)::INTEGER, sum(docs)::INTEGER, sum(units)::INTEGER FROM period_entities WHERE period IN (${ids}) GROUP BY entity`,
  )) {
    for (let i = 0; i < entity!.length; i++) {
      tally.entities.set(entities[entity![i]!]!, { mentions: mentions![i]!, docs: docs![i]!, units: units![i]!, surfaces: NO_COUNTS });
    }
  }
  for await (const [a, b, count, docs] of store.integerChunks(
    `SELECT a, b, sum(count)::INTEGER, sum(docs)::INTEGER FROM period_entity_pairs WHERE period IN (${ids}) GROUP BY a, b HAVING sum(count) >= ${minPairCount}`,
  )) {
    for (let i = 0; i < a!.length; i++) tally.entityPairs.set(pairKey(entities[a![i]!]!, entities[b![i]!]!), { count: count![i]!, docs: docs![i]! });
  }
  return tally;
}

/** every entity counted in some period, and every term counted at least `minCount` times over the periods */
export async function periodItems(corpus: ReducedCorpus, minTermCount: number): Promise<{ entities: string[]; terms: string[] }> {
  const store = storeOf(corpus);
  const entities: string[] = [];
  for await (const [id] of store.rows('SELECT DISTINCT entity FROM period_entities')) entities.push(corpus.entityVocabulary.strings[id as number]!);
  const terms: string[] = [];
  for await (const [id] of store.rows(`SELECT term FROM period_terms GROUP BY term HAVING sum(count) >= ${minTermCount}`)) {
    terms.push(corpus.terms.vocabulary.strings[id as number]!);
  }
  return { entities, terms };
}

/** each entity's mentions in each period it was counted in, entity by entity */
export async function* entityPeriodMentions(corpus: ReducedCorpus): AsyncIterable<[entity: string, mentions: Map<number, number>]> {
  let current: number | undefined;
  let mentions = new Map<number, number>();
  for await (const [entity, period, count] of storeOf(corpus).integerChunks('SELECT entity, period, mentions FROM period_entities ORDER BY entity, period')) {
    for (let i = 0; i < entity!.length; i++) {
      if (entity![i] !== current) {
        if (current !== undefined) yield [corpus.entityVocabulary.strings[current]!, mentions];
        current = entity![i]!;
        mentions = new Map();
      }
      mentions.set(period![i]!, count![i]!);
    }
  }
  if (current !== undefined) yield [corpus.entityVocabulary.strings[current]!, mentions];
}
