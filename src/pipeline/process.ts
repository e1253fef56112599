// One document, from its path to its DocResult: read the file, run the pipeline, keep what the
// corpus needs. The same function runs in each worker process, and in the calling thread (for a
// library caller with one worker and no time limit, and for the report's evidence).
import { readFileSync, statSync } from 'node:fs';
import { signatureOf } from '../aggregate/near-duplicates.js';
import { parseNameEntityId } from '../entity-ids.js';
import { addMessage } from '../messages.js';
import { describeEntity } from '../resources/knowledge-base.js';
import { termReader } from '../stages/count/index.js';
import { contextAround, spanIndexAt } from '../text/sentences.js';
import { type CooccurrenceUnit, type Doc, hasFatal, type RecognizerKind } from '../types.js';
import { type DocResult, type KwicLine, mentionsOf } from './doc-result.js';
import { createPipeline, documentId, newDoc } from './pipeline.js';
import { loadResources, type Resources } from './resources.js';

/** What a worker needs to process documents as the run's main thread would: plain data. */
export interface TaskConfig {
  tzOffsetMinutes: number;
  unit: CooccurrenceUnit;
  dictionaryDir?: string;
  entityFiles: readonly string[];
  /** absent: the model when the dictionaries hold one, else the rules */
  recognizer?: RecognizerKind;
  /** kwic: the entity id or term whose lines each document gives */
  kwicQuery?: string;
  /** --outlet: names to resolve to outlet ids with the outlet table */
  outlets?: readonly string[];
}

/** What the loaded resources tell the run before any document is read. */
export interface ReadyInfo {
  /** every dictionary file read, for run.json */
  dictionaryFiles: string[];
  /** the ids of the outlets --outlet names */
  outletIds?: string[];
  /** how kwic read its query */
  kwic?: KwicQuery;
}

/** A file to process: its place in input order, its path, and its bytes when they were read already. */
export interface DocJob {
  index: number;
  path: string;
  bytes?: Uint8Array;
  /** its cache key, when the run has a cache: the one who computes the result stores it */
  key?: string;
}

export interface DocProcessor {
  process(job: DocJob): DocResult;
  info: ReadyInfo;
}

export interface KwicQuery {
  kind: 'entity' | 'term';
  key: string;
}

export const MATCH_OPEN = '【';
export const MATCH_CLOSE = '】';

/** A processor over resources loaded once (or the ones given, when the caller has them). */
export function createDocProcessor(task: TaskConfig, loaded?: Resources): DocProcessor {
  const resources = loaded ?? loadTaskResources(task);
  const pipeline = createPipeline({ tzOffsetMinutes: task.tzOffsetMinutes, unit: task.unit }, resources);
  const query = task.kwicQuery === undefined ? undefined : kwicQueryOf(task.kwicQuery, resources);
  const lines = query && concordance(query, resources);
  const info: ReadyInfo = { dictionaryFiles: resources.dictionaryFiles };
  if (query) info.kwic = query;
  if (task.outlets) info.outletIds = task.outlets.map((name) => resources.outlets.resolve(name).id);
  return {
    process({ index, path, bytes }) {
      const large = tooLarge(path, bytes);
      if (large) return failedResult(index, path, 'file-too-large', large);
      try {
        return resultOf(readAndProcess(path, bytes, pipeline.process), index, resources, lines);
      } catch (error) {
        // the stages turn their exceptions into messages; this is the last guard, so one document never costs the run
        return failedResult(index, path, 'stage-failed', error instanceof Error ? error.message : String(error));
      }
    },
    info,
  };
}

/** the resources a task names */
export function loadTaskResources(task: TaskConfig): Resources {
  return loadResources({
    ...(task.dictionaryDir ? { dictionaryDir: task.dictionaryDir } : {}),
    entityFiles: task.entityFiles,
    ...(task.recognizer ? { recognizer: task.recognizer } : {}),
  });
}

/**
 * The largest file read as a post. The largest post of ../shared/corpus-month is 443 KB; a file past
 * this is no news post (a dump, a log, one line repeated), and reading it would cost time and memory
 * out of all proportion (every mention's sentence is kept with it).
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** why a file is too large to read as a post (by its size on disk, before it is read), or undefined */
export function tooLarge(path: string, bytes?: Uint8Array): string | undefined {
  let size = bytes?.byteLength;
  if (size === undefined) {
    try {
      size = statSync(path).size;
    } catch {
      return undefined; // reading it says why it cannot be read
    }
  }
  return size > MAX_FILE_BYTES
    ? `the file is ${(size / 1024 / 1024).toFixed(1)} MB; posts over ${MAX_FILE_BYTES / 1024 / 1024} MB are not read (the largest real post seen is under 0.5 MB)`
    : undefined;
}

