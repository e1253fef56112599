// `zhtext compare`: what distinguishes one period (or range of days) from another: keyness of terms
// and entities, and the difference between their entity co-occurrence networks. Without --a and
// --b, each period (--by) is compared with all the others together, and each period's network with
// the one before it.
import { emptyTally, mergeTally, type Tally, tallyWithout } from '../aggregate/tally.js';
import { type Comparison, keynessCsv, networkDiffCsv } from '../export/comparison.js';
import { comparisonReport } from '../export/comparison-report.js';
import { compareConfig, type RawOptions, type Side } from '../options.js';
import { inRange, type PeriodUnit, periodOf } from '../text/periods.js';
import { prepareRun, type RunHooks, runCorpus, writeRun } from './runner.js';

/** what `runCompare` takes: the command line's options in camelCase (inputs, out, a, b, minCount …) */
export type CompareOptions = RawOptions;

export interface CompareSummary {
  files: number;
  analysed: number;
  failed: number;
  comparisons: Comparison[];
  written: string[];
}

/** Runs a comparison and writes its folder; options are checked as on the command line (OptionsError). */
export function runCompare(options: CompareOptions, hooks: Pick<RunHooks, 'onDocument'> = {}): CompareSummary {
  const config = compareConfig(options);
  // counted by day: any side, a range or a week or month, is a union of days
  const run = runCorpus(prepareRun(config), 'day', hooks);
  const { result, resources } = run;
  const comparisons = config.sides ? [sides(result.periods, config.sides.a, config.sides.b)] : eachAgainstRest(result.periods, config.by);

  const keyness = { minCount: config.minCount, minExpected: config.minExpected };
  const networkComparisons = config.sides ? comparisons : consecutive(result.periods, config.by);
  const files = new Map<string, string>([
    ['keyness.csv', keynessCsv(comparisons, resources.kb, keyness)],
    ['network_diff.csv', networkDiffCsv(networkComparisons, resources.kb, config.minPairCount)],
    ['report.md', comparisonReport(comparisons, resources.kb, { ...keyness, top: config.top, minPairCount: config.minPairCount, networkComparisons })],
  ]);
  const failed = result.documents.filter((d) => d.status === 'failed').length;
  const counts = {
    files: run.inputs.files.length,
    analysed: result.tally.documents,
    failed,
    sides: comparisons.map((c) => ({
      a: c.a,
      b: c.b,
      documents_a: c.tallyA.documents,
      documents_b: c.tallyB.documents,
      tokens_a: c.tallyA.tokens,
      tokens_b: c.tallyB.tokens,
    })),
  };
  const written = writeRun(run, files, counts);
  return { files: counts.files, analysed: counts.analysed, failed, comparisons, written };
}

function sumOf(days: Map<string, Tally>, keep: (day: string) => boolean): Tally {
  const tally = emptyTally();
  for (const day of [...days.keys()].sort()) if (keep(day)) mergeTally(tally, days.get(day)!, { termPairs: false });
  return tally;
}

function sides(days: Map<string, Tally>, a: Side, b: Side): Comparison {
  return { a: a.spec, b: b.spec, tallyA: sumOf(days, (d) => inRange(d, a.days)), tallyB: sumOf(days, (d) => inRange(d, b.days)) };
}

/** every period with documents against all the other dated documents together ("rest") */
function eachAgainstRest(days: Map<string, Tally>, by: PeriodUnit): Comparison[] {
  const periods = [...new Set([...days.keys()].map((d) => periodOf(d, by)))].sort();
  const all = sumOf(days, () => true);
  return periods.map((p) => {
    const tallyA = sumOf(days, (d) => periodOf(d, by) === p);
    return { a: p, b: 'rest', tallyA, tallyB: tallyWithout(all, tallyA) };
  });
}

/** each period with documents against the one before it: A is the earlier, B the later */
function consecutive(days: Map<string, Tally>, by: PeriodUnit): Comparison[] {
  const periods = [...new Set([...days.keys()].map((d) => periodOf(d, by)))].sort();
  const comparisons: Comparison[] = [];
  for (let k = 1; k < periods.length; k++) {
    const [earlier, later] = [periods[k - 1]!, periods[k]!];
    comparisons.push({
      a: earlier,
      b: later,
      tallyA: sumOf(days, (d) => periodOf(d, by) === earlier),
      tallyB: sumOf(days, (d) => periodOf(d, by) === later),
    });
  }
  return comparisons;
}
