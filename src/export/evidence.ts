// The report's evidence: for a chart, a few sentences behind its first bar (or its peak, or its
// strongest line), each with where it was read and the match marked. Entities and pairs are read
// from the stored mentions (the rows of entity_mentions.csv); a term's sentences are not stored, so
// the documents that can hold it are processed again, as `zhtext kwic` would, until enough are found.
import type { TaskConfig } from '../pipeline/process.js';
import { createDocProcessor } from '../pipeline/process.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import type { Resources } from '../pipeline/resources.js';
import { type DayRange, inRange } from '../text/periods.js';
import { windowAround } from '../text/sentences.js';
import { storeOf } from './corpus-data.js';

/** a sentence read: where, its text, and the matches in it (start and end offsets, in order) */
export interface Evidence {
  day: string;
  outlet: string;
  text: string;
  marks: [number, number][];
}

/** the chart it is under (as report.md names it), what it is of ("习近平 in 2020-11-12"), where every line of it can be had, and the lines */
export interface EvidenceSet {
  title: string;
  about: string;
  source: string;
  lines: Evidence[];
}

/** sentences shown for a chart: the first in each of the earliest documents */
export const EVIDENCE_LINES = 3;

/** documents processed again at most to find a term's sentences */
const TERM_DOCUMENT_LIMIT = 400;

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** days from one to another, or (outside) every dated day but those */
export type DaySpan = DayRange & { outside?: boolean };

const dayFilter = (column: string, days?: DaySpan) => {
  if (!days) return '';
  const within = `${column} BETWEEN ${quoted(days.from)} AND ${quoted(days.to)}`;
  return days.outside ? ` AND ${column} <> '' AND NOT (${within})` : ` AND ${within}`;
};
const inSpan = (day: string, days?: DaySpan) => !days || (day !== '' && inRange(day, days) !== Boolean(days.outside));

/**
 * The first EVIDENCE_LINES rows of a query of one line a document (day, doc_id, …, context) by day,
 * then document: a sentence that an earlier document holds too (a copy, a repeated line) is left out.
 */
const earliest = (sql: string) => `
  SELECT * FROM (${sql}) QUALIFY row_number() OVER (PARTITION BY context ORDER BY day, doc_id) = 1
  ORDER BY day, doc_id LIMIT ${EVIDENCE_LINES}`;

/** characters kept on each side of the matches when a sentence is long */
const CONTEXT_CHARS = 60;

/** a line of evidence, a long sentence cut to CONTEXT_CHARS around its matches (… where cut) */
export function lineOf(day: string, outlet: string, text: string, marks: [number, number][]): Evidence {
  if (marks.length === 0) return { day, outlet, text, marks };
  const { start: from, end: to } = windowAround(text, { start: 0, end: text.length }, marks[0]![0], marks.at(-1)![1], CONTEXT_CHARS);
  const head = from > 0 ? '…' : '';
  const shift = head.length - from;
  return {
    day,
    outlet,
    text: head + text.slice(from, to) + (to < text.length ? '…' : ''),
    marks: marks.map(([start, end]) => [start + shift, end + shift]),
  };
}

/** where each form occurs first in the sentence, in order, overlapping ones left out */
function marksOf(text: string, forms: string[]): [number, number][] {
  const marks: [number, number][] = [];
  for (const form of forms) {
    const at = form ? text.indexOf(form) : -1;
    if (at >= 0) marks.push([at, at + form.length]);
  }
  marks.sort((x, y) => x[0] - y[0]);
  return marks.filter((m, k) => k === 0 || m[0] >= marks[k - 1]![1]);
}

/** the first mention of an entity in each of its earliest documents (by day, then document id) within the days given */
export async function entityEvidence(corpus: ReducedCorpus, id: string, days?: DaySpan): Promise<Evidence[]> {
  const sql = earliest(`
    SELECT day, doc_id, outlet, surface, context FROM mentions WHERE entity_id = ${quoted(id)}${dayFilter('day', days)}
    QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY block, start) = 1`);
  const lines: Evidence[] = [];
  for await (const [day, , outlet, surface, context] of storeOf(corpus).rows(sql)) {
    const text = String(context ?? '');
    lines.push(lineOf(String(day ?? ''), String(outlet ?? ''), text, marksOf(text, [String(surface ?? '')])));
  }
  return lines;
}

