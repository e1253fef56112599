// What analyze, compare and kwic share: find the input files, load the resources, build the pipeline,
// run every document through it and merge the results; then, for the commands that write a folder,
// write the outputs with run.json (how they were made). Each command keeps only what is its own:
// its options, the tables it builds from the result, and its counts.
import { dirname, resolve } from 'node:path';
import { writeOutputs } from '../export/output-dir.js';
import { dictionaryHashes, packageVersions } from '../export/run-info.js';
import { type AnalyzeConfig, type CompareConfig, type CorpusConfig, describeConfig } from '../options.js';
import { zhtextVersion } from '../package-root.js';
import { analyzeFiles, type CorpusResult, type DocumentRecord } from '../pipeline/analyze.js';
import { collectInputs, type Inputs } from '../pipeline/inputs.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { defaultDictionaryDir, loadResources, type Resources } from '../pipeline/resources.js';
import type { PeriodUnit } from '../text/periods.js';
import type { Doc } from '../types.js';

export interface RunHooks {
  /** after each file, in input order: how many are done, of how many */
  onDocument?: (done: number, total: number, doc: DocumentRecord) => void;
  /** each document that counts, before it is dropped */
  onCounted?: (doc: Doc) => void;
}

/** What a run reads with: its files, its resources, and the pipeline built from them. */
export interface PreparedRun<C extends CorpusConfig = CorpusConfig> {
  config: C;
  inputs: Inputs;
  resources: Resources;
  pipeline: Pipeline;
  /** when the run started (ms since the epoch) */
  started: number;
}

export interface CorpusRun<C extends CorpusConfig = CorpusConfig> extends PreparedRun<C> {
  result: CorpusResult;
}

/** Finds the input files and loads the resources the configuration names. */
export function prepareRun<C extends CorpusConfig>(config: C): PreparedRun<C> {
  const started = Date.now();
  const inputs = collectInputs(config.inputs);
  const resources = loadResources(config);
  const pipeline = createPipeline({ tzOffsetMinutes: config.tzOffsetMinutes, unit: config.unit }, resources);
  return { config, inputs, resources, pipeline, started };
}

/** Reads the corpus, counting by `by` when given. */
export function runCorpus<C extends CorpusConfig>(run: PreparedRun<C>, by: PeriodUnit | undefined, hooks: RunHooks = {}): CorpusRun<C> {
  const { config, inputs, resources, pipeline } = run;
  const { days, outlets, scripts } = config.filters;
  const total = inputs.files.length;
  const result = analyzeFiles(inputs.files, pipeline, (done, doc) => hooks.onDocument?.(done, total, doc), {
    ...(by ? { by } : {}),
    ...(days ? { days } : {}),
    // --outlet takes any name an outlet goes by
    ...(outlets ? { outletIds: new Set(outlets.map((name) => resources.outlets.resolve(name).id)) } : {}),
    ...(scripts ? { scripts: new Set(scripts) } : {}),
    dedupe: config.dedupe,
    ...(hooks.onCounted ? { onCounted: hooks.onCounted } : {}),
  });
  return { ...run, result };
}

/**
 * Writes the command's files and run.json into its output folder, all or none (export/output-dir.ts).
 * Everything in run.json but `timing` is the same for the same inputs and options.
 */
export function writeRun(run: CorpusRun<AnalyzeConfig | CompareConfig>, files: Map<string, string>, counts: Record<string, unknown>): string[] {
  const { config, inputs, resources } = run;
  const runInfo = {
    tool: { name: 'zhtext', version: zhtextVersion(), command: config.command },
    inputs: { paths: config.inputs, files: inputs.files.length, skipped: inputs.skipped },
    options: describeConfig(config),
    dictionaries: dictionaryHashes(resources.dictionaryFiles, dirname(resolve(config.dictionaryDir ?? defaultDictionaryDir()))),
    packages: packageVersions(),
    counts,
  };
  // timing last, when everything but writing is done: the one part that differs between identical runs
  const timing = { started_at: new Date(run.started).toISOString(), duration_ms: Date.now() - run.started };
  const all = new Map(files).set('run.json', `${JSON.stringify({ ...runInfo, timing }, null, 2)}\n`);
  return writeOutputs(config.outDir, all);
}
