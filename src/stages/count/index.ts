// count: the document's partial statistics: term counts, entity mention counts, and co-occurrence of
// terms and of entities within a unit of text (a sentence by default; a paragraph, the document, or
// a window of N word tokens): each pair is counted once per unit in which both occur, and each item
// once per unit that holds it, with the number of units, so association measures can be computed.
// Web and mail addresses quoted in the text are not terms (jieba cuts them into https, www, com …).
import { type PackedCounts, unpackCounts } from '../../aggregate/packed.js';
import type { Tally } from '../../aggregate/tally.js';
import { lastAtOrBefore } from '../../text/search.js';
import { spanIndexAt } from '../../text/sentences.js';
import type { CooccurrenceUnit, Doc, Stage, Token } from '../../types.js';
import { isWordToken, linkSpans, type TermRules, termOf } from './terms.js';

export function createCountStage(rules: TermRules, unit: CooccurrenceUnit = { kind: 'sentence' }): Stage {
  return {
    name: 'count',
    run(doc: Doc) {
      doc.counts = countPacked(doc, rules, unit);
    },
  };
}

/** The document's counts as a Tally of one document (for code that merges tallies). */
export function countDocument(doc: Doc, rules: TermRules, unit: CooccurrenceUnit = { kind: 'sentence' }): Tally {
  return unpackCounts(countPacked(doc, rules, unit));
}

/** Items of one kind (terms, or entities) as the document meets them: a local index each, their counts. */
class LocalItems {
  readonly names: string[] = [];
  readonly index = new Map<string, number>();
  readonly count: number[] = [];
  /** per item: what it is counted under (part of speech, surface) → count */
  readonly kinds: Map<string, number>[] = [];
  /** unit → the items in it, each once, in order of first appearance */
  readonly byUnit = new Map<number, Set<number>>();

  add(name: string, kind: string, unit: number): void {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
      this.count.push(0);
      this.kinds.push(new Map());
    }
    this.count[i]!++;
    const kinds = this.kinds[i]!;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const inUnit = this.byUnit.get(unit);
    if (inUnit) inUnit.add(i);
    else this.byUnit.set(unit, new Set([i]));
  }

  /** per item: count, then units holding it */
  stats(): Uint32Array {
    const stats = new Uint32Array(this.names.length * 2);
    for (const [i, n] of this.count.entries()) stats[2 * i] = n;
    for (const items of this.byUnit.values()) for (const i of items) stats[2 * i + 1]!++;
    return stats;
  }

  /**
   * (item, kind, count) triples. Parts of speech are shared (one list); surfaces are one entry per
   * item and surface, as the reduce reads them.
   */
  kindTriples(kindNames: string[], shared: boolean): Uint32Array {
    const kindIndex = new Map<string, number>();
    const triples: number[] = [];
    this.kinds.forEach((kinds, i) => {
      for (const [kind, n] of kinds) {
        let k = shared ? kindIndex.get(kind) : undefined;
        if (k === undefined) {
          k = kindNames.length;
          kindNames.push(kind);
          if (shared) kindIndex.set(kind, k);
        }
        triples.push(i, k, n);
      }
    });
    return Uint32Array.from(triples);
  }

  /**
   * (a, b, units holding both) triples, each pair once in order of first appearance, a before b in
   * code-unit order of their names (as the corpus tables key pairs)
   */
  pairs(): Uint32Array {
    const at = new Map<number, number>();
    const triples: number[] = [];
    const base = this.names.length;
    for (const unitItems of this.byUnit.values()) {
      const items = [...unitItems];
      for (let i = 0; i < items.length; i++) {
        const x = items[i]!;
        for (let j = i + 1; j < items.length; j++) {
          const y = items[j]!;
          const key = x < y ? x * base + y : y * base + x;
          const k = at.get(key);
          if (k !== undefined) triples[k + 2]!++;
          else {
            at.set(key, triples.length);
            if (this.names[x]! < this.names[y]!) triples.push(x, y, 1);
            else triples.push(y, x, 1);
          }
        }
      }
    }
    return Uint32Array.from(triples);
  }
}

/** The document's counts, packed (aggregate/packed.ts): what the reduce and the cache take. */
export function countPacked(doc: Doc, rules: TermRules, unit: CooccurrenceUnit = { kind: 'sentence' }): PackedCounts {
  const units = unitsOf(doc, unit);
  const terms = new LocalItems();
  const entities = new LocalItems();
  let tokens = 0;
  const termAt = termReader(doc, rules);
  for (const token of doc.tokens) {
    if (isWordToken(token.norm)) tokens++;
    const term = termAt(token);
    if (term !== undefined) terms.add(term, token.pos, units.of(token.block, token.start));
  }
  for (const mention of doc.mentions) {
    if (!mention.ambiguous) entities.add(mention.entity, mention.surface, units.of(mention.block, mention.start));
  }
  const posTags: string[] = [];
  const surfaces: string[] = [];
  return {
    tokens,
    units: units.count,
    terms: terms.names,
    termStats: terms.stats(),
    posTags,
    termPos: terms.kindTriples(posTags, true),
    entities: entities.names,
    entityStats: entities.stats(),
    surfaces,
    entitySurfaces: entities.kindTriples(surfaces, false),
    termPairs: terms.pairs(),
    entityPairs: entities.pairs(),
  };
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
