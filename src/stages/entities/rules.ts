// Recognition beyond the knowledge base: a second pass over a document's tokens, on text that no
// knowledge-base or compound mention covers. In order:
//   1. people: Chinese names (surname + one or two given-name characters, in one token or several),
//      a surname glued to a form of address (陈老师 → 陈), and transliterated foreign names (runs of
//      transliteration characters, joined by a middle dot); weak readings need a cue: a title
//      before, a reporting verb or form of address after, or a neighbour in a list of names;
//   2. organisations, from a head (…委员会, …大学, …队, or jieba's nt) extended to the left over
//      proper names and nouns (中国青年志愿者协会, 北京市政府): a place or organisation mention at
//      the left edge becomes part of the organisation, as the People's Daily convention has it;
//   3. places: jieba's ns, and a stem followed by a place suffix (青浦 县).
// Everything works on the token array with set lookups: no regular expression runs over the text.
import type { KnowledgeBase } from '../../resources/knowledge-base.js';
import { type NameLexicon, table } from '../../resources/name-lexicon.js';
import { MIDDLE_DOTS } from '../../text/characters.js';
import type { Doc, EntityType, Mention, Token } from '../../types.js';
import type { Recognition, RecognizedSpan, Recognizer } from './recognizer.js';

/** parts of speech a given-name token or a transliterated-name token may carry */
const NAME_POS = new Set(['nr', 'nrfg', 'nrt', 'ng', 'g', 'n', 'ns', 'nz', 'a', 'ag', 'x', 't', 'tg', 'zg', 'j', 'b', 'vg', 'dg', 'nt', 'rg', 'yg', 'mg']);
/** parts of speech of a whole-name token read as a person with any cue */
const WEAK_NAME_POS = new Set(['nz', 'ns', 'j', 'nt', 'ng']);
/** parts of speech of ordinary dictionary words: read as a person only after a title */
const WORD_POS = new Set(['n', 'l', 'i', 'a', 'v', 'vn', 't', 'ad', 'an', 'd']);
/** jieba's tags of name parts and of words it did not know */
const NAME_TAGS = new Set(['nr', 'nrfg', 'nrt', 'x', 'g', 'ng']);
/** parts of speech of the words after a title that are no name: verbs, adverbs, adjectives, function words */
const NOT_AFTER_TITLE_POS = new Set(['v', 'vn', 'vd', 'd', 'a', 'ad', 'an', 'f', 'p', 'c', 'u', 'r', 'q', 'l', 'i']);
/** parts of speech of the words an organisation name is built from, left of its head */
const ORG_MODIFIER_POS = new Set(['ns', 'nt', 'nz', 'n', 'nr', 'nrt', 'j', 'vn', 'v', 'b', 'x', 'an', 'ng', 'nrfg', 'm']);
/** of those, the parts of speech of a proper name: an organisation with a 'named' suffix needs one */
const PROPER_POS = new Set(['ns', 'nt', 'nz', 'j', 'nrt', 'nr', 'nrfg']);
const PLACE_STEM_POS = new Set(['ns', 'nz', 'x', 'j', 'nr', 'nrt']);
/** what joins the parts of a transliterated name: a middle dot, or a hyphen or dash (让-皮埃尔) */
const NAME_JOINERS: ReadonlySet<string> = new Set([...MIDDLE_DOTS, '-', '—']);
const MAX_ORG_TOKENS = 6;
/** parts of speech of function words */
const FUNCTION_POS = new Set(['c', 'p', 'd', 'u', 'uj', 'r']);
const DEPUTY = '副'.charCodeAt(0);
const TEAM_HEAD = '队'.charCodeAt(0);
// token flags
const HAN = 1;
const SURNAME = 2;
const TRANSLIT = 4;
const ORG_END = 8;
const PLACE_END = 16;
const ADMIN_END = 32;
const FOLLOWER_END = 64;
const ABBREVIATION = 128;
const NT = 256;
const NS = 512;
const BOOK = 1024;
/** an ordinary dictionary word of two or more characters (WORD_POS) */
const WORD = 2048;
/** the token starts with a Japanese family name */
const JAPANESE = 4096;
/** a middle dot between the parts of a foreign name */
const DOT = 8192;
/** a token of 队 and a glued word after it */
const TEAM = 16384;
/** a word of three or more characters opening with a country's name (中国京剧) */
const COUNTRY_WORD = 32768;
/** what jieba glues to 队 after a country's name (古巴|队以, 南非|队后) */
const TEAM_GLUE = new Set([...'以后一在和与的也就都将又已']);
/** last characters of a family or place word, not of a name (刘家, 王氏) */
const NOT_NAME_ENDINGS = codes('家氏族站');
const MAX_FOREIGN_CHARS = 14;
/** 某 (someone), 老 (respected elder) and 家 (household) after a surname: the surname is the name */
const SURNAME_SUFFIXES = codes('某老家');
/** one-character words the segmenter glues to a foreign name before it (的阿·德米特里延科) */
const GLUED_BEFORE_NAME = new Set([...'的和与及同对向给把被让由是在将从']);
/** one-character words the segmenter glues to an unknown name after it (赵华说, 郑咏是, 宋朝弟等) */
const GLUED_AFTER_NAME = codes('说是等在和与的也就都到称讲时');

function codes(chars: string): Uint8Array {
  return table([...chars]);
}

function isHan(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) return false;
  }
  return true;
}

interface Found {
  type: EntityType;
  first: number;
  /** last token, inclusive */
  last: number;
  /** offsets, when the mention does not start or end on the tokens' edges */
  start?: number;
  end?: number;
  title?: string;
  /** the knowledge-base id, when the rule knows it (a one-character country form) */
  entity?: string;
  /** a bare name many bodies share: recognised, but naming no one entity */
  ambiguous?: true;
}

/** the passes of the rules, in the order they run */
export const RULE_PASSES = ['dotted', 'people', 'glued', 'organisations', 'teams', 'newspapers', 'countryForms', 'places', 'countryOpened'] as const;
export type RulePass = (typeof RULE_PASSES)[number];
/**
 * The passes that run before the model: they read knowledge-base entities inside jieba's words
 * (荷兰人, 美军, 访华, 中国京剧) and names around a middle dot, which the model, trained on 1998 text,
 * does not find. On text held apart from training each changes F1 by 0.1 at most; on the corpus they
 * give about 300 more mentions with a knowledge-base id (dictionaries/README.md has the figures).
 */
export const RULES_BEFORE_MODEL: readonly RulePass[] = ['dotted', 'glued', 'countryForms', 'countryOpened'];

/** the hand rules as a recognizer: every pass, or the ones named */
export function rulesRecognizer(kb: KnowledgeBase, lex: NameLexicon, passes: ReadonlySet<RulePass> = new Set(RULE_PASSES)): Recognizer {
  const tables = ruleTablesOf(kb, lex);
  return { name: 'rules', recognize: (doc, tokens, known) => recognizeDoc(kb, lex, tables, doc, tokens, known, passes) };
}

/** block and offset as one number, to walk tokens and mentions of a whole document in order */
const at = (block: number, offset: number) => block * 0x1000000 + offset;

