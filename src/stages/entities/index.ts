// entities: find knowledge-base entities in a document. An alias must start and end on token
// boundaries (every alias is in the segmenter's dictionary, so 印度尼西亚 is one token and never
// yields 印度). Compounds of one-character country forms count each country, each at its own
// character: 中俄 → 中 CN, 俄 RU; 中俄印 → CN, RU, IN; X方 → X (美方 → 美 US). jieba cuts such compounds in no fixed way (中俄关系 is
// one word to it, 中|俄|双方 three), so compounds are read from the characters, with token
// boundaries as guards against reading them inside ordinary words (节日中, 中美洲, 中英文).
import type { KnowledgeBase } from '../../resources/knowledge-base.js';
import type { Doc, Mention, Stage, Token } from '../../types.js';

/** an alias spans at most this many tokens (names with a middle dot, multi-word English names) */
const MAX_TOKENS_PER_ALIAS = 8;
const PARTY_SUFFIX = '方';
/**
 * Function characters jieba's HMM glues onto an unknown compound (俄美及, 中俄间): a run ending
 * inside a token before one of these is still a compound, unlike 中美洲 or 中英文.
 */
const GLUED_FUNCTION_CHARS = new Set([...'及与和同跟对等的之间两双将已都也再就又均各首在']);
/** 日 after a number is a day of the month (3日中俄…), not Japan */
const DAY_NUMBER = /[0-9〇零一二三四五六七八九十廿卅]/;

export function createEntitiesStage(kb: KnowledgeBase): Stage {
  return {
    name: 'entities',
    run(doc: Doc) {
      const aliasMentions = matchAliases(kb, doc);
      const tokensByBlock: Token[][] = doc.blocks.map(() => []);
      for (const t of doc.tokens) tokensByBlock[t.block]!.push(t);
      const compoundMentions = doc.blocks.flatMap((_, block) => matchCompounds(kb, doc, block, tokensByBlock[block]!, aliasMentions));
      doc.mentions = [...aliasMentions, ...compoundMentions].sort((a, b) => a.block - b.block || a.start - b.start);
    },
  };
}

function matchAliases(kb: KnowledgeBase, doc: Doc): Mention[] {
  const mentions: Mention[] = [];
  const tokens = doc.tokens;
  let i = 0;
  while (i < tokens.length) {
    const best = longestAlias(kb, doc, tokens, i);
    if (best) {
      const { block, start } = tokens[i]!;
      const end = tokens[best.last]!.end;
      if (best.source === 'compound') mentions.push(...compoundMentions(kb, doc, best.ids, block, start, end));
      else mentions.push(mention(kb, doc, best.ids[0]!, block, start, end, 'kb'));
      i = best.last + 1;
    } else i++;
  }
  return mentions;
}

interface AliasMatch {
  ids: string[];
  last: number;
  source: Mention['source'];
}

/**
 * The longest alias (or curated compound, 港澳台) starting at token `first` and ending on a token
 * boundary in the same block.
 */
function longestAlias(kb: KnowledgeBase, doc: Doc, tokens: Token[], first: number): AliasMatch | undefined {
  const head = tokens[first]!;
  const norm = doc.blocks[head.block]!.norm;
  let best: AliasMatch | undefined;
  for (let last = first; last < tokens.length && last - first < MAX_TOKENS_PER_ALIAS; last++) {
    const token = tokens[last]!;
    if (token.block !== head.block) break;
    const text = norm.slice(head.start, token.end);
    if (!kb.aliasPrefixes.has(text)) break;
    const id = kb.aliases.get(text);
    if (id) best = { ids: [id], last, source: 'kb' };
    const compound = kb.compounds.get(text);
    if (compound && compound.length > 0) best = { ids: compound, last, source: 'compound' };
  }
  return best;
}

/**
 * Runs of one-character country forms not already inside an alias mention. A run must begin where a
 * token begins (leading characters inside an earlier word are dropped); it may end inside a token
 * only when what is left of that token is a word of two or more characters (中俄|关系) or a glued
 * function character (俄美|及), otherwise it is cut back to the last token end (中美洲 gives nothing).
 */
