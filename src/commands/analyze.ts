// `zhtext analyze`: the main job, from files and folders to the tables, the report and run.json.
import { reportMarkdown } from '../export/report.js';
import { cooccurrenceCsv, documentsCsv, entitiesCsv, entityMentionsCsv, messagesCsv, termsCsv } from '../export/tables.js';
import { burstsCsv, entityTimelineCsv, networkGexf, periodSeries, termTimelineCsv } from '../export/timelines.js';
import { analyzeConfig, type RawOptions, unitName } from '../options.js';
import type { CorpusResult } from '../pipeline/analyze.js';
import { prepareRun, type RunHooks, runCorpus, writeRun } from './runner.js';

/** what `runAnalyze` takes: the command line's options in camelCase (inputs, out, by, minPairCount …) */
export type AnalyzeOptions = RawOptions;

export interface AnalyzeSummary {
  files: number;
  analysed: number;
  failed: number;
  warnings: number;
  duplicates: number;
  written: string[];
  result: CorpusResult;
}

/** Runs an analysis and writes its folder; options are checked as on the command line (OptionsError). */
export function runAnalyze(options: AnalyzeOptions, hooks: Pick<RunHooks, 'onDocument'> = {}): AnalyzeSummary {
  const config = analyzeConfig(options);
  const run = runCorpus(prepareRun(config), config.by, hooks);
  const { result, inputs, resources } = run;
  const status = (s: string) => result.documents.filter((d) => d.status === s).length;
  const counts = {
    files: inputs.files.length,
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

  // with --by, the periods that have documents: an archive with a stray old post would otherwise
  // get a row for every entity on every empty day between (rates there are undefined anyway)
  const series = config.by && result.periods.size > 0 ? periodSeries(result.periods) : undefined;
  const report = {
    top: config.top,
    topPerGroup: 10,
    minTermPairCount: config.minPairCount,
    ...(series && config.by ? { periods: { by: config.by, series } } : {}),
  };
  const files = new Map<string, string>([
    ['documents.csv', documentsCsv(result)],
    ['terms.csv', termsCsv(result)],
    ['entities.csv', entitiesCsv(result, resources.kb)],
    ['entity_mentions.csv', entityMentionsCsv(result)],
    ['cooccurrence.csv', cooccurrenceCsv(result, { minTermPairCount: config.minPairCount })],
    ['messages.csv', messagesCsv(result, inputs.skipped)],
    ['report.md', reportMarkdown(result, resources.kb, report)],
  ]);
  if (series) {
    files.set('entity_timeline.csv', entityTimelineCsv(series, resources.kb));
    files.set('term_timeline.csv', termTimelineCsv(series, config.minTermCount));
    files.set('bursts.csv', burstsCsv(series, resources.kb));
    for (const [period, tally] of series)
      files.set(`network_${period}.gexf`, networkGexf(period, tally, resources.kb, config.minPairCount, unitName(config.unit)));
  }
  const written = writeRun(run, files, counts);
  return {
    files: counts.files,
    analysed: counts.analysed,
    failed: counts.failed,
    warnings: counts.warning,
    duplicates: counts.duplicate,
    written,
    result,
  };
}
