// A linear-chain model over characters: a weight per feature and label, a weight per pair of adjacent
// labels, and the best label sequence found by Viterbi under BIO's rule (I-X only after B-X or I-X).
// Trained by tools/train-ner.ts (an averaged structured perceptron); stored as the feature hashes, their
// weights quantized to 16 bits, and the transition weights.
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FEATURES_PER_CHAR, NGRAM_FLAG } from './features.js';

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_COUNT = LABELS.length;
/**
 * the model file's format, and of its feature keys: a model of another version has other keys
 * (2: the n-gram keys of features.ts, NGRAM_FLAG), and would tag nonsense without a word
 */
const MODEL_FORMAT = 'zhtext-ner-2';
/** the row of transitions from the start of the text */
export const START = LABEL_COUNT;

/** features in the small table: 32,768 rows of weights and their slots, about 1.4 MB */
const HOT_ROWS = 1 << 15;
/** the filter before the large table: 2^22 bits (512 KiB) */
const FILTER_LOG2 = 22;
const slotOf = (key: number) => Math.imul(key, 0x9e3779b1) >>> 0;
const filterBitOf = (key: number) => Math.imul(key ^ (key >>> 15), 0x85ebca6b) >>> (32 - FILTER_LOG2);

/** whether label `to` may follow label `from` (or START) */
export function allowed(from: number, to: number): boolean {
  const label = LABELS[to]!;
  if (!label.startsWith('I-')) return true;
  if (from === START) return false;
  const prev = LABELS[from]!;
  return prev !== 'O' && prev.slice(2) === label.slice(2);
}

/**
 * Scores of labels for feature hashes. Rows come most frequent first (the trainer orders them by how
 * often each feature was seen), and lookups are what tagging costs: a few dozen a character, most of
 * them misses in the processor's caches when every feature sits in one large table. So the first
 * HOT_ROWS features have a small table of their own, which stays in the caches; the rest a large one,
 * behind a bit filter that turns away most features the model does not hold without touching it.
 */
export class SequenceModel {
  /** [key, row] pairs in open addressing, for the most frequent features */
  private readonly hot: Uint32Array;
  private readonly hotMask: number;
  /** the same for the rest */
  private readonly cold: Uint32Array;
  private readonly coldMask: number;
  /** the cold keys, as bits of a second hash */
  private readonly coldFilter: Uint32Array;
  /**
   * The character n-grams (features.ts, NGRAM_FLAG), an n-gram a slot of 64 bytes, one line of the
   * processor's cache: its key (the feature key without the place bits) in the first 32-bit word,
   * then the weights at each of four places (7 × 16 bits each) from the third 16-bit word.
   */
  private readonly ngrams: Int32Array;
  /** the same memory as 16-bit weights */
  readonly ngramWeights: Int16Array;
  private readonly ngramMask: number;
  constructor(
    /** one key a row, most frequent first */
    readonly keys: Uint32Array,
    /** keys.length × LABEL_COUNT weights in units of `scale`: scores are summed as integers, exactly */
    readonly weights: Int16Array,
    readonly scale: number,
    /** (LABEL_COUNT + 1) × LABEL_COUNT: from START or a label, to a label */
    readonly transitions: Float32Array,
    readonly info: Record<string, unknown> = {},
  ) {
    const sizeFor = (count: number) => {
      let size = 2;
      while (size < count * 2) size <<= 1;
      return size;
    };
    // the most frequent features but the n-grams in the small table (tagging reads n-grams by
    // ngramEntry, not by row), every other in the large one
    const hotRows: number[] = [];
    const coldRows: number[] = [];
    for (let row = 0; row < keys.length; row++) (hotRows.length < HOT_ROWS && (keys[row]! & NGRAM_FLAG) === 0 ? hotRows : coldRows).push(row);
    const hotSize = sizeFor(hotRows.length);
    const coldSize = sizeFor(coldRows.length);
    this.hot = new Uint32Array(hotSize * 2);
    this.hotMask = hotSize - 1;
    this.cold = new Uint32Array(coldSize * 2);
    this.coldMask = coldSize - 1;
    this.coldFilter = new Uint32Array((1 << FILTER_LOG2) >>> 5);
    const insert = (table: Uint32Array, mask: number, key: number, row: number) => {
      let s = slotOf(key) & mask;
      while (table[s * 2] !== 0) s = (s + 1) & mask;
      table[s * 2] = key;
      table[s * 2 + 1] = row;
    };
    for (const row of hotRows) insert(this.hot, this.hotMask, keys[row]!, row);
    for (const row of coldRows) {
      const key = keys[row]!;
      insert(this.cold, this.coldMask, key, row);
      const bit = filterBitOf(key);
      this.coldFilter[bit >>> 5]! |= 1 << (bit & 31);
    }
    // the n-grams, each with its weights at every place
    const ngramKeys = new Set<number>();
    for (const key of keys) if ((key & NGRAM_FLAG) !== 0) ngramKeys.add(key >>> 2);
    const ngramSize = sizeFor(ngramKeys.size);
    this.ngrams = new Int32Array(ngramSize * 16);
    this.ngramWeights = new Int16Array(this.ngrams.buffer);
    this.ngramMask = ngramSize - 1;
    for (let row = 0; row < keys.length; row++) {
      const key = keys[row]!;
      if ((key & NGRAM_FLAG) === 0) continue;
      const entry = this.ngramSlot(key >>> 2, true);
      for (let y = 0; y < LABEL_COUNT; y++) this.ngramWeights[entry * 32 + 2 + (key & 3) * LABEL_COUNT + y] = weights[row * LABEL_COUNT + y]!;
    }
  }

