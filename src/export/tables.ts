// The CSV tables of an analysis run. Column names are stable and documented in the README.

import { associationOf } from '../aggregate/association.js';
import { round, tfidf } from '../aggregate/scores.js';
import { type EntityStat, mostFrequent, type PairStat, splitPairKey } from '../aggregate/tally.js';
import type { CorpusResult } from '../pipeline/analyze.js';
import { describeEntity, type KnowledgeBase } from '../resources/knowledge-base.js';
import { compareCodeUnits } from '../text/compare.js';
import { type Cell, toCsv } from './csv.js';

export const COLUMNS = {
  documents: [
    'doc_id',
    'path',
    'title',
    'date',
    'day',
    'outlet',
    'outlet_id',
    'outlet_as_written',
    'url',
    'script',
    'tokens',
    'status',
    'copy_of',
    'similarity',
  ],
  terms: ['term', 'pos', 'count', 'docs', 'tfidf'],
  entities: ['entity_id', 'type', 'name', 'mentions', 'docs', 'surfaces'],
  entityMentions: ['doc_id', 'day', 'outlet', 'entity_id', 'surface', 'block', 'start', 'end', 'context', 'path'],
  cooccurrence: ['a', 'b', 'kind', 'count', 'docs', 'units_a', 'units_b', 'units', 'pmi', 'npmi', 'llr', 'dice'],
  messages: ['path', 'doc_id', 'code', 'severity', 'reason', 'place'],
} as const;

export interface TableOptions {
  /** term pairs seen in fewer sentences than this are left out of cooccurrence.csv */
  minTermPairCount: number;
}

export function documentsCsv(result: CorpusResult): string {
  return toCsv(
    COLUMNS.documents,
    result.documents.map((d) => [
      d.id,
      d.path,
      d.title,
      d.date,
      d.day,
      d.outlet,
      d.outletId,
      d.outletWritten,
      d.url,
      d.script,
      d.tokens,
      d.status,
      d.copyOf,
      d.similarity,
    ]),
  );
}

export function termsCsv(result: CorpusResult): string {
  const { terms, documents } = result.tally;
  const rows = [...terms].sort(([ta, a], [tb, b]) => b.count - a.count || compareCodeUnits(ta, tb));
  return toCsv(
    COLUMNS.terms,
    rows.map(([term, s]) => [term, mostFrequent(s.pos), s.count, s.docs, round(tfidf(s.count, documents, s.docs))]),
  );
}

/** surfaces by frequency, then code-unit order */
export function surfaceList(surfaces: Map<string, number>): string[] {
  return [...surfaces].sort(([sa, a], [sb, b]) => b - a || compareCodeUnits(sa, sb)).map(([s]) => s);
}

/** entities by mentions (descending), then id: the order of every entity table */
export function byMentions(entities: Map<string, EntityStat>): [string, EntityStat][] {
  return [...entities].sort(([ia, a], [ib, b]) => b.mentions - a.mentions || compareCodeUnits(ia, ib));
}

export function entitiesCsv(result: CorpusResult, kb: KnowledgeBase): string {
  const rows = byMentions(result.tally.entities);
  return toCsv(
    COLUMNS.entities,
    rows.map(([id, s]) => {
      const { name, type } = describeEntity(kb, id);
      return [id, type, name, s.mentions, s.docs, surfaceList(s.surfaces).join('|')];
    }),
  );
}

export function entityMentionsCsv(result: CorpusResult): string {
  return toCsv(
    COLUMNS.entityMentions,
    result.mentions.map((m) => [m.docId, m.day, m.outlet, m.entity, m.surface, m.block, m.start, m.end, m.context, m.path]),
  );
}

export function sortedPairs(pairs: Map<string, PairStat>, minCount: number): [string, string, PairStat][] {
  const rows: [string, string, PairStat][] = [];
  for (const [key, stat] of pairs) if (stat.count >= minCount) rows.push([...splitPairKey(key), stat]);
  return rows.sort((x, y) => y[2].count - x[2].count || y[2].docs - x[2].docs || compareCodeUnits(x[0], y[0]) || compareCodeUnits(x[1], y[1]));
}

/**
 * Pairs with their counts, the units holding each item and all units (the 2×2 table), and the
 * association measures computed from them (aggregate/association.ts).
 */
export function cooccurrenceCsv(result: CorpusResult, options: TableOptions): string {
  const { tally } = result;
  const rows: Cell[][] = [];
  const row = (a: string, b: string, kind: string, s: PairStat, unitsA: number, unitsB: number): Cell[] => {
    const m = associationOf({ both: s.count, a: unitsA, b: unitsB, units: tally.units });
    return [a, b, kind, s.count, s.docs, unitsA, unitsB, tally.units, round(m.pmi), round(m.npmi), round(m.llr), round(m.dice)];
  };
  for (const [a, b, s] of sortedPairs(tally.entityPairs, 1)) rows.push(row(a, b, 'entity', s, tally.entities.get(a)!.units, tally.entities.get(b)!.units));
  for (const [a, b, s] of sortedPairs(tally.termPairs, options.minTermPairCount))
    rows.push(row(a, b, 'term', s, tally.terms.get(a)!.units, tally.terms.get(b)!.units));
  return toCsv(COLUMNS.cooccurrence, rows);
}

export function messagesCsv(result: CorpusResult, skipped: { path: string; reason: string }[]): string {
  const rows: Cell[][] = [];
  for (const d of result.documents) for (const m of d.messages) rows.push([d.path, d.id, m.code, m.severity, m.reason, m.place ?? '']);
  for (const s of skipped) rows.push([s.path, '', 'not-a-post', 'info', s.reason, '']);
  return toCsv(COLUMNS.messages, rows);
}
