// Bursts of an entity's mentions against its own recent baseline.
//
// Method: periods are taken in code-unit order of their labels (ISO dates, 2024-03, 2024-W09 sort
// chronologically). For a target period p, the baseline is the last `window` periods before p that
// have tokens (default 7); periods with zero tokens are never targets and never baseline periods.
// Near the start the baseline is shorter, but p is scored only with at least `minBaselinePeriods`
// (default 1) baseline periods. Then
//   baseline rate = (baseline mentions + 0.5) / baseline tokens
//   expected      = baseline rate × tokens of p
//   z             = (mentions − expected) / √expected        (a Poisson z-score)
// The +0.5 keeps the expectation above zero for an entity never seen in the baseline, so its first
// mentions get a large but finite z. A period bursts when z ≥ `minZ` (default 3) and mentions ≥
// `minMentions` (default 5), the second so that 2 mentions after silence are not news.
import { compareCodeUnits } from '../text/compare.js';

export interface PeriodMentions {
  /** a label that sorts chronologically, e.g. 2024-03-01 */
  period: string;
  /** all tokens in the period: the exposure the mentions are measured against */
  tokens: number;
  /** mentions of the entity in the period */
  mentions: number;
}

export interface BurstOptions {
  window?: number;
  minBaselinePeriods?: number;
  minZ?: number;
  minMentions?: number;
}

export interface BurstRow {
  period: string;
  mentions: number;
  expected: number;
  baselinePeriods: number;
  baselineMentions: number;
  baselineTokens: number;
  periodTokens: number;
  z: number;
}

const DEFAULTS = { window: 7, minBaselinePeriods: 1, minZ: 3, minMentions: 5 };

function checkOptions(options: BurstOptions): Required<BurstOptions> {
  // explicit undefined means the default too, which a spread would not give
  const resolved = {
    window: options.window ?? DEFAULTS.window,
    minBaselinePeriods: options.minBaselinePeriods ?? DEFAULTS.minBaselinePeriods,
    minZ: options.minZ ?? DEFAULTS.minZ,
    minMentions: options.minMentions ?? DEFAULTS.minMentions,
  };
  if (!Number.isInteger(resolved.window) || resolved.window < 1) throw new RangeError(`bursts: window must be an integer ≥ 1, got ${resolved.window}`);
  if (!Number.isInteger(resolved.minBaselinePeriods) || resolved.minBaselinePeriods < 1 || resolved.minBaselinePeriods > resolved.window) {
    throw new RangeError(`bursts: minBaselinePeriods must be an integer from 1 to window (${resolved.window}), got ${resolved.minBaselinePeriods}`);
  }
  if (!Number.isFinite(resolved.minZ)) throw new RangeError(`bursts: minZ must be a finite number, got ${resolved.minZ}`);
  if (!Number.isFinite(resolved.minMentions)) throw new RangeError(`bursts: minMentions must be a finite number, got ${resolved.minMentions}`);
  return resolved;
}

function sortedSeries(series: readonly PeriodMentions[]): PeriodMentions[] {
  for (const p of series) {
    if (!Number.isFinite(p.tokens) || p.tokens < 0) throw new RangeError(`bursts: tokens of ${p.period} must be a finite number ≥ 0, got ${p.tokens}`);
    if (!Number.isFinite(p.mentions) || p.mentions < 0) throw new RangeError(`bursts: mentions of ${p.period} must be a finite number ≥ 0, got ${p.mentions}`);
  }
  const sorted = [...series].sort((x, y) => compareCodeUnits(x.period, y.period));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.period === sorted[i - 1]!.period) throw new RangeError(`bursts: period ${sorted[i]!.period} appears twice`);
  }
  return sorted;
}

/** every period that can be scored (has tokens and enough baseline), burst or not, in period order */
export function periodScoresOf(series: readonly PeriodMentions[], options: BurstOptions = {}): BurstRow[] {
  const { window, minBaselinePeriods } = checkOptions(options);
  const withTokens = sortedSeries(series).filter((p) => p.tokens > 0);
  const rows: BurstRow[] = [];
  for (let i = 0; i < withTokens.length; i++) {
    const target = withTokens[i]!;
    const baseline = withTokens.slice(Math.max(0, i - window), i);
    if (baseline.length < minBaselinePeriods) continue;
    let baselineMentions = 0;
    let baselineTokens = 0;
    for (const p of baseline) {
      baselineMentions += p.mentions;
      baselineTokens += p.tokens;
    }
    const expected = ((baselineMentions + 0.5) / baselineTokens) * target.tokens;
    rows.push({
      period: target.period,
      mentions: target.mentions,
      expected,
      baselinePeriods: baseline.length,
      baselineMentions,
      baselineTokens,
      periodTokens: target.tokens,
      z: (target.mentions - expected) / Math.sqrt(expected),
    });
  }
  return rows;
}

/** the periods that burst: z ≥ minZ and mentions ≥ minMentions, in period order */
export function burstsOf(series: readonly PeriodMentions[], options: BurstOptions = {}): BurstRow[] {
  const { minZ, minMentions } = checkOptions(options);
  return periodScoresOf(series, options).filter((row) => row.z >= minZ && row.mentions >= minMentions);
}
