// The CSV tables of an analysis run. Column names are stable and documented in the README.
import { mostFrequent, splitPairKey, type PairStat } from '../aggregate/tally.js';
import { round, tfidf } from '../aggregate/scores.js';
import type { CorpusResult } from '../pipeline/analyze.js';
import { describeEntity, type KnowledgeBase } from '../resources/knowledge-base.js';
import { toCsv, type Cell } from './csv.js';
import { compareCodeUnits } from '../text/compare.js';

export const COLUMNS = {
  documents: ['doc_id', 'path', 'title', 'date', 'day', 'outlet', 'url', 'script', 'tokens', 'status'],
  terms: ['term', 'pos', 'count', 'docs', 'tfidf'],
  entities: ['entity_id', 'type', 'name', 'mentions', 'docs', 'surfaces'],
  entityMentions: ['doc_id', 'day', 'entity_id', 'surface', 'block', 'start', 'end', 'context'],
  cooccurrence: ['a', 'b', 'kind', 'count', 'docs'],
  messages: ['path', 'doc_id', 'code', 'severity', 'reason', 'place'],
} as const;

export interface TableOptions {
  /** term pairs seen in fewer sentences than this are left out of cooccurrence.csv */
  minTermPairCount: number;
}


export function documentsCsv(result: CorpusResult): string {
  return toCsv(
    COLUMNS.documents,
    result.documents.map((d) => [d.id, d.path, d.title, d.date, d.day, d.outlet, d.url, d.script, d.tokens, d.status]),
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

export function entitiesCsv(result: CorpusResult, kb: KnowledgeBase): string {
  const rows = [...result.tally.entities].sort(([ia, a], [ib, b]) => b.mentions - a.mentions || compareCodeUnits(ia, ib));
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
    result.mentions.map((m) => [m.docId, m.day, m.entity, m.surface, m.block, m.start, m.end, m.context]),
  );
}

export function sortedPairs(pairs: Map<string, PairStat>, minCount: number): [string, string, PairStat][] {
  const rows: [string, string, PairStat][] = [];
  for (const [key, stat] of pairs) if (stat.count >= minCount) rows.push([...splitPairKey(key), stat]);
  return rows.sort((x, y) => y[2].count - x[2].count || y[2].docs - x[2].docs || compareCodeUnits(x[0], y[0]) || compareCodeUnits(x[1], y[1]));
}

export function cooccurrenceCsv(result: CorpusResult, options: TableOptions): string {
  const rows: Cell[][] = [];
  for (const [a, b, s] of sortedPairs(result.tally.entityPairs, 1)) rows.push([a, b, 'entity', s.count, s.docs]);
  for (const [a, b, s] of sortedPairs(result.tally.termPairs, options.minTermPairCount)) rows.push([a, b, 'term', s.count, s.docs]);
  return toCsv(COLUMNS.cooccurrence, rows);
}

export function messagesCsv(result: CorpusResult, skipped: { path: string; reason: string }[]): string {
  const rows: Cell[][] = [];
  for (const d of result.documents) for (const m of d.messages) rows.push([d.path, d.id, m.code, m.severity, m.reason, m.place ?? '']);
  for (const s of skipped) rows.push([s.path, '', 'not-a-post', 'info', s.reason, '']);
  return toCsv(COLUMNS.messages, rows);
}