/** the result of a document that could not be processed at all: where, and why (a fatal message) */
export function failedResult(
  index: number,
  path: string,
  code: 'stage-failed' | 'read-failed' | 'queue-job-failed' | 'file-too-large' | 'doc-timeout' | 'worker-crashed',
  reason: string,
): DocResult {
  const doc = newDoc({ path, bytes: Buffer.alloc(0) });
  doc.id = documentId(Buffer.from(`${code === 'read-failed' ? 'unreadable' : 'failed'}:${path}`));
  addMessage(doc, code, reason);
  return resultOf(doc, index, undefined, undefined);
}

function readAndProcess(path: string, given: Uint8Array | undefined, process: (file: { path: string; bytes: Buffer }) => Doc): Doc {
  // bytes that crossed from another process arrive as a plain Uint8Array
  if (given) return process({ path, bytes: Buffer.from(given.buffer, given.byteOffset, given.byteLength) });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const doc = newDoc({ path, bytes: Buffer.alloc(0) });
    doc.id = documentId(Buffer.from(`unreadable:${path}`));
    addMessage(doc, 'read-failed', error instanceof Error ? error.message : String(error));
    return doc;
  }
  return process({ path, bytes });
}

/** a processed document's result; the resources name its entities (a failed document has none) */
function resultOf(doc: Doc, index: number, resources: Resources | undefined, kwic: ((doc: Doc) => KwicLine[]) | undefined): DocResult {
  const failed = hasFatal(doc);
  const m = doc.meta;
  const result: DocResult = {
    index,
    fields: {
      id: doc.id,
      path: doc.path,
      title: m.title ?? '',
      date: m.date ?? '',
      day: m.day ?? '',
      outlet: m.outlet ?? '',
      outletId: m.outletId ?? '',
      outletWritten: m.outletWritten ?? '',
      url: m.url ?? '',
      script: failed ? '' : doc.script,
      tokens: doc.counts?.tokens ?? 0,
    },
    failed,
    messages: doc.messages,
    mentions: [],
    entityInfo: [],
  };
  if (failed || !doc.counts || !resources) return result;
  result.counts = doc.counts;
  result.mentions = mentionsOf(doc);
  for (const id of doc.counts.entities) {
    const { name, type } = describeEntity(resources.kb, id);
    result.entityInfo.push([id, name, type]);
  }
  const signature = signatureOf(doc.blocks.map((b) => b.norm));
  if (signature) result.signature = signature;
  if (kwic) result.kwic = kwic(doc);
  return result;
}

/**
 * An entity id as written in entities.csv (US, per:joe_biden, per~王展); anything else is a term,
 * looked up in simplified, lower-case form as terms.csv lists it.
 */
export function kwicQueryOf(query: string, resources: Pick<Resources, 'kb' | 'converter'>): KwicQuery {
  if (resources.kb.entities.has(query) || parseNameEntityId(query) !== undefined) return { kind: 'entity', key: query };
  return { kind: 'term', key: resources.converter.normalize(query).toLowerCase() };
}

/** the lines of the query in a document, each in its sentence, the match marked */
function concordance({ kind, key }: KwicQuery, resources: Resources): (doc: Doc) => KwicLine[] {
  const rules = { stopwords: resources.stopwords };
  return (doc) => {
    let spans: { block: number; start: number; end: number }[];
    if (kind === 'entity') spans = doc.mentions.filter((m) => m.entity === key && !m.ambiguous);
    else {
      const termAt = termReader(doc, rules);
      spans = doc.tokens.filter((t) => termAt(t) === key);
    }
    return spans.map(({ block, start, end }) => {
      const text = doc.blocks[block]!.text;
      const sentences = doc.sentences[block]!;
      const sentence = sentences[spanIndexAt(sentences, start)]!;
      const { before, after } = contextAround(text, sentence, start, end);
      const context = before + MATCH_OPEN + text.slice(start, end) + MATCH_CLOSE + after;
      return { date: doc.meta.date ?? '', outlet: doc.meta.outlet ?? '', context, path: doc.path, block, start, at: before.length, length: end - start };
    });
  };
}
