// An averaged structured perceptron for the entity model (Collins 2002): decode each training
// sentence with the current weights, and where the best sequence differs from the gold one, add the
// gold's features and subtract the prediction's. The weights kept are the average over every step,
// computed exactly with the usual trick (w − Σ c·Δ / c), which generalizes far better than the last.
// With `update: 'pa'` the step is passive-aggressive (PA-I, Crammer et al. 2006; 1-best MIRA): the
// same direction Δφ = φ(gold) − φ(predicted), scaled by τ = min(C, (cost + margin) / ‖Δφ‖²), where
// cost is the number of wrong labels and margin = score(predicted) − score(gold) ≥ 0: the smallest
// step that puts the gold sequence ahead of the prediction by its cost. Averaged as above.
import { LABEL_COUNT, START, viterbi } from '../../src/stages/entities/model/sequence-model.js';

/** a training sentence: features as dense ids (FEATURES_PER_CHAR a character, -1 for none) and gold labels */
export interface Example {
  features: Int32Array;
  labels: Uint8Array;
}

export interface TrainerOptions {
  /** 'perceptron' (a step of 1) or 'pa' (passive-aggressive, a step τ of at most C) */
  update?: 'perceptron' | 'pa';
  /** the largest PA step */
  C?: number;
}

export class PerceptronTrainer {
  readonly weights: Float64Array;
  private readonly sums: Float64Array;
  readonly transitions = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  private readonly transitionSums = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  /** steps taken, starting at 1 */
  private step = 1;

  constructor(
    readonly featureCount: number,
    private readonly perChar: number,
    private readonly options: TrainerOptions = {},
  ) {
    this.weights = new Float64Array(featureCount * LABEL_COUNT);
    this.sums = new Float64Array(featureCount * LABEL_COUNT);
  }

  decode(example: Example, weights: Float64Array = this.weights, transitions: Float64Array = this.transitions): Uint8Array {
    const L = LABEL_COUNT;
    const n = example.labels.length;
    const emissions = new Float64Array(n * L);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < this.perChar; k++) {
        const f = example.features[i * this.perChar + k]!;
        if (f < 0) continue;
        for (let y = 0; y < L; y++) emissions[i * L + y]! += weights[f * L + y]!;
      }
    }
    return viterbi(emissions, transitions, n);
  }

  /** one step on one sentence; whether the prediction was wrong */
  learn(example: Example): boolean {
    if (this.options.update === 'pa') return this.learnPassiveAggressive(example);
    const L = LABEL_COUNT;
    const gold = example.labels;
    const predicted = this.decode(example);
    let wrong = false;
    const c = this.step;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!;
      const p = predicted[i]!;
      if (g !== p) {
        wrong = true;
        for (let k = 0; k < this.perChar; k++) {
          const f = example.features[i * this.perChar + k]!;
          if (f < 0) continue;
          this.weights[f * L + g]! += 1;
          this.sums[f * L + g]! += c;
          this.weights[f * L + p]! -= 1;
          this.sums[f * L + p]! -= c;
        }
      }
      const gPrev = i === 0 ? START : gold[i - 1]!;
      const pPrev = i === 0 ? START : predicted[i - 1]!;
      if (gPrev !== pPrev || g !== p) {
        this.transitions[gPrev * L + g]! += 1;
        this.transitionSums[gPrev * L + g]! += c;
        this.transitions[pPrev * L + p]! -= 1;
        this.transitionSums[pPrev * L + p]! -= c;
      }
    }
    this.step++;
    return wrong;
  }

  /** one passive-aggressive step on one sentence; whether the prediction was wrong */
  private learnPassiveAggressive(example: Example): boolean {
    const L = LABEL_COUNT;
    const gold = example.labels;
    const predicted = this.decode(example);
    // Δφ as sparse coefficients: the same feature may occur twice in a character, or in several
    // wrong characters, and transitions of the two sequences cancel where they agree
    const delta = new Map<number, number>();
    const transitionDelta = new Float64Array(this.transitions.length);
    let cost = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!;
      const p = predicted[i]!;
      if (g !== p) {
        cost++;
        for (let k = 0; k < this.perChar; k++) {
          const f = example.features[i * this.perChar + k]!;
          if (f < 0) continue;
          delta.set(f * L + g, (delta.get(f * L + g) ?? 0) + 1);
          delta.set(f * L + p, (delta.get(f * L + p) ?? 0) - 1);
        }
      }
      const gPrev = i === 0 ? START : gold[i - 1]!;
      const pPrev = i === 0 ? START : predicted[i - 1]!;
      transitionDelta[gPrev * L + g]! += 1;
      transitionDelta[pPrev * L + p]! -= 1;
    }
    if (cost === 0) {
      this.step++;
      return false;
    }
    // w·Δφ = score(gold) − score(predicted) = −margin, and ‖Δφ‖²
    let gain = 0;
    let norm = 0;
    for (const [index, d] of delta) {
      if (d === 0) continue;
      gain += this.weights[index]! * d;
      norm += d * d;
    }
    for (let index = 0; index < transitionDelta.length; index++) {
      const d = transitionDelta[index]!;
      if (d === 0) continue;
      gain += this.transitions[index]! * d;
      norm += d * d;
    }
    const loss = cost - gain;
    const tau = norm === 0 || loss <= 0 ? 0 : Math.min(this.options.C ?? 1, loss / norm);
    if (tau > 0) {
      const c = this.step;
      for (const [index, d] of delta) {
        if (d === 0) continue;
        this.weights[index]! += tau * d;
        this.sums[index]! += c * tau * d;
      }
      for (let index = 0; index < transitionDelta.length; index++) {
        const d = transitionDelta[index]!;
        if (d === 0) continue;
        this.transitions[index]! += tau * d;
        this.transitionSums[index]! += c * tau * d;
      }
    }
    this.step++;
    return true;
  }

  /** the averaged weights and transitions */
  averaged(): { weights: Float64Array; transitions: Float64Array } {
    const average = (w: Float64Array, sums: Float64Array) => w.map((x, i) => x - sums[i]! / this.step);
    return { weights: average(this.weights, this.sums), transitions: average(this.transitions, this.transitionSums) };
  }
}

/** a seeded generator of numbers in [0, 1) (mulberry32): the same order of sentences every run */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