  /** the slot of an n-gram's key (the feature key >>> 2), or −1; `add` to take an empty slot for it */
  private ngramSlot(key: number, add = false): number {
    const table = this.ngrams;
    let s = slotOf(key) & this.ngramMask;
    for (;;) {
      const k = table[s * 16]!;
      if (k === key) return s;
      if (k === 0) {
        if (!add) return -1;
        table[s * 16] = key;
        return s;
      }
      s = (s + 1) & this.ngramMask;
    }
  }

  /**
   * where the weights of an n-gram start in ngramWeights (those at place p at + p × LABEL_COUNT),
   * or −1 when the model has none; `key` is the feature key of any place, >>> 2
   */
  ngramEntry(key: number): number {
    const s = this.ngramSlot(key);
    return s < 0 ? -1 : s * 32 + 2;
  }

  /** a model from weights as trained, rounded to 16 bits (the largest weight is 32767 units) */
  static quantize(keys: Uint32Array, weights: Float32Array | Float64Array, transitions: Float32Array, info: Record<string, unknown> = {}): SequenceModel {
    let max = 0;
    for (const w of weights) max = Math.max(max, Math.abs(w));
    const scale = max === 0 ? 1 : max / 32767;
    return new SequenceModel(
      keys,
      Int16Array.from(weights, (w) => Math.round(w / scale)),
      scale,
      transitions,
      info,
    );
  }

  get featureCount(): number {
    return this.keys.length;
  }

