// Recognition of names the knowledge base does not hold, behind one interface: the trained model
// (model/recognizer.ts) and the hand rules (rules.ts) are its two implementations. Both give spans;
// linking (link.ts) gives them ids.
import type { Doc, EntityType, Mention, Token } from '../../types.js';

/** a name found by a recognizer, before linking */
export interface RecognizedSpan {
  type: EntityType;
  block: number;
  start: number;
  /** exclusive */
  end: number;
  source: 'rule' | 'model';
  /** a title or office written before a person's name */
  title?: string;
  /** the knowledge-base id, when the recognizer knows it (a one-character country form) */
  entity?: string;
  /** a bare name many bodies share (国会): found, but naming no one entity */
  ambiguous?: true;
}

export interface Recognition {
  /** spans found, in text order within each block */
  spans: RecognizedSpan[];
  /** knowledge-base and compound mentions that a found name replaces (美国|国务院 is one organisation) */
  absorbed: Set<Mention>;
}

export interface Recognizer {
  readonly name: 'model' | 'rules';
  /** `known`: the knowledge base's and the compounds' mentions, in text order; titles of people among them may be set */
  recognize(doc: Doc, tokens: Token[], known: Mention[]): Recognition;
}