/**
 * Rule-found mentions in a document. `toks` are its tokens and `existing` its knowledge-base and
 * compound mentions, both in text order; person mentions among those get their title set here.
 * Tokens of different blocks are never adjacent, so no name runs across a block boundary.
 */
function recognizeDoc(
  kb: KnowledgeBase,
  lex: NameLexicon,
  tables: RuleTables,
  doc: Doc,
  toks: Token[],
  existing: Mention[],
  passes: ReadonlySet<RulePass>,
): Recognition {
  const n = toks.length;
  const normOf = (t: Token) => doc.blocks[t.block]!.norm;
  const textOf = (t: Token) => doc.blocks[t.block]!.text;
  // the mention each token lies in (any overlap), found by one walk over both sorted lists
  const owner: (Mention | undefined)[] = new Array(n);
  /** tokens where a person mention of the knowledge base starts */
  const personStarts: number[] = [];
  let m = 0;
  for (let i = 0; i < n && m < existing.length; i++) {
    const t = toks[i]!;
    const tStart = at(t.block, t.start);
    const tEnd = at(t.block, t.end);
    while (m < existing.length && at(existing[m]!.block, existing[m]!.end) <= tStart) m++;
    for (let k = m; k < existing.length && at(existing[k]!.block, existing[k]!.start) < tEnd; k++) {
      if (at(existing[k]!.block, existing[k]!.end) > tStart) {
        owner[i] = existing[k];
        if (existing[k]!.type === 'PERSON' && existing[k]!.start === t.start) personStarts.push(i);
        break;
      }
    }
  }
  const taken: (Found | undefined)[] = new Array(n);
  /** token k follows token k - 1 with nothing between (same block, no gap) */
  const adjacent = (k: number) => k > 0 && k < n && toks[k]!.block === toks[k - 1]!.block && toks[k]!.start === toks[k - 1]!.end;
  // what each token could start or end, from its first and last characters: every pass below
  // skips the tokens without the flags it needs before touching their strings
  const flags = tokenFlags(lex, tables, toks);
  const lists = candidateLists(flags);
  const free = (i: number) => i >= 0 && i < n && owner[i] === undefined && taken[i] === undefined;
  const isPersonAt = (i: number) => i >= 0 && i < n && (owner[i]?.type === 'PERSON' || taken[i]?.type === 'PERSON');
  const found: Found[] = [];
  const take = (f: Found) => {
    for (let k = f.first; k <= f.last; k++) taken[k] = f;
    found.push(f);
  };

  // ── cues ──────────────────────────────────────────────────────────────────────────────────────
  const isTitleWord = (w: string) =>
    lex.titleEnds[w.charCodeAt(w.length - 1)] === 1 && (lex.titles.has(w) || (w.length > 2 && (lex.titles.has(w.slice(-2)) || lex.titles.has(w.slice(-3)))));
  /** the title written right before token i, as written */
  const titleBefore = (i: number): string | undefined => {
    const p = toks[i - 1];
    if (!p || !adjacent(i) || !isTitleWord(p.norm)) return undefined;
    let start = p.start;
    // 外交|部长, 常务|副|主席: fold in the words that make one title with it
    for (let k = i - 2; k >= 0 && k >= i - 3; k--) {
      const q = toks[k]!;
      if (q.end !== start || q.block !== p.block || owner[k] || !lex.titles.has(normOf(q).slice(q.start, p.end))) break;
      start = q.start;
    }
    return textOf(p).slice(start, p.end);
  };
  /** a quick test for titleBefore: the token before i could end a title */
  const adjacentTitle = (i: number) => adjacent(i) && lex.titleEnds[toks[i - 1]!.norm.charCodeAt(toks[i - 1]!.norm.length - 1)] === 1;
  const cueAfter = (j: number) => {
    return adjacent(j) && (lex.personCues.has(toks[j]!.norm) || lex.titles.has(toks[j]!.norm));
  };
  const placeBefore = (i: number) => {
    if (!adjacent(i)) return false;
    const o = owner[i - 1];
    return (o !== undefined && (o.type === 'GPE' || o.type === 'LOC')) || taken[i - 1]?.type === 'LOC';
  };
  const listNeighbour = (first: number, last: number) =>
    (adjacent(first) && adjacent(first - 1) && lex.words.listMarks.has(toks[first - 1]!.norm) && isPersonAt(first - 2)) ||
    (adjacent(last + 1) && adjacent(last + 2) && lex.words.listMarks.has(toks[last + 1]!.norm) && isPersonAt(last + 2));
  const cued = (first: number, last: number) => titleBefore(first) !== undefined || cueAfter(last + 1) || listNeighbour(first, last);

  /** the organisation suffix w ends with, longest first */
  const orgSuffixOf = (w: string): string | undefined => {
    if (lex.orgSuffixEnds[w.charCodeAt(w.length - 1)] !== 1) return undefined;
    for (let len = Math.min(4, w.length); len >= 1; len--) {
      const s = w.slice(-len);
      if (lex.orgSuffixes.has(s)) return s;
    }
    return undefined;
  };

  // ── people ────────────────────────────────────────────────────────────────────────────────────
  const chars = tables.chars;
  const surnameOf = (w: string): string | undefined => {
    const c = chars[w.charCodeAt(0)]!;
    if ((c & C_COMPOUND_FIRST) !== 0 && w.length >= 3) {
      const two = w.slice(0, 2);
      if (lex.surnames.has(two)) return two;
    }
    return (c & C_SINGLE_SURNAME) !== 0 ? w[0] : undefined;
  };
  const commonGiven = (g: string) => {
    for (let k = 0; k < g.length; k++) if (lex.givenNames[g.charCodeAt(k)] !== 1) return false;
    return g.length > 0;
  };
  const plausibleGiven = (g: string) => {
    for (let k = 0; k < g.length; k++) if (lex.givenNameStop[g.charCodeAt(k)] === 1) return false;
    return true;
  };
  const givenToken = (k: number) => {
    const t = toks[k];
    return (
      t !== undefined &&
      free(k) &&
      (flags[k]! & HAN) !== 0 &&
      t.norm.length <= 2 &&
      NAME_POS.has(t.pos) &&
      plausibleGiven(t.norm) &&
      !lex.personCues.has(t.norm) &&
      !lex.titles.has(t.norm) &&
      !lex.placeSuffixes.has(t.norm) &&
      !lex.orgSuffixes.has(t.norm) &&
      adjacent(k)
    );
  };

  /** a token that may hold given-name characters whatever its tag */
  const looseGiven = (k: number) => {
    const t = toks[k];
    return (
      t !== undefined &&
      free(k) &&
      adjacent(k) &&
      (flags[k]! & HAN) !== 0 &&
      t.norm.length <= 2 &&
      plausibleGiven(t.norm) &&
      !lex.personCues.has(t.norm) &&
      !lex.titles.has(t.norm) &&
      !lex.placeSuffixes.has(t.norm) &&
      !lex.orgSuffixes.has(t.norm)
    );
  };
  /** nothing joins token k to the word before it: punctuation, a list mark, a title or a byline word */
  const boundaryBefore = (k: number) => {
    if (!adjacent(k)) return true;
    const p = toks[k - 1]!.norm;
    return (flags[k - 1]! & HAN) === 0 || lex.words.listMarks.has(p) || lex.words.byline.has(p) || isTitleWord(p);
  };
  /** nothing joins token k to the word after it (k is the first token after the name) */
  const boundaryAfter = (k: number) => k >= n || !adjacent(k) || (flags[k]! & HAN) === 0 || lex.words.listMarks.has(toks[k]!.norm) || cueAfter(k);

  /** a Chinese name starting at token i: [last token, strong] */
  const chineseName = (i: number): { last: number; strong: boolean; titleOnly?: boolean; start?: number; end?: number } | undefined => {
    const t = toks[i]!;
    const w = t.norm;
    if (lex.notNames.has(w)) return undefined;
    const surname = surnameOf(w);
    if (!surname) return undefined;
    const weakSurname = lex.surnames.get(surname)!;
    if (w.length > surname.length) {
      // most candidates are ordinary dictionary words: without a title before them they are done
      if (WORD_POS.has(t.pos) && !adjacentTitle(i) && !(w.length - surname.length >= 2 && lex.titleEnds[w.charCodeAt(w.length - 1)] === 1)) return undefined;
      // 王某, 胡老, 刘家: a surname glued to 某, 老 or 家 is the name of a person
      if (w.length === surname.length + 1 && SURNAME_SUFFIXES[w.charCodeAt(w.length - 1)] === 1 && surname.length === 1 && !weakSurname) {
        return { last: i, strong: true, start: t.start, end: t.start + 1 };
      }
      // 赵华说, 郑咏是: a name the segmenter did not know, glued to the word after it
      if (t.pos === 'x' && w.length > surname.length + 1 && GLUED_AFTER_NAME[w.charCodeAt(w.length - 1)] === 1) {
        const given = w.slice(surname.length, -1);
        if (given.length <= 2 && commonGiven(given) && (!weakSurname || given.length === 2)) return { last: i, strong: true, start: t.start, end: t.end - 1 };
      }
      const given = w.slice(surname.length);
      // 陈老师, 江主席: the surname alone is the name
      if (given.length >= 2 && (lex.titles.has(given) || lex.personCues.has(given)) && surname.length === 1 && !weakSurname) {
        return { last: i, strong: true, start: t.start, end: t.start + surname.length };
      }
      if (given.length > 2 || !plausibleGiven(given) || isTitleWord(w)) return undefined;
      // 赵国|钧, 汪明|新: jieba cut off the last character of the given name
      let last = i;
      if (given.length === 1 && givenToken(i + 1) && toks[i + 1]!.norm.length === 1 && !cueAfter(i + 1)) last = i + 1;
      // 红军, 王府: an organisation's head ends the word, unless jieba did not know the word and
      // its given name is a common one (潘维军, 宋军)
      if ((lex.orgSuffixes.has(w[w.length - 1]!) || lex.orgSuffixes.has(w.slice(-2))) && !(t.pos === 'x' && commonGiven(given))) return undefined;
      const lastChar = w.charCodeAt(w.length - 1);
      if (lex.words.adminSuffixes[lastChar] === 1 || NOT_NAME_ENDINGS[lastChar] === 1) return undefined;
      // a two-character dictionary word tagged nr is as often an ordinary word (荣幸, 高达): cue it
      // jieba's dictionary tags many ordinary words nr (安全性, 许可证): the stop characters of
      // given names (性, 证) keep those out above
      if (t.pos === 'nr' || t.pos === 'nrfg') return { last, strong: !weakSurname && (given.length === 2 || last > i) };
      // a word the segmenter did not know (陈和生, 王芳): a name when it has a two-character given
      // name, or one common in given names
      // (高管, 修宪: new words of two characters need their given character to be a common one)
      if (t.pos === 'x') {
        if (given.length === 1 && !commonGiven(given)) return undefined;
        return { last, strong: (given.length === 2 && !weakSurname) || (commonGiven(given) && (!weakSurname || given.length === 2)) };
      }
      if (WEAK_NAME_POS.has(t.pos)) return { last, strong: false };
      // a verb, adverb or adjective after a title is what the titled person does (法官|展开, 总理|满意)
      if (NOT_AFTER_TITLE_POS.has(t.pos)) return undefined;
      // any other word (许立群 tagged m) is a name only after a title
      return { last, strong: false, titleOnly: true };
    }
    // the surname alone: 陈|教授, 温|先生, 李|大娘 (the surname is the name), or the given name
    // follows in one or two tokens
    if ((t.pos === 'nr' || t.pos === 'nrfg') && adjacent(i + 1) && (lex.titles.has(toks[i + 1]!.norm) || lex.words.formsOfAddress.has(toks[i + 1]!.norm))) {
      return { last: i, strong: true };
    }
    if (!weakSurname && surname.length === 1) {
      // 张|增军, 朴|普熙: a two-character word the segmenter did not know; 记者|翟|启运: any word after a title
      const next = toks[i + 1];
      if (next && next.norm.length === 2 && looseGiven(i + 1) && (next.pos === 'x' || adjacentTitle(i))) return { last: i + 1, strong: true };
      // 徐|起|超、: a name cut into single characters that no word joins, standing between a
      // boundary (punctuation, list mark, title) and another
      if (looseGiven(i + 1) && next!.norm.length === 1 && looseGiven(i + 2) && toks[i + 2]!.norm.length === 1 && boundaryBefore(i) && boundaryAfter(i + 3)) {
        return { last: i + 2, strong: true };
      }
    }
    if (!givenToken(i + 1)) return undefined;
    // 和|途径, 连|金融: a surname that is also a common word needs a given name no word of its own
    if (weakSurname && !NAME_TAGS.has(toks[i + 1]!.pos)) return undefined;
    let last = i + 1;
    if (toks[i + 1]!.norm.length === 1 && givenToken(i + 2) && toks[i + 2]!.norm.length === 1 && toks[i + 2]!.pos !== 'x' && !cueAfter(i + 2)) last = i + 2;
    const length = toks[last]!.end - t.start;
    const surnamePos = t.pos === 'nr' || t.pos === 'nrfg';
    const givenPos = toks[i + 1]!.pos;
    const strong = !weakSurname && surnamePos && (length - surname.length === 2 || givenPos === 'nr' || givenPos === 'ng' || givenPos === 'g');
    return { last, strong };
  };

  /** the Japanese family name token i starts with (桥本, 佐佐木), if any */
  const japaneseSurnameOf = (w: string): string | undefined => {
    for (let len = Math.min(3, w.length); len >= 2; len--) if (lex.japaneseSurnames.has(w.slice(0, len))) return w.slice(0, len);
    return undefined;
  };
  /** a Japanese name starting at token i: 桥本龙太郎 (one word), 武村|正义 (two), 桥本|首相 (the family name alone) */
  const japaneseName = (i: number): { last: number; end?: number } | undefined => {
    const t = toks[i]!;
    const w = t.norm;
    const family = japaneseSurnameOf(w);
    if (!family || lex.notNames.has(w)) return undefined;
    const given = w.slice(family.length);
    if (given.length > 0) {
      // 桥本龙太郎, 东条英机: a word of the family name and a given name with a Japanese ending
      if (
        given.length < 2 ||
        given.length > 4 ||
        !plausibleGiven(given) ||
        lex.orgSuffixEnds[w.charCodeAt(w.length - 1)] === 1 ||
        lex.placeSuffixEnds[w.charCodeAt(w.length - 1)] === 1
      )
        return undefined;
      const known = t.pos === 'nr' || t.pos === 'nrfg' || t.pos === 'x';
      return known || lex.words.japaneseGivenEnds[w.charCodeAt(w.length - 1)] === 1 || cued(i, i) ? { last: i } : undefined;
    }
    // the family name alone before a title or a cue: 桥本|首相, 奥田|说
    if (cueAfter(i + 1) || lex.words.formsOfAddress.has(toks[i + 1]?.norm ?? '')) return adjacent(i + 1) ? { last: i } : undefined;
    // 武村|正义|说, 久间|章生|转达: a given name of one or two words, then a cue or a title before
    let last = i;
    let chars = 0;
    for (let k = i + 1; k <= i + 2 && looseGiven(k) && chars + toks[k]!.norm.length <= 4; k++) {
      chars += toks[k]!.norm.length;
      last = k;
      if (
        chars >= 2 &&
        (cueAfter(k + 1) || titleBefore(i) !== undefined || lex.words.japaneseGivenEnds[toks[k]!.norm.charCodeAt(toks[k]!.norm.length - 1)] === 1)
      )
        return { last: k };
    }
    return last > i && boundaryAfter(last + 1) && titleBefore(i) !== undefined ? { last } : undefined;
  };

  /** a transliterated foreign name starting at token i */
  const foreignName = (i: number): { last: number; strong: boolean; hasDot: boolean; chars: number } | undefined => {
    let k = i;
    let chars = 0;
    let hasDot = false;
    let tagged = false;
    let last = -1;
    while (k < n && free(k)) {
      const t = toks[k]!;
      if (k > i && !adjacent(k)) break;
      if (NAME_JOINERS.has(t.norm) && last === k - 1 && k + 1 < n && free(k + 1) && (flags[k + 1]! & HAN) !== 0 && allTranslit(lex, toks[k + 1]!.norm)) {
        hasDot = true;
        k++;
        continue;
      }
      if ((flags[k]! & HAN) === 0 || !allTranslit(lex, t.norm) || lex.notNames.has(t.norm) || lex.personCues.has(t.norm) || lex.titles.has(t.norm)) break;
      if (!NAME_POS.has(t.pos) && !(t.norm.length === 1 && k > i)) break;
      if (t.pos === 'nrt' || t.pos === 'nrfg' || t.pos === 'nr') tagged = true;
      chars += t.norm.length;
      last = k;
      k++;
      if (chars > MAX_FOREIGN_CHARS) return undefined;
    }
    if (last < 0 || chars < 2) return undefined;
    // one ordinary two-character word needs more than a cue (亚洲 is no name, but is not all
    // transliteration characters either): require a person tag for those
    const single = last === i;
    const strong = hasDot || (tagged && (chars >= 3 || toks[i]!.pos === 'nrt'));
    if (single && chars === 2 && !tagged && toks[i]!.pos !== 'x') return { last, strong: false, hasDot, chars };
    return { last, strong, hasDot, chars };
  };

  // each pass is a function of its own: small units that the JIT compiles early
  const people = () => {
    let candidates = 0;
    for (let pass = 0; pass < 2; pass++) {
      // the second pass only serves names in lists beside a name found by the first
      if (pass === 1 && candidates === found.length) break;
      for (const i of lists.people) {
        if (!free(i)) continue;
        // Japanese family names are ordinary words to jieba (桥本/n): tried before the filter below
        if (pass === 0 && (flags[i]! & JAPANESE) !== 0) {
          const japanese = japaneseName(i);
          if (japanese) {
            const f: Found = { type: 'PERSON', first: i, last: japanese.last };
            const title = titleBefore(i);
            if (title) f.title = title;
            take(f);
            continue;
          }
        }
        // an ordinary word is a name only after a title, or as a surname before a form of address
        if (
          (flags[i]! & WORD) !== 0 &&
          !adjacentTitle(i) &&
          (flags[i]! & ORG_END) === 0 &&
          lex.titleEnds[toks[i]!.norm.charCodeAt(toks[i]!.norm.length - 1)] !== 1
        )
          continue;
        const head = toks[i]!.norm;
        const first = head.charCodeAt(0);
        // 老于, 小王: a form of address glued to a surname; the surname is the name
        if (lex.words.addressPrefixes[first] === 1) {
          if (pass === 0 && lex.surnames.get(head[1]!) === false && NAME_TAGS.has(toks[i]!.pos))
            take({ type: 'PERSON', first: i, last: i, start: toks[i]!.start + 1 });
          continue;
        }
        const foreign = lex.transliteration[first] === 1 ? foreignName(i) : undefined;
        // after a number a surname character is a measure or a count (9|万宗, 40|余国), not a name
        const afterNumber = adjacent(i) && (toks[i - 1]!.pos === 'm' || lex.words.numeral.has(toks[i - 1]!.norm[toks[i - 1]!.norm.length - 1]!));
        const chinese = lex.surnameFirst[first] === 1 && !afterNumber ? chineseName(i) : undefined;
        if (!foreign && !chinese) continue;
        if (pass === 0) candidates++;
        let pick: Found | undefined;
        if (foreign && (foreign.hasDot || foreign.chars >= 4 || toks[i]!.pos === 'nrt' || !chinese)) {
          const titled = titleBefore(i) !== undefined;
          const next = toks[foreign.last + 1];
          // a transliterated word before a thing, a place or a body's head names that (多福|农庄,
          // 阿尔萨斯|大区, 宾士域|保安|有限公司): not a person
          const thing =
            next !== undefined &&
            adjacent(foreign.last + 1) &&
            (lex.words.thingHeads.has(next.norm) || lex.placeSuffixes.has(next.norm) || orgSuffixOf(next.norm) !== undefined);
          const place = (adjacent(i) && lex.words.locatives.has(toks[i - 1]!.norm)) || thing;
          if (titled || foreign.hasDot || (!place && (foreign.strong || cued(i, foreign.last) || placeBefore(i))))
            pick = { type: 'PERSON', first: i, last: foreign.last };
        }
        if (!pick && chinese) {
          const ok = chinese.titleOnly ? titleBefore(i) !== undefined : chinese.strong || cued(i, chinese.last);
          if (ok) pick = { type: 'PERSON', first: i, last: chinese.last, start: chinese.start, end: chinese.end };
        }
        if (pick) {
          const title = titleBefore(i);
          if (title) pick.title = title;
          take(pick);
        }
      }
    }
  };
  // a foreign name written with a middle dot (卡洛斯·阿马特, 尤勒斯·韦登博斯): read by characters
  // around the dot, whatever jieba made of them (阿马|特在, 尤|勒斯, 的阿·德米特里), over the
  // transliteration characters of free tokens
  const dotted = () => {
    for (const k of lists.dots) {
      if (!free(k) || !adjacent(k) || !adjacent(k + 1) || !free(k - 1) || !free(k + 1)) continue;
      const dot = toks[k]!;
      const norm = normOf(dot);
      const translit = (x: number) => lex.transliteration[norm.charCodeAt(x)] === 1;
      // leftwards over whole tokens, then into the token where the run stops
      let first = k - 1;
      let start = dot.start;
      for (let j = k - 1; j >= 0 && free(j) && (j === k - 1 || adjacent(j + 1)); j--) {
        const t = toks[j]!;
        let x = t.end;
        while (x > t.start && translit(x - 1)) x--;
        if (x === t.end) break;
        // into a word only past one glued function character (的|阿·德米特里), not into 总|理
        if (x > t.start && !(x - t.start === 1 && GLUED_BEFORE_NAME.has(norm[t.start]!))) break;
        first = j;
        start = x;
        if (x > t.start) break;
      }
      // rightwards, over further dots too (a name of three parts)
      let last = k + 1;
      let end = dot.end;
      for (let j = k + 1; j < n && free(j) && adjacent(j); j++) {
        const t = toks[j]!;
        if (MIDDLE_DOTS.has(t.norm)) {
          if (j + 1 < n && adjacent(j + 1) && free(j + 1) && translit(toks[j + 1]!.start)) continue;
          break;
        }
        let x = t.start;
        while (x < t.end && translit(x)) x++;
        if (x === t.start) break;
        // into a word only before one glued function character (阿马特|在), not into 希|望
        if (x < t.end && !(t.end - x === 1 && GLUED_AFTER_NAME[norm.charCodeAt(x)] === 1)) break;
        last = j;
        end = x;
        if (x < t.end) break;
      }
      if (start >= dot.start || end <= dot.end || end - start < 3) continue;
      const f: Found = { type: 'PERSON', first, last };
      if (start !== toks[first]!.start) f.start = start;
      if (end !== toks[last]!.end) f.end = end;
      const title = titleBefore(first);
      if (title && start === toks[first]!.start) f.title = title;
      take(f);
    }
  };
  if (passes.has('dotted')) dotted();
  if (passes.has('people')) people();

  // each pass is a function of its own: small units that the JIT compiles early
  const glued = () => {
    // a country, place or person glued to a common word by jieba: 荷兰人, 美国政府 → 荷兰, 美国;
    // 邓小平理论 → 邓小平
    for (const i of lists.glued) {
      const w = toks[i]!.norm;
      if (!free(i)) continue;
      for (let len = Math.min(w.length - 1, 6); len >= 2; len--) {
        const rest = w.slice(len);
        const placeRest = lex.words.placeFollowers.has(rest);
        if (!placeRest && !lex.words.personFollowers.has(rest)) continue;
        const id = kb.aliases.get(w.slice(0, len));
        const type = id ? kb.entities.get(id)!.type : undefined;
        if (placeRest && (type === 'GPE' || type === 'LOC')) take({ type: 'LOC', first: i, last: i, end: toks[i]!.start + len, entity: id });
        else if (type === 'PERSON') take({ type: 'PERSON', first: i, last: i, end: toks[i]!.start + len, entity: id });
        else continue;
        break;
      }
    }
  };
  if (passes.has('glued')) glued();

  // ── organisations, right to left so that a longer name takes in the heads inside it ────────────
  /** the organisation a title word starts with: 司法部长 → 司法部, 市委书记 → 市委, 部长 → 部 */
  const orgInTitle = (w: string): string | undefined => {
    if (w.endsWith('长') && orgSuffixOf(w.slice(0, -1))) return w.slice(0, -1);
    for (let len = Math.min(3, w.length - 1); len >= 2; len--) {
      const head = w.slice(0, -len);
      if (lex.titles.has(w.slice(-len)) && orgSuffixOf(head) && head.length >= 2) return head;
    }
    return undefined;
  };
  // each pass is a function of its own: small units that the JIT compiles early
  const organisations = () => {
    for (let x = lists.org.length - 1; x >= 0; x--) {
      const i = lists.org[x]!;
      if (!free(i)) continue;
      const t = toks[i]!;
      let w = t.norm;
      let end = t.end;
      let inTitle = false;
      // 司法部长, 市委书记, 农林|部长: the organisation inside a title word
      const endChar = w.charCodeAt(w.length - 1);
      if (lex.orgSuffixEnds[endChar] !== 1 && lex.titleEnds[endChar] !== 1 && t.pos !== 'nt') continue;
      if (isTitleWord(w) && t.pos !== 'nt' && !lex.orgSuffixes.has(w)) {
        const head = orgInTitle(w);
        if (!head || head[0] === '副' || endsWithNotName(lex, head)) continue;
        // a bare 部长 names an organisation only after a modifier (农林|部长)
        if (
          head.length === 1 &&
          (!adjacent(i) ||
            !free(i - 1) ||
            (flags[i - 1]! & HAN) === 0 ||
            orgSuffixOf(toks[i - 1]!.norm) !== undefined ||
            lex.words.titleModifiers.has(toks[i - 1]!.norm))
        )
          continue;
        w = head;
        end = t.start + head.length;
        inTitle = true;
      } else if (endsWithNotName(lex, w) && !(t.pos === 'nt' && lex.words.teamEnds.has(w.slice(-2)))) continue;
      const suffix = orgSuffixOf(w);
      // 副部|长: a deputy's title, not an organisation
      if (w.charCodeAt(0) === DEPUTY && suffix !== undefined && w.length <= suffix.length + 1) continue;
      // jieba knows some generic phrases as organisation names (商业银行, 美国军舰)
      const genericNt = t.pos === 'nt' && (lex.notNames.has(w) || (lex.words.genericHeads.has(w.slice(-2)) && isPlace(kb, kb.aliases.get(w.slice(0, -2)))));
      const nt = t.pos === 'nt' && w.length >= 2 && !genericNt;
      if (genericNt) continue;
      if (!suffix && !nt) continue;
      // 所 as a conjunction (印度|所|面临): not the head of an institute
      if (suffix !== undefined && w === suffix && FUNCTION_POS.has(t.pos)) continue;
      const alone = suffix !== undefined && lex.orgSuffixes.get(suffix) === 'alone' && w.length <= suffix.length + 1;
      // a bare body name of the list (海军, 国会) goes on: a place before it makes it a name (美国海军)
      const listedBare = lex.ambiguousBodies.has(w);
      if (suffix && !nt && !alone && !listedBare) {
        // a word of one character and the suffix (组队, 入党) is an ordinary word, unless jieba knows it as a name
        if (w.length === suffix.length + 1 && !PROPER_POS.has(t.pos)) continue;
        const before = w[w.length - suffix.length - 1];
        if (before !== undefined && (lex.words.directions.has(before) || lex.words.numeral.has(before)) && w.length === suffix.length + 1) continue;
        if (suffix === '部' && before !== undefined && lex.words.directions.has(before)) continue;
      }
      // extend to the left over modifiers, taking in place and organisation mentions
      let first = i;
      // 智利队, 微软公司: a known place or body and the head in one word
      const knownStem = suffix !== undefined && w.length > suffix.length && kb.aliases.has(w.slice(0, w.length - suffix.length));
      const proper = nt || alone || knownStem || (t.pos !== 'n' && PROPER_POS.has(t.pos) && w.length > (suffix?.length ?? 0));
      let properFirst = proper ? i : -1;
      for (let k = i - 1; k >= 0 && i - k < MAX_ORG_TOKENS; k--) {
        const q = toks[k]!;
        if (!adjacent(k + 1)) break;
        const o = owner[k];
        if (o) {
          if (o.type === 'PERSON' || o.end !== toks[k + 1]!.start) break;
          // the whole mention, and the tokens it spans
          let j = k;
          while (j > 0 && owner[j - 1] === o) j--;
          if (o.start !== toks[j]!.start) break;
          first = j;
          properFirst = j;
          k = j;
          continue;
        }
        if (
          taken[k] ||
          (flags[k]! & HAN) === 0 ||
          !ORG_MODIFIER_POS.has(q.pos) ||
          lex.words.orgBarriers.has(q.norm) ||
          lex.titles.has(q.norm) ||
          lex.personCues.has(q.norm) ||
          q.norm === '的'
        )
          break;
        // a verb of two characters names what the body does (国家|统计|委员会, 发展|基金)
        if ((q.pos === 'v' || q.pos === 'a' || q.pos === 'm' || q.pos === 'l') && q.norm.length < 2) break;
        first = k;
        // an unknown word is a proper part unless it opens with a function character (这是, 由原)
        // or stands right before a place (逼平|荷兰|队, 战胜|捷克|队: a verb the segmenter did not know);
        // 县, 市, 乡 alone before a body name the county's, the city's, the township's own (县|人大, 乡|党委)
        const unknownName = q.pos === 'x' && q.norm.length >= 2 && lex.givenNameStop[q.norm.charCodeAt(0)] !== 1 && owner[k + 1] === undefined;
        if (PROPER_POS.has(q.pos) || unknownName || (q.norm.length === 1 && lex.words.levelPrefixes.has(q.norm)) || lex.words.orgOpeners.has(q.norm))
          properFirst = k;
      }
      // a name needs a proper part (a place, an organisation, a word jieba knows as a name): a
      // generic phrase (保险公司, 计算机中心, 食品厂) names a kind of body, not one body; nor does a
      // place before a generic head (中国公司, 陕西工厂: companies of China, a factory in Shaanxi)
      // A bare body name (教育部, or 外交部 inside 外交部长) is recognised, but as one of the bodies
      // many countries have: it gets no entity of its own (ambiguous)
      if (properFirst < 0) {
        const bare = first === i && (listedBare || (inTitle && w.length >= 3 && suffix !== undefined));
        if (bare) take({ type: 'ORG', first: i, last: i, end, ambiguous: true });
        continue;
      }
      const placeFirst = owner[properFirst];
      if (properFirst < i && placeFirst && isPlace(kb, placeFirst.entity) && owner[i - 1] === placeFirst && lex.words.genericHeads.has(w)) continue;
      let start = properFirst;
      // leading verbs, adjectives and numbers do not open a name
      while (start < i && !owner[start] && (toks[start]!.pos === 'v' || toks[start]!.pos === 'a' || toks[start]!.pos === 'm' || toks[start]!.pos === 'l'))
        start++;
      // a bare head (通讯社, 委员会) with nothing before it names no organisation, whatever its tag
      if (start === i && w.length === (suffix?.length ?? 0) && !alone) continue;
      const f: Found = { type: 'ORG', first: start, last: i };
      if (end !== t.end) f.end = end;
      take(f);
    }
  };
  if (passes.has('organisations')) organisations();

  // a team under a place's name, its 队 glued to the word after it: 古巴|队以, 挪威|队一役
  const teams = () => {
    for (const i of lists.team) {
      const t = toks[i]!;
      if (!free(i) || !adjacent(i) || t.norm.length !== 2 || !TEAM_GLUE.has(t.norm[1]!)) continue;
      const o = owner[i - 1];
      if (!o || (o.type !== 'GPE' && o.type !== 'LOC') || o.end !== t.start) continue;
      let j = i - 1;
      while (j > 0 && owner[j - 1] === o) j--;
      if (o.start !== toks[j]!.start) continue;
      take({ type: 'ORG', first: j, last: i, end: t.start + 1 });
    }
  };
  if (passes.has('teams')) teams();

  // each pass is a function of its own: small units that the JIT compiles early
  const newspapers = () => {
    // newspapers and news agencies named in book-title marks: 《费加罗报》, 《渥太华公民报》
    for (const i of lists.book) {
      let k = i + 1;
      while (k < n && k - i <= 6 && free(k) && (flags[k]! & HAN) !== 0 && adjacent(k)) k++;
      if (k < n && k > i + 1 && adjacent(k) && toks[k]!.norm === '》') {
        const inner = normOf(toks[i]!).slice(toks[i + 1]!.start, toks[k - 1]!.end);
        if (inner.length >= 2 && inner.endsWith('报') && !lex.notNames.has(inner)) take({ type: 'ORG', first: i + 1, last: k - 1 });
      }
    }
  };
  if (passes.has('newspapers')) newspapers();

  // one-character forms of countries (美, 俄, 华) and of Chinese provinces and cities (京, 沪, 藏):
  // alone before an office or government word (俄|政府, 叙|总统) or after a verb of travel (在|京);
  // after such a verb in one word (访华, 驻华, 离京, 对美); before a kind of thing in one word
  // (美军, 俄总统, 中医, 京剧, 藏族). Before the places, which would take 驻港 whole
  const regionForms = tables.regionForms;
  const formEntity = (ch: string) => kb.abbreviations.get(ch) ?? regionForms.get(ch);
  const countryForms = () => {
    for (const i of lists.country) {
      if (!free(i)) continue;
      const t = toks[i]!;
      const w = t.norm;
      if (w.length === 1) {
        const id = formEntity(w);
        if (!id) continue;
        const country = kb.abbreviations.has(w);
        const before = adjacent(i) ? toks[i - 1]!.norm : '';
        const travel = before.length === 1 && lex.words.travelVerbs[before.charCodeAt(0)] === 1;
        const office = adjacent(i + 1) && lex.words.placeFollowers.has(toks[i + 1]!.norm);
        // alone as an abbreviation only the forms that are seldom anything else (not 法 'law', 加, 日, 中)
        if (office || travel || (country && (t.pos === 'j' || t.pos === 'ns') && lex.words.loneForms.has(w)))
          take({ type: 'LOC', first: i, last: i, entity: id });
        continue;
      }
      if (
        (w.length === 2 || (w.length >= 3 && w[1] === '华')) &&
        (lex.words.travelVerbs[w.charCodeAt(0)] === 1 || lex.words.stanceVerbs[w.charCodeAt(0)] === 1)
      ) {
        const id = formEntity(w[1]!);
        if (id) {
          take({ type: 'LOC', first: i, last: i, start: t.start + 1, end: t.start + 2, entity: id });
          continue;
        }
      }
      const id = formEntity(w[0]!);
      // 剧, 菜, 医, 药 after a province's form (京剧, 川菜), not after a country's (加剧)
      if (id && lex.words.formHeads.has(w.slice(1)) && (!lex.words.regionalHeads.has(w.slice(1)) || regionForms.has(w[0]!) || w[0] === '中'))
        take({ type: 'LOC', first: i, last: i, end: t.start + 1, entity: id });
    }
  };
  if (passes.has('countryForms')) countryForms();

  // ── places ────────────────────────────────────────────────────────────────────────────────────
  /** a place word before (在, 到, 从 …), a place or a list mark beside it, or a place suffix in it */
  const placeCue = (i: number) =>
    lex.placeSuffixEnds[toks[i]!.norm.charCodeAt(1)] === 1 ||
    (adjacent(i) && (lex.words.locatives.has(toks[i - 1]!.norm) || placeBefore(i) || (lex.words.listMarks.has(toks[i - 1]!.norm) && placeBefore(i - 1)))) ||
    (adjacent(i + 1) &&
      (owner[i + 1]?.type === 'GPE' || owner[i + 1]?.type === 'LOC' || toks[i + 1]!.norm === '、' || lex.words.dateline.has(toks[i + 1]!.norm)));
  const placeSuffixAt = (k: number) => k < n && free(k) && lex.placeSuffixes.has(toks[k]!.norm) && adjacent(k);
  // each pass is a function of its own: small units that the JIT compiles early
  const places = () => {
    for (const i of lists.place) {
      if (!free(i)) continue;
      const t = toks[i]!;
      const w = t.norm;
      // a place mention or a proper stem, then a place suffix: 维也纳|市, 朝阳|体育馆, 青浦|县
      if (lex.placeSuffixEnds[w.charCodeAt(w.length - 1)] === 1 && lex.placeSuffixes.has(w) && adjacent(i)) {
        const o = owner[i - 1];
        if (o && (o.type === 'LOC' || o.type === 'GPE') && o.end === t.start) {
          let j = i - 1;
          while (j > 0 && owner[j - 1] === o) j--;
          if (o.start === toks[j]!.start) {
            take({ type: 'LOC', first: j, last: i });
            continue;
          }
        }
        const p = toks[i - 1]!;
        if (free(i - 1) && (flags[i - 1]! & HAN) !== 0 && p.norm.length <= 3 && PLACE_STEM_POS.has(p.pos) && !lex.notNames.has(p.norm)) {
          take({ type: 'LOC', first: i - 1, last: i });
          continue;
        }
      }
      let last = -1;
      let end: number | undefined;
      if (t.pos === 'ns' && w.length >= 2) {
        if (lex.notNames.has(w)) continue;
        // 江阴, 泰兴, 井陉: a county or county-level city named without 县 or 市, which jieba knows
        // as a place: that division
        const county = kb.aliases.get(`${w}县`) ?? kb.aliases.get(`${w}市`);
        if (county && kb.entities.get(county)!.type === 'LOC' && !placeSuffixAt(i + 1)) {
          take({ type: 'LOC', first: i, last: i, entity: county });
          continue;
        }
        // jieba tags many two-character words ns (普及, 中断, 神圣): those need a sign of a place
        if (w.length === 2 && !placeCue(i)) continue;
        // 外国, 两国, 大国: a determiner and 国 is no name (every country name is in the knowledge base)
        if (w.length === 2 && w[1] === '国') continue;
        if (endsWithNotName(lex, w)) continue;
        last = placeSuffixAt(i + 1) ? i + 1 : i;
        // 东北地区 → 东北, 黄河流域 → 黄河
        if (last === i && w.length >= 4 && lex.words.placeAreas.has(w.slice(-2))) end = t.end - 2;
      } else if (PLACE_STEM_POS.has(t.pos) && (w.length <= 3 || (w.length <= 6 && allTranslit(lex, w))) && placeSuffixAt(i + 1) && !lex.notNames.has(w))
        last = i + 1;
      else if (
        (t.pos === 'x' || t.pos === 'nz' || t.pos === 'n' || t.pos === 'nr') &&
        w.length >= 3 &&
        lex.words.adminSuffixes[w.charCodeAt(w.length - 1)] === 1 &&
        lex.words.determiners[w.charCodeAt(0)] !== 1 &&
        plausibleGiven(w.slice(0, -1)) &&
        !endsWithNotName(lex, w)
      )
        last = i;
      if (last < 0) continue;
      const f: Found = { type: 'LOC', first: i, last };
      if (end !== undefined) f.end = end;
      take(f);
    }
  };
  if (passes.has('places')) places();

  // a country's name opening a word jieba made of it and a common word (中国京剧, 中华民族,
  // 中国画): the country, as long as the word is no organisation's or place's name
  const countryOpened = () => {
    for (const i of lists.countryWord) {
      if (!free(i)) continue;
      const t = toks[i]!;
      const w = t.norm;
      const last = w.charCodeAt(w.length - 1);
      if (lex.orgSuffixEnds[last] === 1 || lex.placeSuffixEnds[last] === 1 || lex.notNames.has(w)) continue;
      for (let len = Math.min(w.length - 1, 5); len >= 2; len--) {
        const id = kb.aliases.get(w.slice(0, len));
        // 挪威克朗, 德国马克: a currency, not the country
        if (id && kb.entities.get(id)!.type === 'GPE' && !lex.notNames.has(w.slice(len))) {
          take({ type: 'LOC', first: i, last: i, end: t.start + len, entity: id });
          break;
        }
      }
    }
  };
  if (passes.has('countryOpened')) countryOpened();

  // ── mentions ──────────────────────────────────────────────────────────────────────────────────
  const spans: RecognizedSpan[] = [];
  const absorbed = new Set<Mention>();
  for (const f of found) {
    const start = f.start ?? toks[f.first]!.start;
    const end = f.end ?? toks[f.last]!.end;
    for (let k = f.first; k <= f.last; k++) if (owner[k]) absorbed.add(owner[k]!);
    const span: RecognizedSpan = { type: f.type, block: toks[f.first]!.block, start, end, source: 'rule' };
    if (f.title) span.title = f.title;
    if (f.entity) span.entity = f.entity;
    if (f.ambiguous) span.ambiguous = true;
    spans.push(span);
  }
  // titles of the knowledge base's people
  for (const i of personStarts) {
    const o = owner[i]!;
    if (!absorbed.has(o) && o.title === undefined) {
      const title = titleBefore(i);
      if (title) o.title = title;
    }
  }
  return { spans, absorbed };
}