function matchCompounds(kb: KnowledgeBase, doc: Doc, block: number, tokens: Token[], aliasMentions: Mention[]): Mention[] {
  const norm = doc.blocks[block]!.norm;
  const covered = new Uint8Array(norm.length);
  for (const m of aliasMentions) if (m.block === block) covered.fill(1, m.start, m.end);
  // token boundaries are needed only in blocks holding a run, which most do not
  let bounds: { starts: Set<number>; ends: Set<number> } | undefined;
  const boundaries = () => (bounds ??= { starts: new Set(tokens.map((t) => t.start)), ends: new Set(tokens.map((t) => t.end)) });
  const tokenAt = (offset: number) => tokens.find((t) => t.start <= offset && offset < t.end);

  const mentions: Mention[] = [];
  let i = 0;
  while (i < norm.length) {
    if (covered[i] || !kb.abbreviations.has(norm[i]!)) {
      i++;
      continue;
    }
    let runEnd = i;
    while (runEnd < norm.length && !covered[runEnd] && kb.abbreviations.has(norm[runEnd]!)) runEnd++;
    const found = readRun(kb, norm, i, runEnd, boundaries().starts, boundaries().ends, tokenAt);
    if (found) mentions.push(...compoundMentions(kb, doc, found.ids, block, found.start, found.end));
    i = runEnd;
  }
  return mentions;
}

function readRun(
  kb: KnowledgeBase,
  norm: string,
  runStart: number,
  runEnd: number,
  tokenStarts: Set<number>,
  tokenEnds: Set<number>,
  tokenAt: (offset: number) => Token | undefined,
): { ids: string[]; start: number; end: number } | undefined {
  let start = runStart;
  // a day of the month ends where 日 is, whatever jieba made of it (3|日中|俄外长)
  const afterDay = (at: number) => at >= 2 && norm[at - 1] === '日' && DAY_NUMBER.test(norm[at - 2]!);
  if (norm[start] === '日' && afterDay(start + 1)) start++;
  else if (!afterDay(start)) while (start < runEnd && !tokenStarts.has(start)) start++;
  if (start >= runEnd) return undefined;

  // X方: one form and 方 closing a token
  if (runEnd - start === 1) {
    const next = runEnd;
    if (norm[next] !== PARTY_SUFFIX || !tokenEnds.has(next + 1)) return undefined;
    const surface = norm.slice(start, next + 1);
    const curated = kb.compounds.get(surface);
    const ids = curated ?? [kb.abbreviations.get(norm[start]!)!];
    return ids.length > 0 ? { ids, start, end: next + 1 } : undefined;
  }

  let end = runEnd;
  if (!tokenEnds.has(end)) {
    const token = tokenAt(end - 1);
    const rest = token ? token.end - end : 0;
    if (rest < 2 && !(rest === 1 && GLUED_FUNCTION_CHARS.has(norm[end]!))) {
      while (end > start && !tokenEnds.has(end)) end--;
    }
  }
  if (end - start < 2) return undefined;
  const surface = norm.slice(start, end);
  const curated = kb.compounds.get(surface);
  if (curated) return curated.length > 0 ? { ids: curated, start, end } : undefined;
  const ids = [...surface].map((ch) => kb.abbreviations.get(ch)!);
  if (new Set(ids).size !== ids.length) return undefined;
  return { ids, start, end };
}

/**
 * A compound names each country with its own character: 中俄印 is 中 → CN, 俄 → RU, 印 → IN, and
 * 美方 is 美 → US. A reading that is not one character a country (沙俄 → RU) spans the whole.
 */
function compoundMentions(kb: KnowledgeBase, doc: Doc, ids: string[], block: number, start: number, end: number): Mention[] {
  if (ids.length === end - start) return ids.map((id, i) => mention(kb, doc, id, block, start + i, start + i + 1, 'compound'));
  if (ids.length === 1 && end - start === 2 && doc.blocks[block]!.norm[end - 1] === PARTY_SUFFIX) {
    return [mention(kb, doc, ids[0]!, block, start, start + 1, 'compound')];
  }
  return ids.map((id) => mention(kb, doc, id, block, start, end, 'compound'));
}

function mention(kb: KnowledgeBase, doc: Doc, id: string, block: number, start: number, end: number, source: Mention['source']): Mention {
  return { entity: id, type: kb.entities.get(id)!.type, block, start, end, surface: doc.blocks[block]!.text.slice(start, end), source };
}
