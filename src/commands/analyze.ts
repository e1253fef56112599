// `zhtext analyze`: the main job, from files and folders to the tables, the report and run.json.
import { dirname, resolve } from 'node:path';
import { analyzeFiles, type CorpusResult, type DocumentRecord } from '../pipeline/analyze.js';
import { collectInputs } from '../pipeline/inputs.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { defaultDictionaryDir, loadResources, type ResourceOptions } from '../pipeline/resources.js';
import { writeOutputs } from '../export/output-dir.js';
import { reportMarkdown } from '../export/report.js';
import { dictionaryHashes, packageVersions } from '../export/run-info.js';
import { cooccurrenceCsv, documentsCsv, entitiesCsv, entityMentionsCsv, messagesCsv, termsCsv } from '../export/tables.js';
import { formatOffset } from '../text/time-zone.js';
import { zhtextVersion } from '../package-root.js';

export interface AnalyzeOptions extends ResourceOptions {
  inputs: string[];
  outDir: string;
  tzOffsetMinutes: number;
  minTermPairCount: number;
  top: number;
  onDocument?: (done: number, total: number, doc: DocumentRecord) => void;
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
  const pipeline = createPipeline({ tzOffsetMinutes: options.tzOffsetMinutes }, resources);
  const total = inputs.files.length;
  const result = analyzeFiles(inputs.files, pipeline, (done, doc) => options.onDocument?.(done, total, doc));

  const status = (s: string) => result.documents.filter((d) => d.status === s).length;
  const counts = {
    files: total,
    skipped: inputs.skipped.length,
    analysed: result.tally.documents,
    ok: status('ok'),
    warning: status('warning'),
    failed: status('failed'),
    duplicate: status('duplicate'),
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
    },
    dictionaries: dictionaryHashes(resources.dictionaryFiles, dictionaryRoot),
    packages: packageVersions(),
    counts,
  };

  const files = new Map<string, string>([
    ['documents.csv', documentsCsv(result)],
    ['terms.csv', termsCsv(result)],
    ['entities.csv', entitiesCsv(result, resources.kb)],
    ['entity_mentions.csv', entityMentionsCsv(result)],
    ['cooccurrence.csv', cooccurrenceCsv(result, { minTermPairCount: options.minTermPairCount })],
    ['messages.csv', messagesCsv(result, inputs.skipped)],
    ['report.md', reportMarkdown(result, resources.kb, { top: options.top, topPerGroup: 10, minTermPairCount: options.minTermPairCount })],
  ]);
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
