// Features of each character for the entity model: the character window, jieba's words and parts of
// speech, the knowledge base as a gazetteer, and the name tables (surnames, given-name and
// transliteration characters, titles, cue words, organisation and place suffixes). Each feature is a
// 30-bit hash of its template and values, computed from character codes without building strings, so
// training and tagging share this one function and the model stores no feature names.
import type { KnowledgeBase } from '../../../resources/knowledge-base.js';
import type { NameLexicon } from '../../../resources/name-lexicon.js';
import { FNV_OFFSET, fmix32, fnvStep } from '../../../text/hash.js';
import type { EntityType } from '../../../types.js';

/** feature slots per character; a slot holds 0 when its template does not apply */
export const FEATURES_PER_CHAR = 35;

/** a word of the text with its part of speech, offsets into the text */
export interface WordSpan {
  start: number;
  end: number;
  norm: string;
  pos: string;
}

/** The tables features are read from, built once from the knowledge base and the name tables. */
export interface FeatureTables {
  kb: KnowledgeBase;
  names: NameLexicon;
  /** first code units of the aliases of two or more characters: most characters start none */
  aliasStarts: Uint8Array;
  /** the gazetteer type of the one-character aliases, by code unit (0 for none) */
  singleAliases: Uint8Array;
  /**
   * by the FNV-1a hash of its code units (fnvStep), every prefix of two or more characters of an alias of
   * two or more: 1 when it is an alias itself, else 0; no string is made for a text's characters
   */
  aliasPrefixes: Map<number, number>;
  /** hashes of the parts of speech, computed once */
  posHashes: Map<string, number>;
  /** one-character country forms (中, 美) by code unit */
  abbreviations: Uint8Array;
  /** one-character surnames by code unit: 1 weak (needs a cue), 2 strong, 0 none */
  surnames1: Uint8Array;
  /** two-character surnames by their two code units as one number: 1 weak, 2 strong */
  surnames2: Map<number, number>;
  /** gazetteer type of an entity type (0 is none) */
  typeCode: Record<EntityType, number>;
}

export function featureTablesOf(kb: KnowledgeBase, names: NameLexicon): FeatureTables {
  const aliasStarts = new Uint8Array(0x10000);
  const aliasPrefixes = new Map<number, number>();
  const typeCode: Record<EntityType, number> = { PERSON: 1, GPE: 2, LOC: 3, ORG: 4 };
  const singleAliases = new Uint8Array(0x10000);
  for (const [alias, id] of kb.aliases) {
    if (alias.length === 1) singleAliases[alias.charCodeAt(0)] = typeCode[kb.entities.get(id)!.type];
    else {
      aliasStarts[alias.charCodeAt(0)] = 1;
      let h = fnvStep(FNV_OFFSET, alias.charCodeAt(0));
      for (let end = 2; end <= alias.length; end++) {
        h = fnvStep(h, alias.charCodeAt(end - 1));
        if (end === alias.length) aliasPrefixes.set(h, 1);
        else if (!aliasPrefixes.has(h)) aliasPrefixes.set(h, 0);
      }
    }
  }
  const abbreviations = new Uint8Array(0x10000);
  for (const c of kb.abbreviations.keys()) abbreviations[c.charCodeAt(0)] = 1;
  // the surname table by code units, so that no character's features make a string
  const surnames1 = new Uint8Array(0x10000);
  const surnames2 = new Map<number, number>();
  for (const [surname, weak] of names.surnames) {
    if (surname.length === 1) surnames1[surname.charCodeAt(0)] = weak ? 1 : 2;
    else surnames2.set(surname.charCodeAt(0) * 0x10000 + surname.charCodeAt(1), weak ? 1 : 2);
  }
  return {
    kb,
    names,
    aliasStarts,
    aliasPrefixes,
    posHashes: new Map(),
    abbreviations,
    surnames1,
    surnames2,
    singleAliases,
    typeCode,
  };
}

