// Matching the knowledge base: its aliases on token boundaries (every alias is in the segmenter's
// dictionary, so 印度尼西亚 is one token and never yields 印度), and compounds of one-character
// country forms, each country at its own character: 中俄 → 中 CN, 俄 RU; 中俄印 → CN, RU, IN;
// X方 → X (美方 → 美 US). jieba cuts such compounds in no fixed way (中俄关系 is one word to it,
// 中|俄|双方 three), so compounds are read from the characters, with token boundaries as guards
// against reading them inside ordinary words (节日中, 中美洲, 中英文).
import type { KnowledgeBase } from '../../resources/knowledge-base.js';
import { blockRuns, lastAtOrBefore } from '../../text/search.js';
import type { Doc, Mention, Token } from '../../types.js';

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

/** The knowledge base's and the compounds' mentions of a document, in text order. */
export function createKnowledgeBaseMatcher(kb: KnowledgeBase): (doc: Doc) => Mention[] {
  // the one-character forms as a table by code unit: the compound scan tests every character
  const abbreviationTable = new Uint8Array(0x10000);
  for (const c of kb.abbreviations.keys()) abbreviationTable[c.charCodeAt(0)] = 1;
  const aliasIndex = aliasIndexOf(kb);
  const mayStartAlias = (w: string) => mayStartAliasIn(aliasIndex, w);
  return (doc) => {
    const aliasMentions = matchAliases(kb, aliasIndex, mayStartAlias, doc);
    const tokens = doc.tokens;
    // tokens and alias mentions are in text order: each block's are one run of each list
    const mentions: Mention[] = [];
    const tokenRuns = blockRuns(tokens, doc.blocks.length);
    const aliasRuns = blockRuns(aliasMentions, doc.blocks.length);
    for (let block = 0; block < doc.blocks.length; block++) {
      const [aliasFrom, a] = [aliasRuns[block]!, aliasRuns[block + 1]!];
      const blockTokens = { tokens, from: tokenRuns[block]!, to: tokenRuns[block + 1]! };
      const compounds = matchCompounds(abbreviationTable, kb, doc, block, blockTokens, aliasMentions, aliasFrom, a);
      if (compounds.length === 0) for (let k = aliasFrom; k < a; k++) mentions.push(aliasMentions[k]!);
      else mentions.push(...[...aliasMentions.slice(aliasFrom, a), ...compounds].sort((x, y) => x.start - y.start));
    }
    return mentions;
  };
}

function matchAliases(kb: KnowledgeBase, index: AliasIndex, mayStartAlias: (w: string) => boolean, doc: Doc): Mention[] {
  const mentions: Mention[] = [];
  const tokens = doc.tokens;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    // most tokens are passed over on numbers alone; a token that starts an alias prefix must still
    // be an alias itself or run on into the next token across a pair some alias holds
    const best =
      mayStartAlias(token.norm) && (mayBeWholeAlias(index, token.norm) || mayRunOn(index, doc, tokens, i)) ? longestAlias(index, doc, tokens, i) : undefined;
    if (best) {
      const { block, start } = token;
      const end = tokens[best.last]!.end;
      if (best.source === 'compound') mentions.push(...compoundMentions(kb, doc, best.ids, block, start, end));
      else {
        const [from, to] = coreSpan(kb, doc.blocks[block]!.norm, best.ids[0]!, start, end);
        mentions.push(mention(kb, doc, best.ids[0]!, block, from, to, 'kb'));
      }
      i = best.last + 1;
    } else i++;
  }
  return mentions;
}

/** whether the token after `i` may continue an alias begun at `i` (spaces between words always may) */
function mayRunOn({ bigrams }: AliasIndex, doc: Doc, tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  if (!next || next.block !== token.block) return false;
  return next.start !== token.end || bigrams.has(pairCode(doc.blocks[token.block]!.norm, token.end - 1));
}

/** words that close an alias of a region without being part of its name (中东地区, 东北地区) */
const AREA_WORDS = ['地区', '一带', '内地'];
/** a word that opens an alias of a country without being part of its name (新中国) */
const ERA_PREFIX = '新';

/**
 * The span of the name inside a matched alias: when the alias is another alias of the same entity
 * plus an area word (中东地区 → 中东) or an era prefix (新中国 → 中国), the mention covers the name
 * alone, as the news annotation standards count it; the id is the same either way.
 */
