// count: the document's partial statistics: term counts, entity mention counts, and co-occurrence of
// terms and of entities within a sentence (each pair counted once per sentence in which both occur).
// Web and mail addresses quoted in the text are not terms (jieba cuts them into https, www, com …).
import { emptyTally, pairKey, type Tally } from '../../aggregate/tally.js';
import { spanIndexAt } from '../../text/sentences.js';
import type { Doc, Stage } from '../../types.js';
import { isWordToken, linkSpans, termOf, type TermRules } from './terms.js';

export function createCountStage(rules: TermRules): Stage {
  return {
    name: 'count',
    run(doc: Doc) {
      doc.tally = countDocument(doc, rules);
    },
  };
}

export function countDocument(doc: Doc, rules: TermRules): Tally {
  const tally = emptyTally();
  tally.documents = 1;
  // a sentence as one number (block, then sentence in the block): no string per token
  const sentenceOf = (block: number, offset: number) => block * SENTENCES_PER_BLOCK + spanIndexAt(doc.sentences[block]!, offset);
  const termsBySentence = new Map<number, Set<string>>();
  const entitiesBySentence = new Map<number, Set<string>>();

  const links = doc.blocks.map((b) => linkSpans(b.norm));
  for (const token of doc.tokens) {
    if (isWordToken(token.norm)) tally.tokens++;
    if (insideAny(links[token.block]!, token.start)) continue;
    const term = termOf(token.norm, token.pos, rules);
    if (term === undefined) continue;
    const stat = tally.terms.get(term) ?? { count: 0, docs: 1, pos: new Map<string, number>() };
    stat.count++;
    stat.pos.set(token.pos, (stat.pos.get(token.pos) ?? 0) + 1);
    tally.terms.set(term, stat);
    addToSet(termsBySentence, sentenceOf(token.block, token.start), term);
  }
  for (const mention of doc.mentions) {
    if (mention.ambiguous) continue;
    const stat = tally.entities.get(mention.entity) ?? { mentions: 0, docs: 1, surfaces: new Map<string, number>() };
    stat.mentions++;
    stat.surfaces.set(mention.surface, (stat.surfaces.get(mention.surface) ?? 0) + 1);
    tally.entities.set(mention.entity, stat);
    addToSet(entitiesBySentence, sentenceOf(mention.block, mention.start), mention.entity);
  }
  countPairs(termsBySentence, tally.termPairs);
  countPairs(entitiesBySentence, tally.entityPairs);
  return tally;
}

/** more sentences than any block holds: the factor that makes (block, sentence) one number */
const SENTENCES_PER_BLOCK = 1_000_000;

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

function countPairs(bySentence: Map<number, Set<string>>, pairs: Tally['termPairs']): void {
  for (const items of bySentence.values()) {
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
