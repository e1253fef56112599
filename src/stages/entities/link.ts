// Linking: what recognition found becomes mentions with ids. A knowledge-base alias, a one-character
// country form or a known company with its company word (微软公司) gives that entity; anything else
// an id derived from its name. A person named in full and later by a part of the name is one person;
// a name several entities share takes the reading its paragraph speaks for.
import { nameEntityId } from '../../entity-ids.js';
import type { KnowledgeBase } from '../../resources/knowledge-base.js';
import type { NameLexicon } from '../../resources/name-lexicon.js';
import { MIDDLE_DOTS } from '../../text/characters.js';
import type { Doc, EntityType, Mention } from '../../types.js';
import type { RecognizedSpan } from './recognizer.js';

/** words after a known company's name that leave it that company (微软公司, 华为集团) */
const COMPANY_WORDS = ['有限公司', '公司', '集团'];

/** a recognized span as a mention: the knowledge base's entity when it knows the name, else one named by it */
export function linkSpan(kb: KnowledgeBase, names: NameLexicon | undefined, doc: Doc, span: RecognizedSpan): Mention {
  const { block, start, end } = span;
  const b = doc.blocks[block]!;
  const name = b.norm.slice(start, end);
  const known = span.entity ?? knownIdOf(kb, names, span.type, name);
  const mention: Mention = {
    entity: known ?? nameEntityId(span.type, name),
    type: known ? kb.entities.get(known)!.type : span.type,
    block,
    start,
    end,
    surface: b.text.slice(start, end),
    source: span.source,
  };
  if (span.title !== undefined) mention.title = span.title;
  if (!known && span.type === 'ORG' && (span.ambiguous || names?.ambiguousBodies.has(name))) mention.ambiguous = true;
  return mention;
}

/** the knowledge base's entity a name found as `type` is, if any: an alias, a one-character form of a country (美) or of a place (京), a company */
export function knownIdOf(kb: KnowledgeBase, names: NameLexicon | undefined, type: EntityType, name: string): string | undefined {
  const known = kb.aliases.get(name);
  if (known) return known;
  if (name.length === 1) {
    const place = names?.placeAbbreviations.get(name);
    return kb.abbreviations.get(name) ?? (place === undefined ? undefined : kb.aliases.get(place));
  }
  return type === 'ORG' ? companyOf(kb, name) : undefined;
}

/** the knowledge-base organisation a name is, with a company word after it (微软公司 → 微软) */
function companyOf(kb: KnowledgeBase, name: string): string | undefined {
  for (const word of COMPANY_WORDS) {
    if (name.length <= word.length || !name.endsWith(word)) continue;
    const id = kb.aliases.get(name.slice(0, -word.length));
    if (id && kb.entities.get(id)!.type === 'ORG') return id;
  }
  return undefined;
}

/**
 * A name several entities share (民主党) takes the reading its paragraph speaks for: each of a
 * reading's cue words written there counts two, each mention of its places one, and the most wins.
 * Places alone are weak evidence (news of the US Democrats names 香港 often), so a reading other than
 * the default needs a cue word; with no evidence, or a tie, the earlier reading in the file stays. After one of the
 * name's qualifiers (人民|民主党) the two words are another body, found by rule.
 */
export function resolveSharedNames(kb: KnowledgeBase, defaults: Set<string>, doc: Doc, mentions: Mention[]): Mention[] {
  let resolved: Mention[] | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.source !== 'kb' || !defaults.has(m.entity)) continue;
    const norm = doc.blocks[m.block]!.norm;
    const shared = kb.sharedNames.get(norm.slice(m.start, m.end));
    if (!shared) continue;
    const qualifier = [...shared.qualifiers].find((q) => norm.endsWith(q, m.start) && startsToken(doc, m.block, m.start - q.length));
    if (qualifier) {
      const start = m.start - qualifier.length;
      const name = norm.slice(start, m.end);
      resolved ??= mentions.slice();
      resolved[k] = { ...m, entity: nameEntityId(m.type, name), start, surface: doc.blocks[m.block]!.text.slice(start, m.end), source: 'rule' };
      continue;
    }
    let best = shared.readings[0]!;
    let bestScore = 0;
    for (const reading of shared.readings) {
      let cues = 0;
      for (const cue of reading.cues) if (norm.includes(cue)) cues++;
      if (cues === 0 && reading !== shared.readings[0]) continue;
      let score = 2 * cues;
      for (const other of mentions) if (other.block === m.block && reading.places.has(other.entity)) score++;
      if (score > bestScore) [best, bestScore] = [reading, score];
    }
    if (best.id !== m.entity) {
      resolved ??= mentions.slice();
      resolved[k] = { ...m, entity: best.id };
    }
  }
  return resolved ?? mentions;
}

/** whether a token of the block starts at `start` */
function startsToken(doc: Doc, block: number, start: number): boolean {
  return doc.tokens.some((t) => t.block === block && t.start === start);
}

/** the separators of the parts of a foreign name, the middle dots the rules read names by */
const NAME_PART_SEPARATOR = new RegExp(`[${[...MIDDLE_DOTS].join('')}]`);

/**
 * A person named in full in a document (亨特·拜登, a knowledge-base alias) and later by one part of
 * the name (亨特) is one person: rule-found mentions that are a part of a full name the document
 * holds take that person's id. A part shared by two people the document names stays as it was.
 */
export function linkNameParts(kb: KnowledgeBase, doc: Doc, known: Mention[], added: Mention[]): void {
  let parts: Map<string, string | null> | undefined;
  for (const m of known) {
    if (m.type !== 'PERSON' || m.source === 'rule' || m.source === 'model') continue;
    const name = doc.blocks[m.block]!.norm.slice(m.start, m.end);
    if (!NAME_PART_SEPARATOR.test(name)) continue;
    parts ??= new Map();
    for (const part of name.split(NAME_PART_SEPARATOR)) {
      if (part.length < 2) continue;
      const seen = parts.get(part);
      parts.set(part, seen === undefined || seen === m.entity ? m.entity : null);
    }
  }
  if (!parts) return;
  for (const m of added) {
    if (m.type !== 'PERSON') continue;
    const id = parts.get(doc.blocks[m.block]!.norm.slice(m.start, m.end));
    if (id && kb.entities.has(id)) m.entity = id;
  }
}