// MurmurHash3's mixing steps: a feature's hash from its template number and up to four values
function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
// Keys are 30 bits, so that a key is a small integer to the JavaScript engine and is never boxed on
// its way between functions (a full 32-bit value made every lookup allocate); 0 marks an empty slot.
// Bit 29 marks the key of a character n-gram: its low two bits are the n-gram's place around the
// character, and the rest name the n-gram, so that the model can keep the weights of one
// n-gram at every place together and tagging reads them with one lookup (SequenceModel.ngramEntry).
export const NGRAM_FLAG = 1 << 29;
const finish = (h: number) => fmix32(h) >>> 3 || 1;
const ngramKey = (h: number, role: number) => NGRAM_FLAG | ((fmix32(h) >>> 5) << 2) | role;
export const f1 = (t: number, a: number) => finish(mix(mix(0x5eed, t), a));
export const f2 = (t: number, a: number, b: number) => finish(mix(mix(mix(0x5eed, t), a), b));
export const f3 = (t: number, a: number, b: number, c: number) => finish(mix(mix(mix(mix(0x5eed, t), a), b), c));
/** the key of a character at a place around the character: 0 (−2) … 4 (+2) */
export const unigramFeature = (place: number, c: number) => f1(place + 1, c);
/** the key of a character bigram at a place around the character: 0 (−2, −1), 1 (−1, 0), 2 (0, +1), 3 (+1, +2) */
export const bigramFeature = (role: number, a: number, b: number) => ngramKey(mix(mix(mix(0x5eed, 6), a), b), role);
/** the key of a character trigram at a place around the character: 0 (−2…0), 1 (−1…+1), 2 (0…+2) */
export const trigramFeature = (role: number, a: number, b: number, c: number) => ngramKey(mix(mix(mix(mix(0x5eed, 32), a), b), c), role);
/** the slots of the character n-gram templates: characters by place (0…4), bigrams by place (0…3), then trigrams by place (0…2) */
export const NGRAM_SLOTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 32, 34, 33] as const;

