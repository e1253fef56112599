// The scores of the character n-gram templates (features.ts: NGRAM_SLOTS) an n-gram at a time. Each
// character of a text is a feature of five characters (at five places around them), each bigram of
// four and each trigram of three; the weights of one n-gram at every place sit together, so one read
// an n-gram serves them all, where a lookup a feature took twelve a character: characters from a
// table by code unit made once from the model, bigrams and trigrams from the model's own table of
// n-grams, one line of the processor's cache each (SequenceModel.ngramEntry).

import { bigramFeature, codeAt, trigramFeature, unigramFeature } from './features.js';
import { LABEL_COUNT, type SequenceModel } from './sequence-model.js';

const L = LABEL_COUNT;
/** places of a character around the one scored: −2 … +2 */
const CHAR_PLACES = 5;

export class NgramScores {
  /** by code unit: its weights at each place (CHAR_PLACES × LABEL_COUNT) */
  private readonly chars: Int16Array;

  constructor(private readonly model: SequenceModel) {
    const w = model.weights;
    this.chars = new Int16Array(0x10000 * CHAR_PLACES * L);
    for (let c = 0; c < 0x10000; c++) {
      for (let place = 0; place < CHAR_PLACES; place++) {
        const row = model.row(unigramFeature(place, c));
        if (row >= 0) this.chars.set(w.subarray(row * L, (row + 1) * L), (c * CHAR_PLACES + place) * L);
      }
    }
  }

  /** adds the n-gram templates' scores of each character of `text` to `scores` (LABEL_COUNT a character) */
  addTo(text: string, scores: Int32Array): void {
    const n = text.length;
    const model = this.model;
    const add = (weights: Int16Array, entry: number, place: number, i: number) => {
      if (i < 0 || i >= n) return;
      const o = i * L;
      const from = entry + place * L;
      for (let y = 0; y < L; y++) scores[o + y]! += weights[from + y]!;
    };
    // the characters at −2 … +2 of each character
    const chars = this.chars;
    for (let i = 0; i < n; i++) {
      const o = i * L;
      for (let place = 0; place < CHAR_PLACES; place++) {
        const from = (codeAt(text, i + place - 2) * CHAR_PLACES + place) * L;
        for (let y = 0; y < L; y++) scores[o + y]! += chars[from + y]!;
      }
    }
    const w = model.ngramWeights;
    // the bigram starting at j is at place 0 (−2, −1) of character j + 2, … place 3 (+1, +2) of j − 1
    for (let j = -2; j <= n; j++) {
      const entry = model.ngramEntry(bigramFeature(0, codeAt(text, j), codeAt(text, j + 1)) >>> 2);
      if (entry < 0) continue;
      for (let place = 0; place < 4; place++) add(w, entry, place, j + 2 - place);
    }
    // the trigram starting at j is at place 0 (−2…0) of character j + 2, … place 2 (0…+2) of j
    for (let j = -2; j < n; j++) {
      const entry = model.ngramEntry(trigramFeature(0, codeAt(text, j), codeAt(text, j + 1), codeAt(text, j + 2)) >>> 2);
      if (entry < 0) continue;
      for (let place = 0; place < 3; place++) add(w, entry, place, j + 2 - place);
    }
  }
}
