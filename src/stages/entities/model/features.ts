// Features of each character for the entity model: the character window, jieba's words and parts of
// speech, the knowledge base as a gazetteer, and the name tables (surnames, given-name and
// transliteration characters, titles, cue words, organisation and place suffixes). Each feature is a
// 30-bit hash of its template and values, computed from character codes without building strings, so
// training and tagging share this one function and the model stores no feature names.
import type { KnowledgeBase } from '../../../resources/knowledge-base.js';
import type { NameLexicon } from '../../../resources/name-lexicon.js';
import type { EntityType } from '../../../types.js';

/** feature slots per character; a slot holds 0 when its template does not apply */
export const FEATURES_PER_CHAR = 34;

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
  /** first two code units of the aliases of two or more characters, as one number */
  aliasPairs: Set<number>;
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
  const aliasPairs = new Set<number>();
  const typeCode: Record<EntityType, number> = { PERSON: 1, GPE: 2, LOC: 3, ORG: 4 };
  const singleAliases = new Uint8Array(0x10000);
  for (const [alias, id] of kb.aliases) {
    if (alias.length === 1) singleAliases[alias.charCodeAt(0)] = typeCode[kb.entities.get(id)!.type];
    else {
      aliasStarts[alias.charCodeAt(0)] = 1;
      aliasPairs.add(alias.charCodeAt(0) * 0x10000 + alias.charCodeAt(1));
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
    aliasPairs,
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
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // 30 bits, so that a hash is a small integer to the JavaScript engine and is never boxed on its way
  // between functions (a full 32-bit value made every lookup allocate); 0 marks an empty slot
  return h >>> 2 || 1;
}
const f1 = (t: number, a: number) => finish(mix(mix(0x5eed, t), a));
const f2 = (t: number, a: number, b: number) => finish(mix(mix(mix(0x5eed, t), a), b));
const f3 = (t: number, a: number, b: number, c: number) => finish(mix(mix(mix(mix(0x5eed, t), a), b), c));

function hashString(s: string): number {
  let h = 0x2545f491;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** the first and last "characters" outside the text */
const BEFORE_TEXT = 1;
const AFTER_TEXT = 2;

/** a character's class: Han, digit (Arabic or Chinese), Latin letter, middle dot, punctuation or other */
function classOf(c: number): number {
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

/** where a character stands in its word: 1 begin, 2 middle, 3 end, 4 single, 0 outside any word */
const B = 1;
const M = 2;
const E = 3;
const S = 4;

/**
 * For tagging: the templates whose values have a small range (the characters at −2…+2, the classes,
 * the word place and length, the gazetteer marks, the surname and name-character flags) read as
 * direct indexes into tables made once from the model, instead of a hash and a lookup each: about
 * 11 of the 28 features of a character. A slot holds −(row + 1), or 0 where the model has no weight.
 */
export interface DenseRows {
  bias: number;
  /** by template 1…5: the slot for each UTF-16 code unit */
  chars: Int32Array[];
  classes: Int32Array;
  wordPlace: Int32Array;
  gazetteer: Int32Array;
  surnames: Int32Array;
  nameBits: Int32Array;
}

/** the dense tables of a model, from its lookup of a feature hash (−1 for none) */
export function denseRowsOf(row: (key: number) => number): DenseRows {
  const slot = (key: number) => {
    const r = row(key);
    return r < 0 ? 0 : -(r + 1);
  };
  const table = (size: number, key: (index: number) => number) => Int32Array.from({ length: size }, (_, index) => slot(key(index)));
  return {
    bias: slot(f1(0, 0)),
    chars: [1, 2, 3, 4, 5].reduce<Int32Array[]>((all, t) => {
      all[t] = table(0x10000, (c) => f1(t, c));
      return all;
    }, []),
    classes: table(7 * 7 * 7, (i) => f3(11, Math.floor(i / 49), Math.floor(i / 7) % 7, i % 7)),
    wordPlace: table(5 * 6, (i) => f2(12, Math.floor(i / 6), i % 6)),
    gazetteer: table(25 * 25 * 25, (i) => f3(23, Math.floor(i / 625), Math.floor(i / 25) % 25, i % 25)),
    surnames: table(3 * 3, (i) => f2(24, Math.floor(i / 3), i % 3)),
    nameBits: table(8 * 8 * 8, (i) => f3(25, Math.floor(i / 64), Math.floor(i / 8) % 8, i % 8)),
  };
}

/**
 * The features of every character of `text`, FEATURES_PER_CHAR slots a character, written into `out`
 * (a new array when absent or too short). `words` are jieba's words of the text, in order.
 */
export function featuresOf(tables: FeatureTables, text: string, words: readonly WordSpan[], out?: Int32Array, dense?: DenseRows): Int32Array {
  const n = text.length;
  const K = FEATURES_PER_CHAR;
  const f = out && out.length >= n * K ? out : new Int32Array(n * K);
  f.fill(0, 0, n * K);
  const { names } = tables;
  const code = (i: number) => (i < 0 ? BEFORE_TEXT : i >= n ? AFTER_TEXT : text.charCodeAt(i));
  /** a code unit's name-table flags: transliteration, given-name and given-name-stop character */
  const bits = (x: number) => names.transliteration[x]! | (names.givenNames[x]! << 1) | (names.givenNameStop[x]! << 2);

  // each character's word, and the word's place, part of speech and neighbours
  const wordOf = new Int32Array(n).fill(-1);
  const place = new Uint8Array(n);
  words.forEach((w, k) => {
    for (let i = w.start; i < w.end; i++) {
      wordOf[i] = k;
      place[i] = w.end - w.start === 1 ? S : i === w.start ? B : i === w.end - 1 ? E : M;
    }
  });
  const wordHash = words.map((w) => hashString(w.norm));
  const posHash = words.map((w) => {
    const known = tables.posHashes.get(w.pos);
    if (known !== undefined) return known;
    const h = hashString(w.pos);
    tables.posHashes.set(w.pos, h);
    return h;
  });
  // a title right before the word, a cue word right after it, suffix words
  const titleBefore = words.map((_, k) => (k > 0 && words[k - 1]!.end === words[k]!.start && names.titles.has(words[k - 1]!.norm) ? 1 : 0));
  const cueAfter = words.map((w, k) => {
    const next = words[k + 1];
    return next && next.start === w.end && (names.personCues.has(next.norm) || names.titles.has(next.norm)) ? 1 : 0;
  });
  const suffixKind = words.map((w) => {
    const org = names.orgSuffixes.get(w.norm);
    if (org) return org === 'strong' ? 1 : org === 'named' ? 2 : 3;
    return names.placeSuffixes.has(w.norm) ? 4 : 0;
  });

  const gazetteer = gazetteerOf(tables, text);

  for (let i = 0; i < n; i++) {
    const o = i * K;
    const c0 = code(i);
    const cm2 = code(i - 2);
    const cm1 = code(i - 1);
    const cp1 = code(i + 1);
    const cp2 = code(i + 2);
    if (dense) {
      const { chars } = dense;
      f[o] = dense.bias;
      f[o + 1] = chars[1]![cm2]!;
      f[o + 2] = chars[2]![cm1]!;
      f[o + 3] = chars[3]![c0]!;
      f[o + 4] = chars[4]![cp1]!;
      f[o + 5] = chars[5]![cp2]!;
    } else {
      f[o] = f1(0, 0);
      f[o + 1] = f1(1, cm2);
      f[o + 2] = f1(2, cm1);
      f[o + 3] = f1(3, c0);
      f[o + 4] = f1(4, cp1);
      f[o + 5] = f1(5, cp2);
    }
    f[o + 6] = f2(6, cm2, cm1);
    f[o + 7] = f2(7, cm1, c0);
    f[o + 8] = f2(8, c0, cp1);
    f[o + 9] = f2(9, cp1, cp2);
    f[o + 10] = f2(10, cm1, cp1);
    f[o + 11] = dense ? dense.classes[(classOf(cm1) * 7 + classOf(c0)) * 7 + classOf(cp1)]! : f3(11, classOf(cm1), classOf(c0), classOf(cp1));
    const k = wordOf[i]!;
    const at = place[i]!;
    if (k >= 0) {
      const w = words[k]!;
      const prev = k > 0 ? words[k - 1] : undefined;
      const next = words[k + 1];
      f[o + 12] = dense ? dense.wordPlace[at * 6 + Math.min(w.end - w.start, 5)]! : f2(12, at, Math.min(w.end - w.start, 5));
      f[o + 13] = f2(13, at, posHash[k]!);
      f[o + 14] = f2(14, at, wordHash[k]!);
      f[o + 15] = f2(15, at, prev ? wordHash[k - 1]! : 0);
      f[o + 16] = f2(16, at, next ? wordHash[k + 1]! : 0);
      f[o + 17] = f3(17, at, prev ? posHash[k - 1]! : 0, posHash[k]!);
      f[o + 18] = f3(18, at, posHash[k]!, next ? posHash[k + 1]! : 0);
      if (titleBefore[k]) f[o + 19] = f1(19, at);
      if (cueAfter[k]) f[o + 20] = f1(20, at);
      if (suffixKind[k]) f[o + 21] = f2(21, at, suffixKind[k]!);
      f[o + 22] = f2(22, c0, posHash[k]!);
      f[o + 28] = f2(28, at, text.charCodeAt(w.start));
      f[o + 29] = f2(29, at, text.charCodeAt(w.end - 1));
      const after = words[k + 2];
      f[o + 30] = f2(30, at, after ? wordHash[k + 2]! : 0);
      const before = k >= 2 ? words[k - 2] : undefined;
      f[o + 31] = f2(31, at, before ? wordHash[k - 2]! : 0);
    }
    f[o + 32] = f3(32, cm2, cm1, c0);
    f[o + 33] = f3(33, c0, cp1, cp2);
    const g0 = gazetteer[i]!;
    const gm1 = i > 0 ? gazetteer[i - 1]! : 0;
    const gp1 = i + 1 < n ? gazetteer[i + 1]! : 0;
    f[o + 23] = dense ? dense.gazetteer[(g0 * 25 + gm1) * 25 + gp1]! : f3(23, g0, gm1, gp1);
    // a surname (one or two characters, weak or not) starting here
    const s2 = i + 1 < n && names.surnameFirst[c0] === 1 ? (tables.surnames2.get(c0 * 0x10000 + cp1) ?? 0) : 0;
    f[o + 24] = dense ? dense.surnames[tables.surnames1[c0]! * 3 + s2]! : f2(24, tables.surnames1[c0]!, s2);
    f[o + 25] = dense ? dense.nameBits[(bits(cm1) * 8 + bits(c0)) * 8 + bits(cp1)]! : f3(25, bits(cm1), bits(c0), bits(cp1));
    // (the table holds exactly the knowledge base's forms: the second value is always 1)
    if (tables.abbreviations[c0] === 1) f[o + 26] = f2(26, at, 1);
    if (i > 0 && tables.surnames1[cm1] !== 0) f[o + 27] = f2(27, c0, at);
  }
  return f;
}

/**
 * The knowledge base's aliases found in the text, longest first from left to right: for each
 * character, its alias's type and where it stands in it (type × 5 + place), 0 outside any alias.
 */
function gazetteerOf(tables: FeatureTables, text: string): Uint8Array {
  const { kb, aliasStarts, aliasPairs, singleAliases, typeCode } = tables;
  const n = text.length;
  const marks = new Uint8Array(n);
  let i = 0;
  while (i < n) {
    // a one-character alias, or the first two characters of a longer one
    const c = text.charCodeAt(i);
    let bestType = singleAliases[c]!;
    let best = bestType === 0 ? 0 : i + 1;
    if (aliasStarts[c] === 1 && i + 1 < n && aliasPairs.has(c * 0x10000 + text.charCodeAt(i + 1))) {
      for (let end = i + 2; end <= n; end++) {
        const prefix = text.slice(i, end);
        if (!kb.aliasPrefixes.has(prefix)) break;
        const id = kb.aliases.get(prefix);
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
    for (let j = i; j < best; j++) marks[j] = bestType * 5 + (best - i === 1 ? S : j === i ? B : j === best - 1 ? E : M);
    i = best;
  }
  return marks;
}
