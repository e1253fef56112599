// `zhtext analyze`: the main job, from files and folders to the tables, the report and run.json.
import { dirname, resolve } from 'node:path';
import { analyzeFiles, type CorpusOptions, type CorpusResult, type DocumentRecord } from '../pipeline/analyze.js';
import { collectInputs } from '../pipeline/inputs.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { defaultDictionaryDir, loadResources, type ResourceOptions } from '../pipeline/resources.js';
import { writeOutputs } from '../export/output-dir.js';
import { reportMarkdown } from '../export/report.js';
import { dictionaryHashes, packageVersions } from '../export/run-info.js';
import { cooccurrenceCsv, documentsCsv, entitiesCsv, entityMentionsCsv, messagesCsv, termsCsv } from '../export/tables.js';
import { burstsCsv, entityTimelineCsv, networkGexf, periodSeries, termTimelineCsv } from '../export/timelines.js';
import { formatOffset } from '../text/time-zone.js';
import type { CooccurrenceUnit } from '../types.js';
import { zhtextVersion } from '../package-root.js';

export interface AnalyzeOptions extends ResourceOptions, CorpusOptions {
  inputs: string[];
  outDir: string;
  tzOffsetMinutes: number;
  minTermPairCount: number;
  top: number;
  /** co-occurrence unit (default: the sentence) */
  unit?: CooccurrenceUnit;
  /** with --by: terms counted fewer times than this over all periods stay out of term_timeline.csv */
  minTermCount?: number;
  onDocument?: (done: number, total: number, doc: DocumentRecord) => void;
}

export const DEFAULT_MIN_TERM_COUNT = 5;

/** sentence, paragraph, document, or window:N */
export function unitName(unit: CooccurrenceUnit): string {
  return unit.kind === 'window' ? `window:${unit.size}` : unit.kind;
}

export interface AnalyzeSummary {
  files: number;
  analysed: number;
  failed: number;
  warnings: number;
  duplicates: number;
  written: string[];
  result: CorpusResult;
}

export function runAnalyze(options: AnalyzeOptions): AnalyzeSummary {
  const started = Date.now();
  const inputs = collectInputs(options.inputs);
  const resources = loadResources(options);
  const unit = options.unit ?? { kind: 'sentence' };
  const pipeline = createPipeline({ tzOffsetMinutes: options.tzOffsetMinutes, unit }, resources);
  const total = inputs.files.length;
  const result = analyzeFiles(inputs.files, pipeline, (done, doc) => options.onDocument?.(done, total, doc), options);

  const status = (s: string) => result.documents.filter((d) => d.status === s).length;
  const counts = {
    files: total,
    skipped: inputs.skipped.length,
    analysed: result.tally.documents,
    ok: status('ok'),
    warning: status('warning'),
    failed: status('failed'),
    duplicate: status('duplicate'),
    excluded: status('excluded'),
    copies: result.documents.filter((d) => d.copyOf !== '').length,
    periods: result.periods.size,
    tokens: result.tally.tokens,
    terms: result.tally.terms.size,
    entities: result.tally.entities.size,
    entity_mentions: result.mentions.length,
    entity_pairs: result.tally.entityPairs.size,
    term_pairs: result.tally.termPairs.size,
  };
  const dictionaryRoot = dirname(resolve(options.dictionaryDir ?? defaultDictionaryDir()));
  const runInfo = {
    tool: { name: 'zhtext', version: zhtextVersion(), command: 'analyze' },
    inputs: { paths: options.inputs, files: total, skipped: inputs.skipped },
    options: {
      tz: formatOffset(options.tzOffsetMinutes),
      min_pair_count: options.minTermPairCount,
      top: options.top,
      entities: options.entityFiles ?? [],
      unit: unitName(unit),
      by: options.by ?? null,
      from: options.days?.from ?? null,
      to: options.days?.to ?? null,
      outlets: options.outlets ? [...options.outlets].sort() : null,
      scripts: options.scripts ? [...options.scripts].sort() : null,
      dedupe: options.dedupe ?? false,
      min_term_count: options.by ? (options.minTermCount ?? DEFAULT_MIN_TERM_COUNT) : null,
    },
    dictionaries: dictionaryHashes(resources.dictionaryFiles, dictionaryRoot),
    packages: packageVersions(),
    counts,
  };

  // with --by, the periods that have documents: an archive with a stray old post would otherwise
  // get a row for every entity on every empty day between (rates there are undefined anyway)
  const series = options.by && result.periods.size > 0 ? periodSeries(result.periods) : undefined;
  const report = { top: options.top, topPerGroup: 10, minTermPairCount: options.minTermPairCount, ...(series && options.by ? { periods: { by: options.by, series } } : {}) };
  const files = new Map<string, string>([
    ['documents.csv', documentsCsv(result)],
    ['terms.csv', termsCsv(result)],
    ['entities.csv', entitiesCsv(result, resources.kb)],
    ['entity_mentions.csv', entityMentionsCsv(result)],
    ['cooccurrence.csv', cooccurrenceCsv(result, { minTermPairCount: options.minTermPairCount })],
    ['messages.csv', messagesCsv(result, inputs.skipped)],
    ['report.md', reportMarkdown(result, resources.kb, report)],
  ]);
  if (series) {
    files.set('entity_timeline.csv', entityTimelineCsv(series, resources.kb));
    files.set('term_timeline.csv', termTimelineCsv(series, options.minTermCount ?? DEFAULT_MIN_TERM_COUNT));
    files.set('bursts.csv', burstsCsv(series, resources.kb));
    for (const [period, tally] of series) files.set(`network_${period}.gexf`, networkGexf(period, tally, resources.kb, options.minTermPairCount, unitName(unit)));
  }
  // timing last, when everything but writing is done: the one part that differs between identical runs
  const timing = { started_at: new Date(started).toISOString(), duration_ms: Date.now() - started };
  files.set('run.json', `${JSON.stringify({ ...runInfo, timing }, null, 2)}\n`);
  const written = writeOutputs(options.outDir, files);
  return {
    files: total,
    analysed: counts.analysed,
    failed: counts.failed,
    warnings: counts.warning,
    duplicates: counts.duplicate,
    written,
    result,
  };
}
