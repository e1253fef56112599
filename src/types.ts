import type { PackedCounts } from './aggregate/packed.js';
import type { Span } from './text/sentences.js';

// The document model every stage reads and adds to. One Doc flows through the per-document stages;
// each stage adds its layer and returns nothing. Offsets are UTF-16 code units, end-exclusive, into
// a block's text; `norm` has the same length as `text`, so one offset serves both.

export type Script = 'simplified' | 'traditional' | 'mixed' | 'none';
export type EntityType = 'PERSON' | 'GPE' | 'ORG' | 'LOC';
export type Severity = 'info' | 'warning' | 'fatal';
/** how names beyond the knowledge base are recognized: the trained model or the hand rules */
export type RecognizerKind = 'model' | 'rules';

export interface SourceFile {
  path: string;
  bytes: Buffer;
}

export interface DocMeta {
  title?: string;
  /** ISO 8601 instant with the offset of the analysis time zone, e.g. 2022-02-04T07:00:00+08:00 */
  date?: string;
  /** calendar day (YYYY-MM-DD) of `date` in the analysis time zone */
  day?: string;
  /** the outlet's display name (dictionaries/outlets.tsv), or its name as written when the table does not know it */
  outlet?: string;
  /** the outlet's id in dictionaries/outlets.tsv, or its name as written */
  outletId?: string;
  /** the outlet's name as the source wrote it (front matter categories, tags or author; HTML meta) */
  outletWritten?: string;
  author?: string;
  url?: string;
  tags: string[];
}

export type BlockKind = 'title' | 'paragraph' | 'caption';

export interface Block {
  kind: BlockKind;
  /** clean text in the original script, whitespace collapsed */
  text: string;
  /** simplified, half-width form of `text`, same length (set by normalize) */
  norm: string;
}

export interface Token {
  block: number;
  start: number;
  end: number;
  /** surface in the original script */
  text: string;
  /** normalized (simplified) form: the term key */
  norm: string;
  pos: string;
}

export interface Mention {
  entity: string;
  type: EntityType;
  block: number;
  start: number;
  end: number;
  /** as written in the original script */
  surface: string;
  /**
   * how it was found: 'kb' alias match, 'compound' of one-character country forms, 'rule' by
   * recognition beyond the knowledge base by the hand rules, 'model' by the trained model (the
   * entity id of these two is the knowledge base's when the name is an alias, else derived from the name)
   */
  source: 'kb' | 'compound' | 'rule' | 'model';
  /** a title or office written before a person's name (外交部长王毅 → 外交部长) */
  title?: string;
  /**
   * a bare name that many bodies share (国会, 外交部): tagged for its span, but naming no one
   * entity, so it is left out of every count and table
   */
  ambiguous?: true;
}

export interface Message {
  code: string;
  severity: Severity;
  reason: string;
  /** where in the file, when known */
  place?: string;
}

export interface Doc {
  /** stable: hash of the source bytes */
  id: string;
  path: string;
  source: Buffer;
  meta: DocMeta;
  script: Script;
  blocks: Block[];
  tokens: Token[];
  /** sentence spans of each block, by block index (set by segment) */
  sentences: Span[][];
  mentions: Mention[];
  messages: Message[];
  /** the document's counts (set by count) */
  counts?: PackedCounts;
}

/** The unit of text within which co-occurrence is counted. */
export type CooccurrenceUnit = { kind: 'sentence' } | { kind: 'paragraph' } | { kind: 'document' } | { kind: 'window'; size: number };

/** Options that change what the per-document stages produce. */
export interface AnalysisOptions {
  /** fixed UTC offset in minutes used for calendar days, e.g. 480 for UTC+8 */
  tzOffsetMinutes: number;
  /** co-occurrence unit (default: the sentence) */
  unit?: CooccurrenceUnit;
}

export interface Stage {
  name: string;
  run(doc: Doc): void;
}

export function hasFatal(doc: Doc): boolean {
  return doc.messages.some((m) => m.severity === 'fatal');
}
