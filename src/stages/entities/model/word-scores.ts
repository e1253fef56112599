// The scores of the word templates (features.ts: OWN_WORD_SLOTS, NEIGHBOUR_SLOTS, POS_PAIR_SLOTS),
// found a word type at a time instead of a character at a time. Sixteen of a character's 34 features
// come from its word and the words around it; looked up one by one they were most of the cost of
// tagging (a lookup in a table of 400,000 features misses the processor's caches), while the words
// of news repeat: the same word's scores are summed once and kept. Scores are integers (the model's
// 16-bit weights), so a sum kept and a sum made afresh are equal, and the labels never depend on
// what the cache held.

import { fnvStep } from '../../../text/hash.js';
import {
  cueAfterFeature,
  FEATURES_PER_CHAR,
  type FeatureTables,
  hashString,
  isCue,
  isTitle,
  NEIGHBOUR_SLOTS,
  neighbourFeature,
  OWN_WORD_SLOTS,
  POS_PAIR_SLOTS,
  placeIn,
  posHashOf,
  posPairFeature,
  titleBeforeFeature,
  type WordSpan,
  writeOwnWordFeatures,
} from './features.js';
import { LABEL_COUNT, type SequenceModel } from './sequence-model.js';

const L = LABEL_COUNT;
/** places in a word: B, M, E, S (1…4) */
const PLACES = 4;

/** the size of an entry's neighbour weights */
const NEIGHBOURS = NEIGHBOUR_SLOTS.length * PLACES * L;
/** parts of speech numbered below this have their pairs' weights in a table; jieba has about 60 */
const POS_TABLE = 128;

export class WordScores {
  /**
   * Each word type's entry, side by side in one array: its own templates' sums (LABEL_COUNT a
   * character), its weights as each neighbour template at each place (NEIGHBOUR_SLOTS × PLACES ×
   * LABEL_COUNT), then flags (1: a title, 2: a cue word or a title). Weights, not rows of the model:
   * a frequent word's entry stays in the processor's caches, the model's rows are spread over
   * megabytes.
   */
  private readonly entries = new WordTable();
  private arena = new Int32Array(1 << 20);
  private used = 0;
  /** the entry of no word (before the first word or after the last), at offset 0 */
  private readonly noWord: number;
  /** by pair of parts of speech (numbered as first seen, 0 for none): the weights by place of each POS_PAIR_SLOTS template */
  private readonly posPairs: (Int32Array | undefined)[][] = [[], []];
  private readonly posIds = new Map<string, number>();
  /** the hashes of the parts of speech by their number (0 for none) */
  private readonly posHashes = [0];
  /** the weights by place of a title before the word and of a cue word after it */
  private readonly titleCue: Int32Array;
  private readonly scratch = new Int32Array(FEATURES_PER_CHAR);
  private offsets = new Int32Array(256);
  private posOf = new Int32Array(256);

  constructor(
    private readonly tables: FeatureTables,
    private readonly model: SequenceModel,
    /** the arena's size beyond which every entry is let go before the next text, to bound memory on an archive of any size */
    private readonly limit = 1 << 22,
  ) {
    this.noWord = this.add('', '');
    this.titleCue = new Int32Array(2 * PLACES * L);
    for (let at = 1; at <= PLACES; at++) {
      this.addRow(this.titleCue, (at - 1) * L, titleBeforeFeature(at));
      this.addRow(this.titleCue, (PLACES + at - 1) * L, cueAfterFeature(at));
    }
  }

  /** adds the word templates' scores of each character of `words` to `scores` (LABEL_COUNT a character) */
  addTo(scores: Int32Array, words: readonly WordSpan[]): void {
    const n = words.length;
    if (this.offsets.length < n) {
      this.offsets = new Int32Array(n * 2);
      this.posOf = new Int32Array(n * 2);
    }
    const { offsets, posOf } = this;
    if (this.used > this.limit) {
      // let every entry go but the one of no word, which comes first; between texts, as the
      // offsets of a text's words must hold until it is scored
      this.entries.clear();
      this.used = NEIGHBOURS + 1;
    }
    for (let k = 0; k < n; k++) {
      posOf[k] = this.posIdOf(words[k]!.pos);
      offsets[k] = this.entryOf(words[k]!.norm, words[k]!.pos, posOf[k]!);
    }
    // (the arena may have grown while entries were made)
    const arena = this.arena;
    /** where a word's neighbour weights start, and its flags */
    const neighboursOf = (k: number) => (k < 0 || k >= n ? this.noWord : offsets[k]! + words[k]!.norm.length * L);
    const titleCue = this.titleCue;
    for (let k = 0; k < n; k++) {
      const word = words[k]!;
      const length = word.end - word.start;
      const own = offsets[k]!;
      const before = neighboursOf(k - 1);
      const after = neighboursOf(k + 1) + PLACES * L;
      const afterNext = neighboursOf(k + 2) + 2 * PLACES * L;
      const beforePrevious = neighboursOf(k - 2) + 3 * PLACES * L;
      const pairBefore = this.posPairWeights(0, k > 0 ? posOf[k - 1]! : 0, posOf[k]!);
      const pairAfter = this.posPairWeights(1, posOf[k]!, k + 1 < n ? posOf[k + 1]! : 0);
      const titleBefore = k > 0 && words[k - 1]!.end === word.start && (arena[neighboursOf(k - 1) + NEIGHBOURS]! & 1) !== 0;
      const cueAfter = k + 1 < n && words[k + 1]!.start === word.end && (arena[neighboursOf(k + 1) + NEIGHBOURS]! & 2) !== 0;
      for (let j = 0; j < length; j++) {
        const o = (word.start + j) * L;
        const p = (placeIn(j, length) - 1) * L;
        for (let y = 0; y < L; y++) {
          scores[o + y]! +=
            arena[own + j * L + y]! +
            arena[before + p + y]! +
            arena[after + p + y]! +
            arena[afterNext + p + y]! +
            arena[beforePrevious + p + y]! +
            pairBefore[p + y]! +
            pairAfter[p + y]!;
        }
        if (titleBefore) for (let y = 0; y < L; y++) scores[o + y]! += titleCue[p + y]!;
        if (cueAfter) for (let y = 0; y < L; y++) scores[o + y]! += titleCue[PLACES * L + p + y]!;
      }
    }
  }

