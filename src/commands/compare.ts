// `zhtext compare`: what distinguishes one period (or range of days) from another: keyness of terms
// and entities, and the difference between their entity co-occurrence networks. Without --a and
// --b, each period (--by) is compared with all the others together, and each period's network with
// the one before it.
import { dirname, resolve } from 'node:path';
import { emptyTally, mergeTally, tallyWithout, type Tally } from '../aggregate/tally.js';
import { UsageError } from '../errors.js';
import { keynessCsv, networkDiffCsv, type Comparison } from '../export/comparison.js';
import { comparisonReport } from '../export/comparison-report.js';
import { writeOutputs } from '../export/output-dir.js';
import { dictionaryHashes, packageVersions } from '../export/run-info.js';
import { zhtextVersion } from '../package-root.js';
import { analyzeFiles, type CorpusOptions, type DocumentRecord } from '../pipeline/analyze.js';
import { collectInputs } from '../pipeline/inputs.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { defaultDictionaryDir, loadResources, type ResourceOptions } from '../pipeline/resources.js';
import { inRange, periodOf, type DayRange, type PeriodUnit } from '../text/periods.js';
import { formatOffset } from '../text/time-zone.js';
import type { CooccurrenceUnit } from '../types.js';
import { unitName } from './analyze.js';

export interface CompareOptions extends ResourceOptions, Omit<CorpusOptions, 'by'> {
  inputs: string[];
  outDir: string;
  tzOffsetMinutes: number;
  /** the two sides; both or neither */
  a?: { spec: string; days: DayRange };
  b?: { spec: string; days: DayRange };
  /** periods compared with the rest when --a and --b are not given (default: day) */
  by?: PeriodUnit;
  unit?: CooccurrenceUnit;
  minCount: number;
  minExpected: number;
  minPairCount: number;
  /** rows in each table of report.md */
  top: number;
  onDocument?: (done: number, total: number, doc: DocumentRecord) => void;
}

export interface CompareSummary {
  files: number;
  analysed: number;
  failed: number;
  comparisons: Comparison[];
  written: string[];
}

export function runCompare(options: CompareOptions): CompareSummary {
  const started = Date.now();
  if ((options.a === undefined) !== (options.b === undefined)) throw new UsageError('compare needs both --a and --b, or neither');
  if (options.a && options.b && options.a.days.from <= options.b.days.to && options.b.days.from <= options.a.days.to) {
    throw new UsageError(`--a ${options.a.spec} and --b ${options.b.spec} overlap: a document would be on both sides`);
  }
  const inputs = collectInputs(options.inputs);
  const resources = loadResources(options);
  const unit = options.unit ?? { kind: 'sentence' };
  const pipeline = createPipeline({ tzOffsetMinutes: options.tzOffsetMinutes, unit }, resources);
  const total = inputs.files.length;
  // counted by day: any side, a range or a week or month, is a union of days
  const result = analyzeFiles(inputs.files, pipeline, (done, doc) => options.onDocument?.(done, total, doc), { ...options, by: 'day' });
  const by = options.by ?? 'day';
  const comparisons = options.a && options.b ? [sides(result.periods, options.a, options.b)] : eachAgainstRest(result.periods, by);

  const keyness = { minCount: options.minCount, minExpected: options.minExpected };
  const networkComparisons = options.a ? comparisons : consecutive(result.periods, by);
  const files = new Map<string, string>([
    ['keyness.csv', keynessCsv(comparisons, resources.kb, keyness)],
    ['network_diff.csv', networkDiffCsv(networkComparisons, resources.kb, options.minPairCount)],
    ['report.md', comparisonReport(comparisons, resources.kb, { ...keyness, top: options.top, minPairCount: options.minPairCount, networkComparisons })],
  ]);
  const runInfo = {
    tool: { name: 'zhtext', version: zhtextVersion(), command: 'compare' },
    inputs: { paths: options.inputs, files: total, skipped: inputs.skipped },
    options: {
      tz: formatOffset(options.tzOffsetMinutes),
      a: options.a ? { spec: options.a.spec, ...options.a.days } : null,
      b: options.b ? { spec: options.b.spec, ...options.b.days } : null,
      by: options.a ? null : by,
      unit: unitName(unit),
      from: options.days?.from ?? null,
      to: options.days?.to ?? null,
      outlets: options.outlets ? [...options.outlets].sort() : null,
      scripts: options.scripts ? [...options.scripts].sort() : null,
      dedupe: options.dedupe ?? false,
      min_count: options.minCount,
      min_expected: options.minExpected,
      min_pair_count: options.minPairCount,
      top: options.top,
      entities: options.entityFiles ?? [],
    },
    dictionaries: dictionaryHashes(resources.dictionaryFiles, dirname(resolve(options.dictionaryDir ?? defaultDictionaryDir()))),
    packages: packageVersions(),
    counts: {
      files: total,
      analysed: result.tally.documents,
      failed: result.documents.filter((d) => d.status === 'failed').length,
      sides: comparisons.map((c) => ({ a: c.a, b: c.b, documents_a: c.tallyA.documents, documents_b: c.tallyB.documents, tokens_a: c.tallyA.tokens, tokens_b: c.tallyB.tokens })),
    },
  };
  const timing = { started_at: new Date(started).toISOString(), duration_ms: Date.now() - started };
  files.set('run.json', `${JSON.stringify({ ...runInfo, timing }, null, 2)}\n`);
  const written = writeOutputs(options.outDir, files);
  return {
    files: total,
    analysed: result.tally.documents,
    failed: runInfo.counts.failed,
    comparisons,
    written,
  };
}

function sumOf(days: Map<string, Tally>, keep: (day: string) => boolean): Tally {
  const tally = emptyTally();
  for (const day of [...days.keys()].sort()) if (keep(day)) mergeTally(tally, days.get(day)!, { termPairs: false });
  return tally;
}

function sides(days: Map<string, Tally>, a: { spec: string; days: DayRange }, b: { spec: string; days: DayRange }): Comparison {
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
    comparisons.push({ a: earlier, b: later, tallyA: sumOf(days, (d) => periodOf(d, by) === earlier), tallyB: sumOf(days, (d) => periodOf(d, by) === later) });
  }
  return comparisons;
}
