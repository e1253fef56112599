// The per-document result: what the corpus needs of one document, as plain data that crosses a
// thread (or process, or machine) boundary cheaply and can be cached. The document itself (its
// text, tokens and layers) stays where it was processed; the reduce (reduce.ts) reads only this.
// Counts are packed into a local vocabulary and typed arrays (aggregate/packed.ts): structured cloning
// a tally of Maps with a string key per term pair cost about a millisecond a document.

import type { TextSignature } from '../aggregate/near-duplicates.js';
import type { PackedCounts } from '../aggregate/packed.js';
import { contextAround, spanIndexAt } from '../text/sentences.js';
import type { Doc, EntityType, Message, Script } from '../types.js';

export type { PackedCounts };

/** The fields of documents.csv that the document itself decides (status is the reduce's). */
export interface DocFields {
  id: string;
  path: string;
  title: string;
  date: string;
  day: string;
  outlet: string;
  outletId: string;
  outletWritten: string;
  url: string;
  script: Script | '';
  tokens: number;
}

/** A mention as entity_mentions.csv gives it, with the sentence that holds it. */
export interface MentionOfDoc {
  entity: string;
  surface: string;
  block: number;
  start: number;
  end: number;
  context: string;
}

/** A concordance line of `zhtext kwic`, found in the document where it was processed. */
export interface KwicLine {
  date: string;
  outlet: string;
  /** the sentence in the original script, the match marked 【…】 */
  context: string;
  /** where the opening mark is in context, and the match's length (the sentence may hold 【 of its own) */
  at: number;
  length: number;
  path: string;
  /** for ordering: the match's place in its document */
  block: number;
  start: number;
}

export interface DocResult {
  /** position in input order */
  index: number;
  fields: DocFields;
  /** a fatal message stopped the document: nothing of it counts */
  failed: boolean;
  messages: Message[];
  counts?: PackedCounts;
  /** mentions that name one entity (ambiguous ones left out), in text order */
  mentions: MentionOfDoc[];
  /** name and type of each entity counted, so the tables need no knowledge base */
  entityInfo: [id: string, name: string, type: EntityType | ''][];
  /** MinHash signature of the normalized text, for near-copies; absent for short texts */
  signature?: TextSignature;
  /** kwic's lines of the document, when a query was given */
  kwic?: KwicLine[];
}

/**
 * Whether a result is the file's whatever the run: not one that failed for the run's own reasons (out
 * of time, a worker that died, a queue that gave up), which a cache must not keep.
 */
export function isLasting(result: DocResult): boolean {
  return !result.messages.some((m) => m.code === 'doc-timeout' || m.code === 'worker-crashed' || m.code === 'queue-job-failed');
}

/**
 * A result computed elsewhere (read from the cache, or by a worker through the queue) made this
 * run's: the file's result is the same wherever it was read from, its index and path are this run's.
 */
export function asThisRuns(result: DocResult, index: number, path: string): DocResult {
  result.index = index;
  result.fields.path = path;
  for (const line of result.kwic ?? []) line.path = path;
  return result;
}

/** The mentions of a document that name one entity, each with the sentence holding it. */
export function mentionsOf(doc: Doc): MentionOfDoc[] {
  const rows: MentionOfDoc[] = [];
  for (const m of doc.mentions) {
    if (m.ambiguous) continue;
    const spans = doc.sentences[m.block]!;
    const sentence = spans[spanIndexAt(spans, m.start)]!;
    const text = doc.blocks[m.block]!.text;
    const { before, after } = contextAround(text, sentence, m.start, m.end);
    rows.push({
      entity: m.entity,
      surface: m.surface,
      block: m.block,
      start: m.start,
      end: m.end,
      context: before + text.slice(m.start, m.end) + after,
    });
  }
  return rows;
}
