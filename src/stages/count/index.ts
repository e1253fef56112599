// count: the document's partial statistics: term counts, entity mention counts, and co-occurrence of
// terms and of entities within a unit of text (a sentence by default; a paragraph, the document, or
// a window of N word tokens): each pair is counted once per unit in which both occur, and each item
// once per unit that holds it, with the number of units, so association measures can be computed.
// Web and mail addresses quoted in the text are not terms (jieba cuts them into https, www, com …).
import { emptyTally, pairKey, type Tally } from '../../aggregate/tally.js';
import { lastAtOrBefore } from '../../text/search.js';
import { spanIndexAt } from '../../text/sentences.js';
import type { CooccurrenceUnit, Doc, Stage, Token } from '../../types.js';
import { isWordToken, linkSpans, type TermRules, termOf } from './terms.js';

export function createCountStage(rules: TermRules, unit: CooccurrenceUnit = { kind: 'sentence' }): Stage {
  return {
    name: 'count',
    run(doc: Doc) {
      doc.tally = countDocument(doc, rules, unit);
    },
  };
}

export function countDocument(doc: Doc, rules: TermRules, unit: CooccurrenceUnit = { kind: 'sentence' }): Tally {
  const tally = emptyTally();
  tally.documents = 1;
  const units = unitsOf(doc, unit);
  tally.units = units.count;
  const termsByUnit = new Map<number, Set<string>>();
  const entitiesByUnit = new Map<number, Set<string>>();

  const termAt = termReader(doc, rules);
  for (const token of doc.tokens) {
    if (isWordToken(token.norm)) tally.tokens++;
    const term = termAt(token);
    if (term === undefined) continue;
    const stat = tally.terms.get(term) ?? { count: 0, docs: 1, units: 0, pos: new Map<string, number>() };
    stat.count++;
    stat.pos.set(token.pos, (stat.pos.get(token.pos) ?? 0) + 1);
    tally.terms.set(term, stat);
    addToSet(termsByUnit, units.of(token.block, token.start), term);
  }
  for (const mention of doc.mentions) {
    if (mention.ambiguous) continue;
    const stat = tally.entities.get(mention.entity) ?? { mentions: 0, docs: 1, units: 0, surfaces: new Map<string, number>() };
    stat.mentions++;
    stat.surfaces.set(mention.surface, (stat.surfaces.get(mention.surface) ?? 0) + 1);
    tally.entities.set(mention.entity, stat);
    addToSet(entitiesByUnit, units.of(mention.block, mention.start), mention.entity);
  }
  for (const items of termsByUnit.values()) for (const term of items) tally.terms.get(term)!.units++;
  for (const items of entitiesByUnit.values()) for (const id of items) tally.entities.get(id)!.units++;
  countPairs(termsByUnit, tally.termPairs);
  countPairs(entitiesByUnit, tally.entityPairs);
  return tally;
}

/**
 * The term a token of the document counts as, or undefined: not a term, or inside a web or mail
 * address quoted in the text. The counts and the concordance (kwic) read terms through this alone.
 */
export function termReader(doc: Doc, rules: TermRules): (token: Token) => string | undefined {
  const links = doc.blocks.map((b) => linkSpans(b.norm));
  return (token) => (insideAny(links[token.block]!, token.start) ? undefined : termOf(token.norm, token.pos, rules));
}

/** more units than any block holds: the factor that makes (block, unit in the block) one number */
const UNITS_PER_BLOCK = 1_000_000;

/** how many units the document has, and the unit of a place in it as one number (no string per token) */
function unitsOf(doc: Doc, unit: CooccurrenceUnit): { count: number; of: (block: number, offset: number) => number } {
  switch (unit.kind) {
    case 'sentence':
      return {
        count: doc.sentences.reduce((n, spans) => n + spans.length, 0),
        of: (block, offset) => block * UNITS_PER_BLOCK + spanIndexAt(doc.sentences[block]!, offset),
      };
    case 'paragraph':
      return { count: doc.blocks.length, of: (block) => block };
    case 'document':
      return { count: 1, of: () => 0 };
    case 'window': {
      // windows of `size` word tokens, one after another in each block; a place belongs to the
      // window of the word token holding or preceding it
      const byBlock = new Map<number, { starts: number[]; window: number[] }>();
      let count = 0;
      let t = 0;
      const tokens: Token[] = doc.tokens;
      while (t < tokens.length) {
        const block = tokens[t]!.block;
        const starts: number[] = [];
        const window: number[] = [];
        let words = 0;
        for (; t < tokens.length && tokens[t]!.block === block; t++) {
          const word = isWordToken(tokens[t]!.norm);
          starts.push(tokens[t]!.start);
          window.push(Math.floor((word ? words : Math.max(0, words - 1)) / unit.size));
          if (word) words++;
        }
        byBlock.set(block, { starts, window });
        count += Math.ceil(words / unit.size);
      }
      return {
        count,
        of: (block, offset) => {
          const b = byBlock.get(block);
          if (!b) return block * UNITS_PER_BLOCK;
          const k = lastAtOrBefore((i) => b.starts[i]!, 0, b.starts.length, offset);
          return block * UNITS_PER_BLOCK + (k < 0 ? 0 : b.window[k]!);
        },
      };
    }
  }
}

/** offset lies inside one of the spans */
function insideAny(spans: { start: number; end: number }[], offset: number): boolean {
  for (const l of spans) if (offset >= l.start && offset < l.end) return true;
  return false;
}

function addToSet(map: Map<number, Set<string>>, key: number, item: string): void {
  const set = map.get(key);
  if (set) set.add(item);
  else map.set(key, new Set([item]));
}

function countPairs(byUnit: Map<number, Set<string>>, pairs: Tally['termPairs']): void {
  for (const items of byUnit.values()) {
    const list = [...items];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = pairKey(list[i]!, list[j]!);
        const stat = pairs.get(key);
        if (stat) stat.count++;
        else pairs.set(key, { count: 1, docs: 1 });
      }
    }
  }
}