/** the tokens each pass looks at, in text order */
function candidateLists(flags: Uint16Array) {
  const lists = {
    countryWord: [] as number[],
    team: [] as number[],
    dots: [] as number[],
    people: [] as number[],
    glued: [] as number[],
    org: [] as number[],
    book: [] as number[],
    place: [] as number[],
    country: [] as number[],
  };
  const n = flags.length;
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    if (f === 0) continue;
    if (f === BOOK) {
      lists.book.push(i);
      continue;
    }
    if (f === DOT) {
      lists.dots.push(i);
      continue;
    }
    if ((f & (SURNAME | TRANSLIT)) !== 0) lists.people.push(i);
    if ((f & FOLLOWER_END) !== 0) lists.glued.push(i);
    if ((f & (ORG_END | NT)) !== 0) lists.org.push(i);
    if ((f & (PLACE_END | NS | ADMIN_END)) !== 0 || (i + 1 < n && (flags[i + 1]! & PLACE_END) !== 0)) lists.place.push(i);
    if ((f & ABBREVIATION) !== 0) lists.country.push(i);
    if ((f & TEAM) !== 0) lists.team.push(i);
    if ((f & COUNTRY_WORD) !== 0) lists.countryWord.push(i);
  }
  return lists;
}

/** what each token could start or end, from its first and last characters and its tag */
function tokenFlags(lex: NameLexicon, tables: RuleTables, toks: Token[]): Uint16Array {
  const { chars: table, countryStarts } = tables;
  const n = toks.length;
  const flags = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    const w = t.norm;
    if (!isHan(w)) {
      if (w === '《') flags[i] = BOOK;
      else if (MIDDLE_DOTS.has(w)) flags[i] = DOT;
      continue;
    }
    const first = table[w.charCodeAt(0)]!;
    const last = table[w.charCodeAt(w.length - 1)]!;
    let f = HAN | (first & (SURNAME | TRANSLIT)) | (last & (ORG_END | PLACE_END | ADMIN_END));
    if (w.length === 2 && w.charCodeAt(0) === TEAM_HEAD) f |= TEAM;
    if (w.length >= 3 && countryStarts.has(w.charCodeAt(0) * 0x10000 + w.charCodeAt(1))) f |= COUNTRY_WORD;
    if (w.length === 2 && lex.words.addressPrefixes[w.charCodeAt(0)] === 1 && (last & C_SINGLE_SURNAME) !== 0) f |= SURNAME;
    if (
      w.length >= 2 &&
      (first & C_JAPANESE_FIRST) !== 0 &&
      (lex.japaneseSurnames.has(w.slice(0, 2)) || (w.length >= 3 && lex.japaneseSurnames.has(w.slice(0, 3))))
    )
      f |= SURNAME | JAPANESE;
    if (w.length >= 3) f |= last & FOLLOWER_END;
    if ((w.length <= 3 && (first & C_ABBREVIATION) !== 0) || (w.length >= 2 && (first & C_VISIT) !== 0)) f |= ABBREVIATION;
    const pos = t.pos;
    if (pos === 'nt') f |= NT;
    else if (pos === 'ns') f |= NS;
    else if (w.length >= 2 && WORD_POS.has(pos)) f |= WORD;
    flags[i] = f;
  }
  return flags;
}