export function hashString(s: string): number {
  let h = 0x2545f491;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** the first and last "characters" outside the text */
const BEFORE_TEXT = 1;
const AFTER_TEXT = 2;
/** the code unit at i, or BEFORE_TEXT or AFTER_TEXT outside the text */
export const codeAt = (text: string, i: number) => (i < 0 ? BEFORE_TEXT : i >= text.length ? AFTER_TEXT : text.charCodeAt(i));

/** a character's class: Han, digit (Arabic or Chinese), Latin letter, middle dot, punctuation or other */
function classOfCode(c: number): number {
  if (c === BEFORE_TEXT || c === AFTER_TEXT) return 0;
  if (c >= 0x30 && c <= 0x39) return 2;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 3;
  if (c === 0xb7) return 4;
  if (CHINESE_DIGITS.has(c)) return 2;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 1;
  if (c < 0x80 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) return 5;
  return 6;
}
const CHINESE_DIGITS = new Set([...'〇零一二三四五六七八九十百千万亿两'].map((c) => c.charCodeAt(0)));
/** the class of every code unit, read once a character three times over */
const CLASSES = Uint8Array.from({ length: 0x10000 }, (_, c) => classOfCode(c));
const classOf = (c: number) => CLASSES[c]!;

/** where a character stands in its word: 1 begin, 2 middle, 3 end, 4 single, 0 outside any word */
const B = 1;
const M = 2;
const E = 3;
const S = 4;
/** the place of character j of a word of `length` characters */
export const placeIn = (j: number, length: number) => (length === 1 ? S : j === 0 ? B : j === length - 1 ? E : M);

/**
 * For tagging: the templates the tagger does not score a word or an n-gram at a time whose values
 * have a small range (the character classes, the gazetteer marks, the surname and name-character
 * flags) read as direct indexes into tables made once from the model, instead of a hash and a lookup
 * each. A slot holds −(row + 1) of `rows`, or 0 where the model has no weight.
 */
export interface DenseRows {
  /** the weights of the rows the tables name, LABEL_COUNT a row */
  rows: Int16Array;
  bias: number;
  classes: Int32Array;
  gazetteer: Int32Array;
  surnames: Int32Array;
  nameBits: Int32Array;
}

/** the dense tables of a model, from its lookup of a feature hash (−1 for none) and its weights (`labels` a row) */
export function denseRowsOf(row: (key: number) => number, weights: Int16Array, labels: number): DenseRows {
  // the rows these tables use, copied side by side: a few hundred kilobytes that stay in the
  // processor's caches, where the model's rows are spread over megabytes
  const compact = new Map<number, number>();
  const slot = (key: number) => {
    const r = row(key);
    if (r < 0) return 0;
    if (!compact.has(r)) compact.set(r, compact.size);
    return -(compact.get(r)! + 1);
  };
  const table = (size: number, key: (index: number) => number) => Int32Array.from({ length: size }, (_, index) => slot(key(index)));
  const tables = {
    bias: slot(f1(0, 0)),
    classes: table(7 * 7 * 7, (i) => f3(11, Math.floor(i / 49), Math.floor(i / 7) % 7, i % 7)),
    gazetteer: table(25 * 25 * 25, (i) => f3(23, Math.floor(i / 625), Math.floor(i / 25) % 25, i % 25)),
    surnames: table(3 * 3, (i) => f2(24, Math.floor(i / 3), i % 3)),
    nameBits: table(8 * 8 * 8, (i) => f3(25, Math.floor(i / 64), Math.floor(i / 8) % 8, i % 8)),
  };
  const rows = new Int16Array(compact.size * labels);
  for (const [r, c] of compact) rows.set(weights.subarray(r * labels, (r + 1) * labels), c * labels);
  return { ...tables, rows };
}

/** the slots of the templates read from a word alone (its text and part of speech), by the place in it */
export const OWN_WORD_SLOTS = [12, 13, 14, 21, 22, 26, 28, 29] as const;
/** the slots of the templates of a title right before the word and of a cue word right after it */
export const TITLE_CUE_SLOTS = [19, 20] as const;
/** the slots of the templates read from one word around (its hash, 0 for none): before, after, two after, two before */
export const NEIGHBOUR_SLOTS = [15, 16, 30, 31] as const;
/** the slots of the two templates read from the parts of speech of a word and of the word before or after */
export const POS_PAIR_SLOTS = [17, 18] as const;

/** the features of character j of a word that depend on the word alone, written into f[o…] */
export function writeOwnWordFeatures(tables: FeatureTables, f: Int32Array, o: number, norm: string, pos: string, j: number): void {
  const at = placeIn(j, norm.length);
  const posHash = posHashOf(tables, pos);
  const c0 = norm.charCodeAt(j);
  f[o + 12] = f2(12, at, Math.min(norm.length, 5));
  f[o + 13] = f2(13, at, posHash);
  f[o + 14] = f2(14, at, hashString(norm));
  const kind = suffixKindOf(tables.names, norm);
  if (kind) f[o + 21] = f2(21, at, kind);
  f[o + 22] = f2(22, c0, posHash);
  // (the table holds exactly the knowledge base's forms: the second value is always 1)
  if (tables.abbreviations[c0] === 1) f[o + 26] = f2(26, at, 1);
  f[o + 28] = f2(28, at, norm.charCodeAt(0));
  f[o + 29] = f2(29, at, norm.charCodeAt(norm.length - 1));
}

export const titleBeforeFeature = (at: number) => f1(19, at);
export const cueAfterFeature = (at: number) => f1(20, at);
export const isTitle = (names: NameLexicon, norm: string) => names.titles.has(norm);
/** a word after a name that marks it as a person's: a cue (说, 表示) or a title */
export const isCue = (names: NameLexicon, norm: string) => names.personCues.has(norm) || names.titles.has(norm);

/** the feature of a word around, by its slot (NEIGHBOUR_SLOTS), the place of the character and the word's hash */
export const neighbourFeature = (slot: number, at: number, wordHash: number) => f2(slot, at, wordHash);
/** the feature of the parts of speech of a word and the word before (17) or of a word and the word after (18) */
export const posPairFeature = (slot: number, at: number, first: number, second: number) => f3(slot, at, first, second);

export function posHashOf(tables: FeatureTables, pos: string): number {
  const known = tables.posHashes.get(pos);
  if (known !== undefined) return known;
  const h = hashString(pos);
  tables.posHashes.set(pos, h);
  return h;
}

function suffixKindOf(names: NameLexicon, norm: string): number {
  const org = names.orgSuffixes.get(norm);
  if (org) return org === 'strong' ? 1 : org === 'named' ? 2 : 3;
  return names.placeSuffixes.has(norm) ? 4 : 0;
}

export interface FeatureOptions {
  /** written into this when it is long enough */
  out?: Int32Array;
  /**
   * For tagging, the model's dense tables: then only the templates the tagger does not score a word
   * or an n-gram at a time are written (the bias, the skip bigram, the classes, the gazetteer, the
   * surname and name-character flags, the character after a surname), the small ones as rows
   */
  dense?: DenseRows;
}

/**
 * The features of every character of `text`, FEATURES_PER_CHAR slots a character. `words` are
 * jieba's words of the text, in order.
 */
export function featuresOf(tables: FeatureTables, text: string, words: readonly WordSpan[], options: FeatureOptions = {}): Int32Array {
  const { out, dense } = options;
  // (the tagger scores these a word type at a time, word-scores.ts, and an n-gram at a time, ngram-scores.ts)
  const wordFeatures = !dense;
  const ngramFeatures = !dense;
  const n = text.length;
  const K = FEATURES_PER_CHAR;
  const f = out && out.length >= n * K ? out : new Int32Array(n * K);
  f.fill(0, 0, n * K);
  const { names } = tables;
  const code = (i: number) => (i < 0 ? BEFORE_TEXT : i >= n ? AFTER_TEXT : text.charCodeAt(i));
  /** a code unit's name-table flags: transliteration, given-name and given-name-stop character */
  const bits = (x: number) => names.transliteration[x]! | (names.givenNames[x]! << 1) | (names.givenNameStop[x]! << 2);

  // each character's word and its place in it
  const wordOf = new Int32Array(n).fill(-1);
  const place = new Uint8Array(n);
  words.forEach((w, k) => {
    for (let i = w.start; i < w.end; i++) {
      wordOf[i] = k;
      place[i] = placeIn(i - w.start, w.end - w.start);
    }
  });
  const wordHash = wordFeatures ? words.map((w) => hashString(w.norm)) : [];
  const posHash = wordFeatures ? words.map((w) => posHashOf(tables, w.pos)) : [];
  // a title right before the word, a cue word right after it
  const titleBefore = wordFeatures ? words.map((_, k) => (k > 0 && words[k - 1]!.end === words[k]!.start && isTitle(names, words[k - 1]!.norm) ? 1 : 0)) : [];
  const cueAfter = wordFeatures ? words.map((w, k) => (k + 1 < words.length && words[k + 1]!.start === w.end && isCue(names, words[k + 1]!.norm) ? 1 : 0)) : [];

  const gazetteer = gazetteerOf(tables, text);

  for (let i = 0; i < n; i++) {
    const o = i * K;
    const c0 = code(i);
    const cm2 = code(i - 2);
    const cm1 = code(i - 1);
    const cp1 = code(i + 1);
    const cp2 = code(i + 2);
    f[o] = dense ? dense.bias : f1(0, 0);
    if (ngramFeatures) {
      f[o + 1] = unigramFeature(0, cm2);
      f[o + 2] = unigramFeature(1, cm1);
      f[o + 3] = unigramFeature(2, c0);
      f[o + 4] = unigramFeature(3, cp1);
      f[o + 5] = unigramFeature(4, cp2);
      f[o + 6] = bigramFeature(0, cm2, cm1);
      f[o + 7] = bigramFeature(1, cm1, c0);
      f[o + 8] = bigramFeature(2, c0, cp1);
      f[o + 9] = bigramFeature(3, cp1, cp2);
      f[o + 32] = trigramFeature(0, cm2, cm1, c0);
      f[o + 34] = trigramFeature(1, cm1, c0, cp1);
      f[o + 33] = trigramFeature(2, c0, cp1, cp2);
    }
    f[o + 10] = f2(10, cm1, cp1);
    f[o + 11] = dense ? dense.classes[(classOf(cm1) * 7 + classOf(c0)) * 7 + classOf(cp1)]! : f3(11, classOf(cm1), classOf(c0), classOf(cp1));
    const k = wordOf[i]!;
    const at = place[i]!;
    if (k >= 0) {
      if (wordFeatures) {
        const w = words[k]!;
        if (titleBefore[k]) f[o + 19] = titleBeforeFeature(at);
        if (cueAfter[k]) f[o + 20] = cueAfterFeature(at);
        writeOwnWordFeatures(tables, f, o, w.norm, w.pos, i - w.start);
        f[o + 15] = neighbourFeature(15, at, k > 0 ? wordHash[k - 1]! : 0);
        f[o + 16] = neighbourFeature(16, at, k + 1 < words.length ? wordHash[k + 1]! : 0);
        f[o + 30] = neighbourFeature(30, at, k + 2 < words.length ? wordHash[k + 2]! : 0);
        f[o + 31] = neighbourFeature(31, at, k >= 2 ? wordHash[k - 2]! : 0);
        f[o + 17] = posPairFeature(17, at, k > 0 ? posHash[k - 1]! : 0, posHash[k]!);
        f[o + 18] = posPairFeature(18, at, posHash[k]!, k + 1 < words.length ? posHash[k + 1]! : 0);
      }
    }
    const g0 = gazetteer[i]!;
    const gm1 = i > 0 ? gazetteer[i - 1]! : 0;
    const gp1 = i + 1 < n ? gazetteer[i + 1]! : 0;
    f[o + 23] = dense ? dense.gazetteer[(g0 * 25 + gm1) * 25 + gp1]! : f3(23, g0, gm1, gp1);
    // a surname (one or two characters, weak or not) starting here
    const s2 = i + 1 < n && names.surnameFirst[c0] === 1 ? (tables.surnames2.get(c0 * 0x10000 + cp1) ?? 0) : 0;
    f[o + 24] = dense ? dense.surnames[tables.surnames1[c0]! * 3 + s2]! : f2(24, tables.surnames1[c0]!, s2);
    f[o + 25] = dense ? dense.nameBits[(bits(cm1) * 8 + bits(c0)) * 8 + bits(cp1)]! : f3(25, bits(cm1), bits(c0), bits(cp1));
    if (i > 0 && tables.surnames1[cm1] !== 0) f[o + 27] = f2(27, c0, at);
  }
  return f;
}

/**
 * The knowledge base's aliases found in the text, longest first from left to right: for each
 * character, its alias's type and where it stands in it (type × 5 + place), 0 outside any alias.
 */
function gazetteerOf(tables: FeatureTables, text: string): Uint8Array {
  const { kb, aliasStarts, aliasPrefixes, singleAliases, typeCode } = tables;
  const n = text.length;
  const marks = new Uint8Array(n);
  let i = 0;
  while (i < n) {
    // a one-character alias, or the start of a longer one
    const c = text.charCodeAt(i);
    let bestType = singleAliases[c]!;
    let best = bestType === 0 ? 0 : i + 1;
    if (aliasStarts[c] === 1) {
      let h = fnvStep(FNV_OFFSET, c);
      for (let end = i + 2; end <= n; end++) {
        h = fnvStep(h, text.charCodeAt(end - 1));
        const whole = aliasPrefixes.get(h);
        if (whole === undefined) break;
        // (a hash names a prefix or an alias, and the alias is read to be sure)
        const id = whole === 1 ? kb.aliases.get(text.slice(i, end)) : undefined;
        if (id) {
          best = end;
          bestType = typeCode[kb.entities.get(id)!.type];
        }
      }
    }
    if (best === 0) {
      i++;
      continue;
    }
    for (let j = i; j < best; j++) marks[j] = bestType * 5 + placeIn(j - i, best - i);
    i = best;
  }
  return marks;
}