function coreSpan(kb: KnowledgeBase, norm: string, id: string, start: number, end: number): [number, number] {
  if (end - start < 3) return [start, end];
  // (a region's name before the area word need not be an alias itself: 西北地区 → 西北)
  const type = kb.entities.get(id)?.type;
  for (const area of AREA_WORDS) {
    if (!norm.endsWith(area, end) || end - area.length - start < 2) continue;
    if (type === 'LOC' || type === 'GPE' || kb.aliases.get(norm.slice(start, end - area.length)) === id) return [start, end - area.length];
  }
  if (norm.startsWith(ERA_PREFIX, start) && kb.aliases.get(norm.slice(start + 1, end)) === id) return [start + 1, end];
  // a person's alias made of the name and a title (毛主席, 明仁天皇): the name alone, whether
  // another alias of the person (明仁) or the surname (毛)
  const titles = kb.names?.titles;
  if (titles && kb.entities.get(id)?.type === 'PERSON') {
    for (let cut = end - 1; cut > start; cut--) {
      if (!titles.has(norm.slice(cut, end))) continue;
      if (cut - start === 1 || kb.aliases.get(norm.slice(start, cut)) === id) return [start, cut];
    }
  }
  return [start, end];
}

interface AliasMatch {
  ids: string[];
  last: number;
  source: Mention['source'];
}

/** what a prefix of an alias is: the entry it completes (an alias or a curated compound), or null */
type PrefixTable = Map<string, { ids: string[]; source: Mention['source'] } | null>;

/** the aliases and curated compounds, indexed for matching on tokens */
interface AliasIndex {
  /** every prefix with what it completes: one lookup a step */
  table: PrefixTable;
  /** first code units of the aliases: most tokens start none, and are passed over without hashing their text */
  starts: Uint8Array;
  /** first two code units as one number: a token no alias starts with is passed over with a numeric lookup */
  pairs: BitFilter;
  /**
   * every pair of adjacent code units inside an alias: a token whose last two units, or a junction
   * of two tokens, is no such pair cannot be (or continue) an alias, found without hashing text
   */
  bigrams: BitFilter;
  /** first and last code units and length of every whole alias and compound (not of mere prefixes) */
  wholes: BitFilter;
}

const pairCode = (s: string, at: number) => s.charCodeAt(at) * 0x10000 + s.charCodeAt(at + 1);
const wholeCode = (s: string) => (s.charCodeAt(0) * 0x10000 + s.charCodeAt(s.length - 1)) ^ (s.length << 27);

/**
 * A set of numbers kept as bits of their hash, 64 KiB: no false negatives, few false positives (a
 * Map lookup then settles it), and a lookup touches one word. The prefix table is far larger, and
 * between the other stages' work a lookup in it mostly misses the processor's caches.
 */
class BitFilter {
  private static readonly BITS = 19;
  private readonly words = new Uint32Array(1 << (BitFilter.BITS - 5));
  private slot(key: number): number {
    return Math.imul(key | 0, 0x9e3779b1) >>> (32 - BitFilter.BITS);
  }
  add(key: number): void {
    const s = this.slot(key);
    this.words[s >>> 5]! |= 1 << (s & 31);
  }
  has(key: number): boolean {
    const s = this.slot(key);
    return (this.words[s >>> 5]! & (1 << (s & 31))) !== 0;
  }
}

/** one pass over every prefix of every alias and curated compound */
function aliasIndexOf(kb: KnowledgeBase): AliasIndex {
  const index: AliasIndex = { table: new Map(), starts: new Uint8Array(0x10000), pairs: new BitFilter(), bigrams: new BitFilter(), wholes: new BitFilter() };
  for (const prefix of kb.aliasPrefixes) {
    const compound = kb.compounds.get(prefix);
    const id = kb.aliases.get(prefix);
    // a curated compound wins over an alias of the same surface; an empty compound is a non-compound
    if (compound && compound.length > 0) index.table.set(prefix, { ids: compound, source: 'compound' });
    else if (id) index.table.set(prefix, { ids: [id], source: 'kb' });
    else index.table.set(prefix, null);
    if (index.table.get(prefix)) index.wholes.add(wholeCode(prefix));
    if (prefix.length === 1) index.starts[prefix.charCodeAt(0)] = 1;
    else {
      if (prefix.length === 2) index.pairs.add(pairCode(prefix, 0));
      index.bigrams.add(pairCode(prefix, prefix.length - 2));
    }
  }
  return index;
}

function mayStartAliasIn({ starts, pairs, bigrams }: AliasIndex, w: string): boolean {
  return starts[w.charCodeAt(0)] === 1 && (w.length === 1 || pairs.has(pairCode(w, 0))) && (w.length <= 2 || bigrams.has(pairCode(w, w.length - 2)));
}

/** whether the token may be a whole alias or compound (every one is two characters or more) */
function mayBeWholeAlias({ wholes }: AliasIndex, w: string): boolean {
  return w.length >= 2 && wholes.has(wholeCode(w));
}

/**
 * The longest alias (or curated compound, 港澳台) starting at token `first` and ending on a token
 * boundary in the same block.
 */
