// Span-exact precision, recall and F1: a predicted span counts only when its type, start and end all
// equal a gold span's.
import type { Span } from './bio.js';

export interface Score {
  type: string;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(type: string, gold: number, predicted: number, correct: number): Score {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { type, gold, predicted, correct, precision, recall, f1 };
}

/** per type (sorted) and overall, micro-averaged over sentences */
export function scoreSpans(gold: Span[][], predicted: Span[][]): { byType: Score[]; overall: Score } {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const bucket = (type: string) => {
    let c = counts.get(type);
    if (!c) {
      c = { gold: 0, predicted: 0, correct: 0 };
      counts.set(type, c);
    }
    return c;
  };
  gold.forEach((goldSpans, i) => {
    const predSpans = predicted[i] ?? [];
    const goldKeys = new Set(goldSpans.map((s) => `${s.type}:${s.start}:${s.end}`));
    for (const s of goldSpans) bucket(s.type).gold++;
    for (const s of predSpans) {
      bucket(s.type).predicted++;
      if (goldKeys.has(`${s.type}:${s.start}:${s.end}`)) bucket(s.type).correct++;
    }
  });
  const byType = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([type, c]) => score(type, c.gold, c.predicted, c.correct));
  const total = byType.reduce((t, s) => ({ gold: t.gold + s.gold, predicted: t.predicted + s.predicted, correct: t.correct + s.correct }), {
    gold: 0,
    predicted: 0,
    correct: 0,
  });
  return { byType, overall: score('overall', total.gold, total.predicted, total.correct) };
}