// bits of the character table beside the token flags it feeds (SURNAME, TRANSLIT, ORG_END,
// PLACE_END, ADMIN_END, FOLLOWER_END), in bits those six do not use: the table is 16 bits a
// character (128 KiB), half of what 32 would take in the processor's caches
const C_ABBREVIATION = 0x80;
const C_VISIT = 0x100;
const C_SINGLE_SURNAME = 0x200;
const C_COMPOUND_FIRST = 0x400;
const C_JAPANESE_FIRST = 0x800;

/** the tables the rules derive from the knowledge base and the name lexicon */
export interface RuleTables {
  /** what each UTF-16 code unit can be, by the bits above */
  chars: Uint16Array;
  /** the first two code units of every country's alias, as one number */
  countryStarts: Set<number>;
  /** the one-character forms of Chinese places (京 → the id of 北京) */
  regionForms: Map<string, string>;
}

/** built once, when the entities stage is made, and shared by every document */
export function ruleTablesOf(kb: KnowledgeBase, lex: NameLexicon): RuleTables {
  const regionForms = regionFormsOf(kb, lex);
  return { chars: charTableOf(kb, lex, regionForms), countryStarts: countryStartsOf(kb), regionForms };
}

function charTableOf(kb: KnowledgeBase, lex: NameLexicon, regionForms: Map<string, string>): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let f = 0;
    if (lex.surnameFirst[c] === 1) f |= SURNAME;
    if (lex.transliteration[c] === 1) f |= TRANSLIT;
    if (lex.orgSuffixEnds[c] === 1 || lex.words.orgTitleEnds[c] === 1) f |= ORG_END;
    if (lex.placeSuffixEnds[c] === 1) f |= PLACE_END;
    if (lex.words.adminSuffixes[c] === 1) f |= ADMIN_END;
    if (lex.words.followerEnds[c] === 1) f |= FOLLOWER_END;
    if (lex.words.travelVerbs[c] === 1 || lex.words.stanceVerbs[c] === 1) f |= C_VISIT;
    table[c] = f;
  }
  for (const ch of [...kb.abbreviations.keys(), ...regionForms.keys()]) table[ch.charCodeAt(0)]! |= C_ABBREVIATION;
  for (const surname of lex.surnames.keys()) table[surname.charCodeAt(0)]! |= surname.length === 1 ? C_SINGLE_SURNAME : C_COMPOUND_FIRST;
  for (const family of lex.japaneseSurnames) table[family.charCodeAt(0)]! |= C_JAPANESE_FIRST;
  return table;
}