/** the first sentence naming both entities in each of the earliest documents that have one, within the days given */
export async function pairEvidence(corpus: ReducedCorpus, a: string, b: string, days?: DaySpan): Promise<Evidence[]> {
  const sql = earliest(`
    SELECT x.day, x.doc_id, x.outlet, x.surface, y.surface AS surface_b, x.context
    FROM mentions x JOIN mentions y ON y.doc_id = x.doc_id AND y.block = x.block AND y.context = x.context
    WHERE x.entity_id = ${quoted(a)} AND y.entity_id = ${quoted(b)}${dayFilter('x.day', days)}
    QUALIFY row_number() OVER (PARTITION BY x.doc_id ORDER BY x.block, x.start, y.start) = 1`);
  const lines: Evidence[] = [];
  for await (const [day, , outlet, surfaceA, surfaceB, context] of storeOf(corpus).rows(sql)) {
    const text = String(context ?? '');
    lines.push(lineOf(String(day ?? ''), String(outlet ?? ''), text, marksOf(text, [String(surfaceA ?? ''), String(surfaceB ?? '')])));
  }
  return lines;
}

/** what processing documents again needs: the run's task and its resources */
export interface Reprocessing {
  task: TaskConfig;
  resources: () => Resources;
  /** documents that may still be processed again for this report: a bound on the time the evidence takes, spent in a fixed order */
  budget: { documents: number };
}

/** documents a report may process again for its keywords' evidence, all its charts together (a few seconds) */
export const REPROCESS_BUDGET = 2000;

/**
 * The first line of a term in each of the earliest documents that hold it (by day, then document
 * id), within the days given: the documents of the days the term was counted on are processed again
 * in that order (at most TERM_DOCUMENT_LIMIT, and no more than the budget has left), as kwic reads them.
 */
export async function termEvidence(corpus: ReducedCorpus, again: Reprocessing, term: string, days?: DaySpan): Promise<Evidence[]> {
  const termId = corpus.terms.vocabulary.get(term);
  if (termId === undefined) return [];
  const groups = corpus.dayGroups.filter((g) => inSpan(g.key, days));
  if (groups.length === 0) return [];
  const store = storeOf(corpus);
  const dayKeys: string[] = [];
  const keyOf = new Map(groups.map((g) => [g.id, g.key]));
  for await (const [group] of store.rows(`SELECT grp FROM group_terms WHERE term = ${termId} AND grp IN (${groups.map((g) => g.id).join(', ')})`)) {
    dayKeys.push(keyOf.get(Number(group))!);
  }
  if (dayKeys.length === 0) return [];
  const documents: { path: string; day: string; outlet: string }[] = [];
  const sql = `
    SELECT path, day, outlet FROM documents WHERE status IN ('ok', 'warning') AND day IN (${dayKeys.map(quoted).join(', ')})
    ORDER BY day, doc_id LIMIT ${TERM_DOCUMENT_LIMIT}`;
  for await (const [path, day, outlet] of store.rows(sql)) documents.push({ path: String(path), day: String(day ?? ''), outlet: String(outlet ?? '') });
  const processor = createDocProcessor({ ...again.task, kwicQuery: term }, again.resources());
  const lines: Evidence[] = [];
  for (const { path, day, outlet } of documents) {
    if (again.budget.documents <= 0) break;
    again.budget.documents--;
    const first = processor.process({ index: 0, path }).kwic?.[0];
    if (!first) continue;
    const { context, at, length } = first;
    // the line without kwic's marks, the match marked instead
    const text = context.slice(0, at) + context.slice(at + 1, at + 1 + length) + context.slice(at + 2 + length);
    // a sentence an earlier document holds too (a copy, a repeated line) is left out
    const line = lineOf(day, outlet, text, [[at, at + length]]);
    if (lines.some((l) => l.text === line.text)) continue;
    lines.push(line);
    if (lines.length === EVIDENCE_LINES) break;
  }
  return lines;
}

/** a few sentences behind each table's first row, the matches marked 【like this】 as kwic marks them */
export function evidenceSection(out: string[], evidence: ReadonlyMap<string, EvidenceSet>): void {
  if (evidence.size === 0) return;
  out.push(
    '## Evidence',
    '',
    'For each table, the first sentence in each of the earliest documents behind its first row, the matches marked 【like this】.',
    '',
  );
  for (const set of evidence.values()) {
    out.push(`### ${set.title}: ${set.about}`, '', `(${set.source})`, '');
    for (const l of set.lines) {
      let text = '';
      let at = 0;
      for (const [start, end] of l.marks) {
        text += `${l.text.slice(at, start)}【${l.text.slice(start, end)}】`;
        at = end;
      }
      out.push(`- ${l.day || 'undated'} · ${l.outlet || '(no outlet)'}: ${(text + l.text.slice(at)).replace(/\s+/g, ' ')}`);
    }
    out.push('');
  }
}
