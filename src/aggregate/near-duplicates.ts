// Near-duplicate (syndicated copy) detection: the same wire story published by several outlets,
// with small edits (another headline, a credit line, a trimmed last paragraph), in either script.
// Works on the normalized text, which is simplified and half-width, so a traditional copy of a
// simplified story looks the same here. A document's signature is a MinHash over character
// shingles; a detector fed documents in input order finds candidates by LSH banding and confirms
// them by the estimated Jaccard similarity. Everything is deterministic: fixed hash seeds, no
// randomness, ties broken by input order.
import { FNV_OFFSET, fmix32, fnvStep } from '../text/hash.js';

/** characters per shingle: 5 Han characters are about two or three words, rarely shared by chance */
export const SHINGLE_LENGTH = 5;
/**
 * MinHash slots. The standard error of the estimate is √(J(1−J)/slots): ±0.035 at J = 0.8 with 128,
 * ±0.05 with 64, where the corpus has copies all along 0.7–0.9; a signature costs 0.3 ms a post.
 */
export const SIGNATURE_SIZE = 128;
/** fewer distinct shingles than this (about 55 characters of text) is too short to call a copy */
export const MIN_SHINGLES = 50;
/**
 * Estimated Jaccard similarity at or above which a document is a copy. On the shared corpus the
 * best similarities of the posts form no gap: from 0.5 to 0.8 lie heavier rewrites of one wire
 * story (an outlet's cut of another's copy, Taiwanese wording made mainland), and the pairs of
 * different stories there are templated daily reports (Reuters' yuan fixing, exact 0.67–0.69).
 * 0.8 stays three standard errors above those; copies with small edits measure 0.85 and more.
 * See bench/near-duplicates.ts.
 */
export const DEFAULT_THRESHOLD = 0.8;
/** LSH bands of SIGNATURE_SIZE / DEFAULT_BANDS rows: 32 × 4 finds a pair at J = 0.6 with p ≈ 0.99 */
export const DEFAULT_BANDS = 32;

/** A compact signature of a document's normalized text. */
export interface TextSignature {
  /** for each of the SIGNATURE_SIZE hash functions, its minimum over the text's shingles */
  readonly minHashes: Uint32Array;
  /** distinct shingles in the text */
  readonly shingles: number;
}

export interface CopyMatch {
  /** the original of the group: its first document in input order */
  copyOf: string;
  /** estimated Jaccard similarity with the group's member that is most like this document */
  similarity: number;
}

export interface CopyDetectorOptions {
  /** estimated Jaccard similarity, in (0, 1], at or above which a document is a copy */
  threshold?: number;
  /** LSH bands; must divide SIGNATURE_SIZE */
  bands?: number;
}

export interface CopyDetector {
  /** the next document in input order: a copy of an earlier one, or undefined (then an original) */
  add(docId: string, signature: TextSignature | undefined): CopyMatch | undefined;
}

/** only Han characters, Latin letters and digits count: punctuation and spacing edits do not */
const NOT_KEPT = /[^\p{Script=Han}\p{Script=Latin}0-9]/gu;

/**
 * Signature of a document from the `norm` of its blocks, or undefined when it has fewer than
 * MIN_SHINGLES distinct shingles. The blocks are read as one run of text, so shingles span block
 * breaks (a paragraph split differently is then still the same text).
 */
export function signatureOf(normalizedBlocks: string[]): TextSignature | undefined {
  const codePoints: number[] = [];
  for (const block of normalizedBlocks) {
    for (const ch of block.toLowerCase().replace(NOT_KEPT, '')) codePoints.push(ch.codePointAt(0)!);
  }
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE_LENGTH <= codePoints.length; i++) shingles.add(shingleHash(codePoints, i));
  if (shingles.size < MIN_SHINGLES) return undefined;

  // compared as signed 32-bit integers: a minimum in that order serves as well, and stays in
  // V8's small integers (values ≥ 2³¹ as unsigned would be boxed numbers, several times slower)
  const distinct = Int32Array.from(shingles);
  const minima = new Int32Array(SIGNATURE_SIZE);
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    const seed = SEEDS[k]!;
    let min = 0x7fffffff;
    for (let i = 0; i < distinct.length; i++) {
      const h = fmix32(distinct[i]! ^ seed);
      if (h < min) min = h;
    }
    minima[k] = min;
  }
  const minHashes = new Uint32Array(minima.buffer);
  return { minHashes, shingles: shingles.size };
}

/** Estimated Jaccard similarity of the two texts' shingle sets: the share of equal MinHash slots. */
export function estimatedSimilarity(a: TextSignature, b: TextSignature): number {
  return equalSlots(a.minHashes, b.minHashes) / SIGNATURE_SIZE;
}

/**
 * A detector fed documents one at a time in input order. A copy points at the original of its
 * group (the group's first document), never at another copy, so A ← B ← C collapses to A ← B, A ← C.
 * Among earlier documents at or above the threshold the most similar wins, ties by the earlier one.
 * Documents without a signature are neither copies nor originals. Ids must be unique.
 */