  /** the weight row of a feature hash, or -1 */
  row(key: number): number {
    const hot = this.hot;
    let s = slotOf(key) & this.hotMask;
    for (;;) {
      const k = hot[s * 2]!;
      if (k === key) return hot[s * 2 + 1]!;
      if (k === 0) break;
      s = (s + 1) & this.hotMask;
    }
    const bit = filterBitOf(key);
    if ((this.coldFilter[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const cold = this.cold;
    s = slotOf(key) & this.coldMask;
    for (;;) {
      const k = cold[s * 2]!;
      if (k === key) return cold[s * 2 + 1]!;
      if (k === 0) return -1;
      s = (s + 1) & this.coldMask;
    }
  }

  /**
   * The label scores of `n` characters from their features (FEATURES_PER_CHAR a character): a hash,
   * or −(row + 1) for a row of `dense` (features.ts, DenseRows), or 0 for none; in units of `scale`,
   * added to what `into` holds (LABEL_COUNT a character).
   */
  scoresOf(features: Int32Array, n: number, into: Int32Array, dense?: Int16Array): Int32Array {
    const K = FEATURES_PER_CHAR;
    const w = this.weights;
    const d = dense ?? this.weights;
    for (let i = 0; i < n; i++) {
      // the seven label scores in locals, written once a character (LABEL_COUNT is 7)
      const o = i * 7;
      let e0 = into[o]!;
      let e1 = into[o + 1]!;
      let e2 = into[o + 2]!;
      let e3 = into[o + 3]!;
      let e4 = into[o + 4]!;
      let e5 = into[o + 5]!;
      let e6 = into[o + 6]!;
      for (let k = i * K, end = k + K; k < end; k++) {
        const key = features[k]!;
        if (key === 0) continue;
        // (a row of the dense tables, or of the model)
        const table = key < 0 ? d : w;
        const row = key < 0 ? -key - 1 : this.row(key);
        if (row < 0) continue;
        const r = row * 7;
        e0 += table[r]!;
        e1 += table[r + 1]!;
        e2 += table[r + 2]!;
        e3 += table[r + 3]!;
        e4 += table[r + 4]!;
        e5 += table[r + 5]!;
        e6 += table[r + 6]!;
      }
      into[o] = e0;
      into[o + 1] = e1;
      into[o + 2] = e2;
      into[o + 3] = e3;
      into[o + 4] = e4;
      into[o + 5] = e5;
      into[o + 6] = e6;
    }
    return into;
  }

  /** the best labels of `n` characters from their scores (scoresOf) */
  labelsOf(scores: Int32Array, n: number): Uint8Array {
    const emissions = new Float64Array(n * LABEL_COUNT);
    for (let i = 0; i < n * LABEL_COUNT; i++) emissions[i] = scores[i]! * this.scale;
    return viterbi(emissions, this.transitions, n);
  }

  /** the best labels of `n` characters from their features alone */
  decode(features: Int32Array, n: number): Uint8Array {
    return this.labelsOf(this.scoresOf(features, n, new Int32Array(n * LABEL_COUNT)), n);
  }

  /** the model file: gzip of a JSON header line, then keys, 16-bit weights and float transitions, rows in order */
  serialize(): Buffer {
    const keyBytes = Uint32Array.from(this.keys);
    const weightBytes = Int16Array.from(this.weights);
    const header = Buffer.from(`${JSON.stringify({ format: MODEL_FORMAT, labels: LABELS, features: this.featureCount, scale: this.scale, ...this.info })}\n`);
    return gzipSync(
      Buffer.concat([header, Buffer.from(keyBytes.buffer), Buffer.from(weightBytes.buffer), Buffer.from(new Float32Array(this.transitions).buffer)]),
      { level: 9 },
    );
  }

  static parse(bytes: Buffer, source = 'model file'): SequenceModel {
    const raw = gunzipSync(bytes);
    const newline = raw.indexOf(10);
    const header = JSON.parse(raw.subarray(0, newline).toString('utf8')) as { format: string; labels: string[]; features: number; scale: number };
    if (header.format !== MODEL_FORMAT || header.labels.join() !== LABELS.join()) throw new Error(`${source}: not a zhtext entity model of this version`);
    const L = LABEL_COUNT;
    const rows = header.features;
    const body = raw.subarray(newline + 1);
    const expected = rows * 4 + rows * L * 2 + (L + 1) * L * 4;
    if (body.length !== expected) throw new Error(`${source}: expected ${expected} bytes of weights, found ${body.length}`);
    // copy into aligned arrays: the body starts at any offset
    const copy = (from: number, length: number) => new Uint8Array(body.subarray(from, from + length)).buffer;
    const keys = new Uint32Array(copy(0, rows * 4));
    const quantized = new Int16Array(copy(rows * 4, rows * L * 2));
    const transitions = new Float32Array(copy(rows * 4 + rows * L * 2, (L + 1) * L * 4));
    const { format: _f, labels: _l, features: _n, scale: _s, ...info } = header;
    return new SequenceModel(keys, quantized, header.scale, transitions, info);
  }

  static load(file: string): SequenceModel {
    return SequenceModel.parse(readFileSync(file), file);
  }
}

/** the best allowed label sequence for per-character label scores and transition weights */
export function viterbi(emissions: Float32Array | Float64Array, transitions: Float32Array | Float64Array, n: number): Uint8Array {
  const L = LABEL_COUNT;
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  const back = new Uint8Array(n * L);
  // the best score of a sequence ending in each label, for the character before and this one
  let previous = new Float64Array(L);
  let current = new Float64Array(L);
  for (let y = 0; y < L; y++) previous[y] = allowed(START, y) ? emissions[y]! + transitions[START * L + y]! : Number.NEGATIVE_INFINITY;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      // each label's allowed predecessors, in order (PREDECESSORS): the first best is kept
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let k = PREDECESSOR_START[y]!, end = PREDECESSOR_START[y + 1]!; k < end; k++) {
        const p = PREDECESSORS[k]!;
        const s = previous[p]! + transitions[p * L + y]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      current[y] = best + emissions[i * L + y]!;
      back[i * L + y] = arg;
    }
    [previous, current] = [current, previous];
  }
  let last = 0;
  for (let y = 1; y < L; y++) if (previous[y]! > previous[last]!) last = y;
  labels[n - 1] = last;
  for (let i = n - 1; i > 0; i--) labels[i - 1] = back[i * L + labels[i]!]!;
  return labels;
}

/** the labels each label may follow, in order, all together; PREDECESSOR_START[y] where those of y begin */
const PREDECESSORS: number[] = [];
const PREDECESSOR_START: number[] = [];
for (let y = 0; y < LABEL_COUNT; y++) {
  PREDECESSOR_START.push(PREDECESSORS.length);
  for (let p = 0; p < LABEL_COUNT; p++) if (allowed(p, y)) PREDECESSORS.push(p);
}
PREDECESSOR_START.push(PREDECESSORS.length);

/** entity spans of a label sequence: type PER, LOC or ORG, start, end (exclusive) */
export function spansOfLabels(labels: Uint8Array): { type: 'PER' | 'LOC' | 'ORG'; start: number; end: number }[] {
  const spans: { type: 'PER' | 'LOC' | 'ORG'; start: number; end: number }[] = [];
  for (let i = 0; i < labels.length; i++) {
    const label = LABELS[labels[i]!]!;
    if (!label.startsWith('B-')) continue;
    let end = i + 1;
    while (end < labels.length && labels[end] === labels[i]! + 1) end++;
    spans.push({ type: label.slice(2) as 'PER' | 'LOC' | 'ORG', start: i, end });
  }
  return spans;
}