  /** the offset of the entry of a word type, made when first seen */
  private entryOf(norm: string, pos: string, posId: number): number {
    const key = wordKeyOf(norm, posId);
    const known = this.entries.get(key, norm, posId);
    if (known >= 0) return known;
    const offset = this.add(norm, pos);
    this.entries.set(key, norm, posId, offset);
    return offset;
  }

  /** a new entry in the arena (for no word, `norm` is empty) */
  private add(norm: string, pos: string): number {
    const size = norm.length * L + NEIGHBOURS + 1;
    if (this.used + size > this.arena.length) {
      const grown = new Int32Array(Math.max(this.arena.length * 2, this.used + size));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
    }
    const offset = this.used;
    this.used += size;
    const arena = this.arena;
    arena.fill(0, offset, offset + size);
    for (let j = 0; j < norm.length; j++) {
      this.scratch.fill(0);
      writeOwnWordFeatures(this.tables, this.scratch, 0, norm, pos, j);
      for (const slot of OWN_WORD_SLOTS) this.addRow(arena, offset + j * L, this.scratch[slot]!);
    }
    const wordHash = norm === '' ? 0 : hashString(norm);
    const neighbours = offset + norm.length * L;
    NEIGHBOUR_SLOTS.forEach((slot, s) => {
      for (let at = 1; at <= PLACES; at++) this.addRow(arena, neighbours + (s * PLACES + at - 1) * L, neighbourFeature(slot, at, wordHash));
    });
    const { names } = this.tables;
    if (norm !== '') arena[neighbours + NEIGHBOURS] = (isTitle(names, norm) ? 1 : 0) | (isCue(names, norm) ? 2 : 0);
    return offset;
  }

  /** adds the weights of a feature to into[at…] */
  private addRow(into: Int32Array, at: number, key: number): void {
    const row = key === 0 ? -1 : this.model.row(key);
    if (row < 0) return;
    const w = this.model.weights;
    for (let y = 0; y < L; y++) into[at + y]! += w[row * L + y]!;
  }

  /** a small number for a part of speech, 0 kept for none */
  private posIdOf(pos: string): number {
    let id = this.posIds.get(pos);
    if (id === undefined) {
      id = this.posIds.size + 1;
      this.posIds.set(pos, id);
      this.posHashes.push(posHashOf(this.tables, pos));
    }
    return id;
  }

  /** the weights by place of POS_PAIR_SLOTS[which] for the pair of parts of speech numbered `first` and `second` */
  private posPairWeights(which: 0 | 1, first: number, second: number): Int32Array {
    const index = first * POS_TABLE + second;
    const inTable = first < POS_TABLE && second < POS_TABLE;
    const known = inTable ? this.posPairs[which]![index] : undefined;
    if (known) return known;
    const weights = new Int32Array(PLACES * L);
    for (let at = 1; at <= PLACES; at++)
      this.addRow(weights, (at - 1) * L, posPairFeature(POS_PAIR_SLOTS[which], at, this.posHashes[first]!, this.posHashes[second]!));
    if (inTable) this.posPairs[which]![index] = weights;
    return weights;
  }
}

/** a word's key for WordTable: a hash of its code units and its part of speech's number */
function wordKeyOf(norm: string, posId: number): number {
  let h = posId * 0x9e3779b1;
  for (let i = 0; i < norm.length; i++) h = fnvStep(h, norm.charCodeAt(i));
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

/**
 * The offsets of word types' entries by word and part of speech: open addressing over the words'
 * keys, each found word checked against the word itself. (A Map of Maps by string cost more than
 * the scores it saved: each lookup hashed a new string and chased its entries across the heap.)
 */
class WordTable {
  /** key, then index + 1 into the lists below (0: empty) */
  private slots = new Int32Array(1 << 17);
  private norms: string[] = [];
  private posIds: number[] = [];
  private offsets: number[] = [];

  get(key: number, norm: string, posId: number): number {
    const mask = (this.slots.length >>> 1) - 1;
    for (let s = key & mask; ; s = (s + 1) & mask) {
      const index = this.slots[s * 2 + 1]!;
      if (index === 0) return -1;
      const e = index - 1;
      if (this.slots[s * 2] === key && this.posIds[e] === posId && this.norms[e] === norm) return this.offsets[e]!;
    }
  }

  set(key: number, norm: string, posId: number, offset: number): void {
    if ((this.norms.length + 1) * 4 > this.slots.length) this.grow();
    this.norms.push(norm);
    this.posIds.push(posId);
    this.offsets.push(offset);
    this.place(key, this.norms.length);
  }

  clear(): void {
    this.slots.fill(0);
    this.norms = [];
    this.posIds = [];
    this.offsets = [];
  }

  private place(key: number, index: number): void {
    const mask = (this.slots.length >>> 1) - 1;
    let s = key & mask;
    while (this.slots[s * 2 + 1] !== 0) s = (s + 1) & mask;
    this.slots[s * 2] = key;
    this.slots[s * 2 + 1] = index;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.place(old[s]!, old[s + 1]!);
  }
}
