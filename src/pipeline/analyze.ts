// Runs the pipeline over files and merges each document's partial statistics into the corpus
// tables. Documents are processed one at a time and dropped after their rows are taken, so memory
// grows with the tables, not with the corpus text.
import { readFileSync } from 'node:fs';
import { createCopyDetector, signatureOf } from '../aggregate/near-duplicates.js';
import { emptyTally, mergeTally, mergeTerms, type Tally, type TermStat } from '../aggregate/tally.js';
import { addMessage } from '../messages.js';
import { type DayRange, inRange, type PeriodUnit, periodOf } from '../text/periods.js';
import { spanIndexAt } from '../text/sentences.js';
import { type Doc, hasFatal, type Message, type Script } from '../types.js';
import { documentId, newDoc, type Pipeline } from './pipeline.js';

/**
 * ok and warning: counted; failed: not analysed; duplicate: the same bytes as an earlier file;
 * excluded: left out by --from/--to, --outlet or --script; copy: a near-copy of an earlier
 * document (a syndicated story), left out of the counts when --dedupe is given
 */
export type DocumentStatus = 'ok' | 'warning' | 'failed' | 'duplicate' | 'excluded' | 'copy';

/** Which documents count, and how they are grouped in time. */
export interface CorpusOptions {
  /** group the counts by period as well */
  by?: PeriodUnit;
  /** only documents dated within these days (undated ones are left out) */
  days?: DayRange;
  /** only documents of these outlets, by outlet id (DocMeta.outletId) */
  outletIds?: ReadonlySet<string>;
  /** only documents in these scripts */
  scripts?: ReadonlySet<Script>;
  /** count a near-copy of an earlier document once (it is always marked in documents.csv) */
  dedupe?: boolean;
  /** called with each document that counts, before it is dropped (kwic reads its matches here) */
  onCounted?: (doc: Doc) => void;
}

export interface DocumentRecord {
  id: string;
  path: string;
  title: string;
  date: string;
  day: string;
  /** display name of the outlet (DocMeta.outlet), its id, and its name as written */
  outlet: string;
  outletId: string;
  outletWritten: string;
  url: string;
  script: Script | '';
  tokens: number;
  status: DocumentStatus;
  /** the document this one is a near-copy of (the first of its group in input order), and how alike */
  copyOf: string;
  similarity: number | '';
  messages: Message[];
}

export interface MentionRow {
  docId: string;
  day: string;
  outlet: string;
  path: string;
  entity: string;
  surface: string;
  block: number;
  start: number;
  end: number;
  context: string;
}

export interface CorpusResult {
  documents: DocumentRecord[];
  tally: Tally;
  /** term statistics of each outlet's and each day's documents, for the report */
  termsByOutlet: Map<string, { documents: number; terms: Map<string, TermStat> }>;
  termsByDay: Map<string, { documents: number; terms: Map<string, TermStat> }>;
  /** with --by: each period's counts (without term pairs, which only the whole corpus keeps) */
  periods: Map<string, Tally>;
  mentions: MentionRow[];
}

export function analyzeFiles(
  files: string[],
  pipeline: Pipeline,
  onDocument?: (done: number, doc: DocumentRecord) => void,
  options: CorpusOptions = {},
): CorpusResult {
  const result: CorpusResult = { documents: [], tally: emptyTally(), termsByOutlet: new Map(), termsByDay: new Map(), periods: new Map(), mentions: [] };
  const firstPathOfId = new Map<string, string>();
  const copies = createCopyDetector();
  files.forEach((path, index) => {
    const doc = readAndProcess(path, pipeline);
    const original = firstPathOfId.get(doc.id);
    let copy: { copyOf: string; similarity: number } | undefined;
    let excluded = false;
    if (original !== undefined) {
      addMessage(doc, 'duplicate-file', `same bytes as ${original}: counted once`);
    } else if (!hasFatal(doc)) {
      firstPathOfId.set(doc.id, path);
      const reason = exclusionOf(doc, options);
      if (reason) {
        addMessage(doc, 'excluded', reason);
        excluded = true;
      } else {
        // near-copies are looked for among the documents that count, in input order
        copy = copies.add(doc.id, signatureOf(doc.blocks.map((b) => b.norm)));
        if (copy && options.dedupe)
          addMessage(doc, 'near-copy', `a copy of ${copy.copyOf} (similarity ${copy.similarity.toFixed(2)}): counted once (--dedupe)`);
        else {
          collect(doc, result, options);
          options.onCounted?.(doc);
        }
      }
    }
    const record = toRecord(doc, original !== undefined, excluded, copy, options);
    result.documents.push(record);
    onDocument?.(index + 1, record);
  });
  return result;
}

