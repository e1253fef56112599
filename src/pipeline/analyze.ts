// Runs the pipeline over files and merges each document's partial statistics into the corpus
// tables. Documents are processed one at a time and dropped after their rows are taken, so memory
// grows with the tables, not with the corpus text.
import { readFileSync } from 'node:fs';
import { emptyTally, mergeTally, mergeTerms, type Tally, type TermStat } from '../aggregate/tally.js';
import { addMessage } from '../messages.js';
import { spanIndexAt } from '../text/sentences.js';
import { hasFatal, type Doc, type Message, type Script } from '../types.js';
import { documentId, newDoc, type Pipeline } from './pipeline.js';

export type DocumentStatus = 'ok' | 'warning' | 'failed' | 'duplicate';

export interface DocumentRecord {
  id: string;
  path: string;
  title: string;
  date: string;
  day: string;
  outlet: string;
  url: string;
  script: Script | '';
  tokens: number;
  status: DocumentStatus;
  messages: Message[];
}

export interface MentionRow {
  docId: string;
  day: string;
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
  mentions: MentionRow[];
}

export function analyzeFiles(files: string[], pipeline: Pipeline, onDocument?: (done: number, doc: DocumentRecord) => void): CorpusResult {
  const result: CorpusResult = { documents: [], tally: emptyTally(), termsByOutlet: new Map(), termsByDay: new Map(), mentions: [] };
  const firstPathOfId = new Map<string, string>();
  files.forEach((path, index) => {
    const doc = readAndProcess(path, pipeline);
    const original = firstPathOfId.get(doc.id);
    if (original !== undefined) {
      addMessage(doc, 'duplicate-file', `same bytes as ${original}: counted once`);
    } else if (!hasFatal(doc)) {
      firstPathOfId.set(doc.id, path);
      collect(doc, result);
    }
    const record = toRecord(doc, original !== undefined);
    result.documents.push(record);
    onDocument?.(index + 1, record);
  });
  return result;
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

function collect(doc: Doc, result: CorpusResult): void {
  if (!doc.tally) return;
  mergeTally(result.tally, doc.tally);
  addGroupTerms(result.termsByOutlet, doc.meta.outlet ?? '', doc.tally);
  if (doc.meta.day) addGroupTerms(result.termsByDay, doc.meta.day, doc.tally);
  for (const m of doc.mentions) {
    if (m.ambiguous) continue;
    const blockSpans = doc.sentences[m.block]!;
    const sentence = blockSpans[spanIndexAt(blockSpans, m.start)]!;
    result.mentions.push({
      docId: doc.id,
      day: doc.meta.day ?? '',
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
  if (!group) groups.set(key, (group = { documents: 0, terms: new Map() }));
  group.documents += tally.documents;
  mergeTerms(group.terms, tally.terms);
}

function toRecord(doc: Doc, duplicate: boolean): DocumentRecord {
  const failed = hasFatal(doc);
  const status: DocumentStatus = failed ? 'failed' : duplicate ? 'duplicate' : doc.messages.some((m) => m.severity === 'warning') ? 'warning' : 'ok';
  return {
    id: doc.id,
    path: doc.path,
    title: doc.meta.title ?? '',
    date: doc.meta.date ?? '',
    day: doc.meta.day ?? '',
    outlet: doc.meta.outlet ?? '',
    url: doc.meta.url ?? '',
    script: failed ? '' : doc.script,
    tokens: doc.tally?.tokens ?? 0,
    status,
    messages: doc.messages,
  };
}