export function createCopyDetector(options: CopyDetectorOptions = {}): CopyDetector {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const bands = options.bands ?? DEFAULT_BANDS;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  if (!Number.isInteger(bands) || bands < 1 || SIGNATURE_SIZE % bands !== 0) {
    throw new RangeError(`bands must be a whole divisor of ${SIGNATURE_SIZE}, got ${bands}`);
  }
  const rows = SIGNATURE_SIZE / bands;
  // equal slots needed, as a count: no rounding of threshold × size on the way
  const needed = Math.ceil(threshold * SIGNATURE_SIZE - 1e-9);

  // documents by input position: their signature (SIGNATURE_SIZE slots each) and the position of
  // their group's original; typed arrays, since the index lives as long as the run (about a
  // kilobyte a document, where arrays in Maps took more than two)
  let signatures = new Uint32Array(1024 * SIGNATURE_SIZE);
  let originals = new Int32Array(1024);
  const ids: string[] = [];
  const seen = new Set<string>();
  // for each band, the positions of the documents whose rows in that band hash to the same key: a
  // table from (band, key) to the latest such position, and for each position and band the one before
  const table = new BandTable();
  let previous = new Int32Array(1024 * bands);

  return {
    add(docId, signature) {
      if (seen.has(docId)) throw new Error(`document id added twice: ${docId}`);
      seen.add(docId);
      if (signature === undefined) return undefined;
      const minHashes = signature.minHashes;
      if (minHashes.length !== SIGNATURE_SIZE) throw new RangeError(`signature of ${minHashes.length} slots, not ${SIGNATURE_SIZE}`);
      const position = ids.length;
      const keys = bandKeys(minHashes, bands, rows);

      const candidates = new Set<number>();
      keys.forEach((key, band) => {
        for (let p = table.latest(band, key); p >= 0; p = previous[p * bands + band]!) candidates.add(p);
      });
      // the most similar earlier document, ties by the earlier: candidates are visited in input order
      let best = -1;
      let bestSlots = needed - 1;
      for (const p of [...candidates].sort((x, y) => x - y)) {
        const slots = equalSlots(minHashes, signatures.subarray(p * SIGNATURE_SIZE, (p + 1) * SIGNATURE_SIZE));
        if (slots > bestSlots) {
          best = p;
          bestSlots = slots;
        }
      }

      if (position === originals.length) {
        signatures = grown(signatures);
        originals = grown(originals);
        previous = grown(previous);
      }
      signatures.set(minHashes, position * SIGNATURE_SIZE);
      ids.push(docId);
      originals[position] = best < 0 ? position : originals[best]!;
      keys.forEach((key, band) => {
        previous[position * bands + band] = table.latest(band, key);
        table.set(band, key, position);
      });
      return best < 0 ? undefined : { copyOf: ids[originals[best]!]!, similarity: bestSlots / SIGNATURE_SIZE };
    },
  };
}

/** a typed array twice as long, with the same values at the start */
function grown<T extends Uint32Array | Int32Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}

/** An open-addressing hash table from (band, 32-bit key) to a position (−1 when there is none). */
class BandTable {
  private bands = new Int32Array(1 << 16).fill(-1);
  private keys = new Int32Array(1 << 16);
  private positions = new Int32Array(1 << 16);
  private size = 0;

  latest(band: number, key: number): number {
    const slot = this.find(band, key);
    return this.bands[slot] === -1 ? -1 : this.positions[slot]!;
  }

  set(band: number, key: number, position: number): void {
    let slot = this.find(band, key);
    if (this.bands[slot] === -1) {
      if ((this.size + 1) * 4 > this.bands.length * 3) {
        this.grow();
        slot = this.find(band, key);
      }
      this.size++;
      this.bands[slot] = band;
      this.keys[slot] = key;
    }
    this.positions[slot] = position;
  }

  private find(band: number, key: number): number {
    const mask = this.bands.length - 1;
    let slot = fmix32(key ^ Math.imul(band + 1, 0x9e3779b9)) & mask;
    while (this.bands[slot] !== -1 && (this.bands[slot] !== band || this.keys[slot] !== key)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const [bands, keys, positions] = [this.bands, this.keys, this.positions];
    this.bands = new Int32Array(bands.length * 2).fill(-1);
    this.keys = new Int32Array(keys.length * 2);
    this.positions = new Int32Array(positions.length * 2);
    for (let slot = 0; slot < bands.length; slot++) {
      if (bands[slot] === -1) continue;
      const to = this.find(bands[slot]!, keys[slot]!);
      this.bands[to] = bands[slot]!;
      this.keys[to] = keys[slot]!;
      this.positions[to] = positions[slot]!;
    }
  }
}

function equalSlots(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signatures of ${a.length} and ${b.length} slots`);
  let equal = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) equal++;
  return equal;
}

/** one number per band: a hash of its rows (a collision only adds a candidate, which is then checked) */
function bandKeys(minHashes: Uint32Array, bands: number, rows: number): number[] {
  const keys: number[] = [];
  for (let band = 0; band < bands; band++) {
    let h = FNV_OFFSET;
    for (let r = band * rows; r < (band + 1) * rows; r++) h = fmix32(fnvStep(h, minHashes[r]!));
    keys.push(h);
  }
  return keys;
}

/** 32-bit FNV-1a over the shingle's code points (one step per code point), finished by fmix32 */
function shingleHash(codePoints: number[], start: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < start + SHINGLE_LENGTH; i++) h = fnvStep(h, codePoints[i]!);
  return fmix32(h);
}

/**
 * The fixed seeds of the hash functions: fmix32(seed ^ shingle) is a different permutation of the
 * 32-bit hashes for each seed. Drawn from SplitMix32's increment sequence, so they are well apart.
 */
const SEEDS: Int32Array = Int32Array.from({ length: SIGNATURE_SIZE }, (_, k) => fmix32(Math.imul(k + 1, 0x9e3779b9)));