/** why --from/--to, --outlet or --script leave the document out, or undefined when it counts */
function exclusionOf(doc: Doc, options: CorpusOptions): string | undefined {
  const day = doc.meta.day;
  if (options.days && (!day || !inRange(day, options.days))) {
    return day
      ? `dated ${day}, outside ${options.days.from} to ${options.days.to}`
      : `undated, and only ${options.days.from} to ${options.days.to} is asked for`;
  }
  if (options.outletIds && !options.outletIds.has(doc.meta.outletId ?? '')) return `outlet "${doc.meta.outlet ?? ''}" is not among --outlet`;
  if (options.scripts && !options.scripts.has(doc.script)) return `script ${doc.script} is not among --script`;
  return undefined;
}

function readAndProcess(path: string, pipeline: Pipeline): Doc {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const doc = newDoc({ path, bytes: Buffer.alloc(0) });
    doc.id = documentId(Buffer.from(`unreadable:${path}`));
    addMessage(doc, 'read-failed', error instanceof Error ? error.message : String(error));
    return doc;
  }
  return pipeline.process({ path, bytes });
}

function collect(doc: Doc, result: CorpusResult, options: CorpusOptions): void {
  if (!doc.tally) return;
  mergeTally(result.tally, doc.tally);
  addGroupTerms(result.termsByOutlet, doc.meta.outlet ?? '', doc.tally);
  const day = doc.meta.day;
  if (day) {
    addGroupTerms(result.termsByDay, day, doc.tally);
    if (options.by) {
      const key = periodOf(day, options.by);
      let period = result.periods.get(key);
      if (!period) {
        period = emptyTally();
        result.periods.set(key, period);
      }
      mergeTally(period, doc.tally, { termPairs: false });
    }
  }
  for (const m of doc.mentions) {
    if (m.ambiguous) continue;
    const blockSpans = doc.sentences[m.block]!;
    const sentence = blockSpans[spanIndexAt(blockSpans, m.start)]!;
    result.mentions.push({
      docId: doc.id,
      day: doc.meta.day ?? '',
      outlet: doc.meta.outlet ?? '',
      path: doc.path,
      entity: m.entity,
      surface: m.surface,
      block: m.block,
      start: m.start,
      end: m.end,
      context: doc.blocks[m.block]!.text.slice(sentence.start, sentence.end),
    });
  }
}

function addGroupTerms(groups: CorpusResult['termsByOutlet'], key: string, tally: Tally): void {
  let group = groups.get(key);
  if (!group) {
    group = { documents: 0, terms: new Map() };
    groups.set(key, group);
  }
  group.documents += tally.documents;
  mergeTerms(group.terms, tally.terms);
}

function statusOf(doc: Doc, failed: boolean, duplicate: boolean, excluded: boolean, leftOutAsCopy: boolean): DocumentStatus {
  if (failed) return 'failed';
  if (duplicate) return 'duplicate';
  if (excluded) return 'excluded';
  if (leftOutAsCopy) return 'copy';
  return doc.messages.some((m) => m.severity === 'warning') ? 'warning' : 'ok';
}

function toRecord(
  doc: Doc,
  duplicate: boolean,
  excluded: boolean,
  copy: { copyOf: string; similarity: number } | undefined,
  options: CorpusOptions,
): DocumentRecord {
  const failed = hasFatal(doc);
  const status = statusOf(doc, failed, duplicate, excluded, copy !== undefined && options.dedupe === true);
  return {
    id: doc.id,
    path: doc.path,
    title: doc.meta.title ?? '',
    date: doc.meta.date ?? '',
    day: doc.meta.day ?? '',
    outlet: doc.meta.outlet ?? '',
    outletId: doc.meta.outletId ?? '',
    outletWritten: doc.meta.outletWritten ?? '',
    url: doc.meta.url ?? '',
    script: failed ? '' : doc.script,
    tokens: doc.tally?.tokens ?? 0,
    status,
    copyOf: copy?.copyOf ?? '',
    similarity: copy ? Math.round(copy.similarity * 100) / 100 : '',
    messages: doc.messages,
  };
}