/** an id of the knowledge base that names a country, a region or a place */
function isPlace(kb: KnowledgeBase, id: string | undefined): boolean {
  const type = id === undefined ? undefined : kb.entities.get(id)?.type;
  return type === 'GPE' || type === 'LOC';
}

/** words after a company's name that leave it the same company */
function countryStartsOf(kb: KnowledgeBase): Set<number> {
  const starts = new Set<number>();
  for (const [alias, id] of kb.aliases) {
    if (alias.length >= 2 && kb.entities.get(id)!.type === 'GPE') starts.add(alias.charCodeAt(0) * 0x10000 + alias.charCodeAt(1));
  }
  return starts;
}

function regionFormsOf(kb: KnowledgeBase, lex: NameLexicon): Map<string, string> {
  const forms = new Map<string, string>();
  for (const [ch, name] of lex.placeAbbreviations) {
    const id = kb.aliases.get(name);
    if (id && !kb.abbreviations.has(ch)) forms.set(ch, id);
  }
  return forms;
}

/** w or its last characters form an ordinary word (干部, 村干部, 全部) */
function endsWithNotName(lex: NameLexicon, w: string): boolean {
  for (let len = 2; len <= w.length; len++) if (lex.notNames.has(w.slice(-len))) return true;
  return false;
}

function allTranslit(lex: NameLexicon, w: string): boolean {
  for (let k = 0; k < w.length; k++) if (lex.transliteration[w.charCodeAt(k)] !== 1) return false;
  return true;
}