function longestAlias({ table, bigrams }: AliasIndex, doc: Doc, tokens: Token[], first: number): AliasMatch | undefined {
  const head = tokens[first]!;
  // the token itself first, without slicing: most tokens that pass the code-unit filter end there
  const own = table.get(head.norm);
  if (own === undefined) return undefined;
  let best: AliasMatch | undefined = own ? { ids: own.ids, last: first, source: own.source } : undefined;
  const norm = doc.blocks[head.block]!.norm;
  for (let last = first + 1; last < tokens.length && last - first < MAX_TOKENS_PER_ALIAS; last++) {
    const token = tokens[last]!;
    if (token.block !== head.block) break;
    // the junction with the next token must be a pair inside some alias (中|的 is in none)
    const before = tokens[last - 1]!.end;
    if (token.start === before && !bigrams.has(pairCode(norm, before - 1))) break;
    const entry = table.get(norm.slice(head.start, token.end));
    if (entry === undefined) break;
    if (entry) best = { ids: entry.ids, last, source: entry.source };
  }
  return best;
}

/** a block's tokens: tokens[from] up to (not including) tokens[to] */
interface BlockTokens {
  tokens: Token[];
  from: number;
  to: number;
}

/**
 * Runs of one-character country forms not already inside an alias mention. A run must begin where a
 * token begins (leading characters inside an earlier word are dropped); it may end inside a token
 * only when what is left of that token is a word of two or more characters (中俄|关系) or a glued
 * function character (俄美|及), otherwise it is cut back to the last token end (中美洲 gives nothing).
 */
function matchCompounds(
  abbreviationTable: Uint8Array,
  kb: KnowledgeBase,
  doc: Doc,
  block: number,
  blockTokens: BlockTokens,
  aliasMentions: Mention[],
  aliasFrom: number,
  aliasTo: number,
): Mention[] {
  const norm = doc.blocks[block]!.norm;
  const mentions: Mention[] = [];
  let bounds: Boundaries | undefined;
  // the alias mentions are in text order: skip over each as the scan reaches it
  let next = aliasFrom;
  let i = 0;
  while (i < norm.length) {
    while (next < aliasTo && aliasMentions[next]!.end <= i) next++;
    if (next < aliasTo && aliasMentions[next]!.start <= i) {
      i = aliasMentions[next]!.end;
      continue;
    }
    if (abbreviationTable[norm.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    const stop = next < aliasTo ? aliasMentions[next]!.start : norm.length;
    let runEnd = i;
    while (runEnd < stop && abbreviationTable[norm.charCodeAt(runEnd)] === 1) runEnd++;
    bounds ??= boundariesOf(blockTokens);
    const found = readRun(kb, norm, i, runEnd, bounds);
    if (found) mentions.push(...compoundMentions(kb, doc, found.ids, block, found.start, found.end));
    i = runEnd;
  }
  return mentions;
}

interface Boundaries {
  /** a token starts at offset x */
  startsAt(x: number): boolean;
  /** a token ends at offset x */
  endsAt(x: number): boolean;
  /** the end of the token holding offset x, 0 between tokens */
  tokenEnd(x: number): number;
}

/** token boundaries of a block, by binary search over its tokens (no table per block) */
function boundariesOf({ tokens, from, to }: BlockTokens): Boundaries {
  /** the last token starting at or before x, or -1 */
  const startOf = (k: number) => tokens[k]!.start;
  const at = (x: number) => lastAtOrBefore(startOf, from, to, x);
  return {
    startsAt: (x) => {
      const k = at(x);
      return k >= 0 && tokens[k]!.start === x;
    },
    endsAt: (x) => {
      const k = at(x - 1);
      return k >= 0 && tokens[k]!.end === x;
    },
    tokenEnd: (x) => {
      const k = at(x);
      return k >= 0 && tokens[k]!.end > x ? tokens[k]!.end : 0;
    },
  };
}

function readRun(
  kb: KnowledgeBase,
  norm: string,
  runStart: number,
  runEnd: number,
  { startsAt, endsAt, tokenEnd }: Boundaries,
): { ids: string[]; start: number; end: number } | undefined {
  let start = runStart;
  // a day of the month ends where 日 is, whatever jieba made of it (3|日中|俄外长)
  const afterDay = (at: number) => at >= 2 && norm[at - 1] === '日' && DAY_NUMBER.test(norm[at - 2]!);
  if (norm[start] === '日' && afterDay(start + 1)) start++;
  else if (!afterDay(start)) while (start < runEnd && !startsAt(start)) start++;
  if (start >= runEnd) return undefined;

  // X方: one form and 方 closing a token
  if (runEnd - start === 1) {
    const next = runEnd;
    if (norm[next] !== PARTY_SUFFIX || !endsAt(next + 1)) return undefined;
    const surface = norm.slice(start, next + 1);
    const curated = kb.compounds.get(surface);
    const ids = curated ?? [kb.abbreviations.get(norm[start]!)!];
    return ids.length > 0 ? { ids, start, end: next + 1 } : undefined;
  }

  let end = runEnd;
  if (!endsAt(end)) {
    const holder = tokenEnd(end - 1);
    const rest = holder > 0 ? holder - end : 0;
    if (rest < 2 && !(rest === 1 && GLUED_FUNCTION_CHARS.has(norm[end]!))) {
      while (end > start && !endsAt(end)) end--;
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
