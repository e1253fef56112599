// What analyze, compare and kwic share: walk the inputs, run every document through the pipeline
// (on every core), reduce the results in input order into the store, and, for the commands that
// write a folder, write the outputs with run.json (how they were made). Each command keeps only
// what is its own: which tables it needs, how it builds its files, and its counts.
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { OutputFolder, type TableSink } from '../export/output-dir.js';
import { dictionaryHashes, packageVersions } from '../export/run-info.js';
import { type AnalyzeConfig, type CompareConfig, type CorpusConfig, describeConfig } from '../options.js';
import { zhtextVersion } from '../package-root.js';
import { countInputs, walkInputs } from '../pipeline/inputs.js';
import { type CacheStats, newCacheStats, type PoolUsage, processInOrder } from '../pipeline/pool.js';
import { loadTaskResources, type ReadyInfo, type TaskConfig } from '../pipeline/process.js';
import { type DocumentRecord, type ReducedCorpus, type ReduceOptions, Reducer } from '../pipeline/reduce.js';
import { defaultDictionaryDir, type Resources } from '../pipeline/resources.js';
import { Store } from '../store/store.js';
import type { PeriodUnit } from '../text/periods.js';

export interface RunHooks {
  /** after each file, in input order: how many are done, of how many */
  onDocument?: (done: number, total: number, record: DocumentRecord) => void;
  /** something the user should know that is not about a document (the cache could not be written) */
  onWarning?: (message: string) => void;
  /** data rows a CSV table may hold before it is cut (Excel's limit; smaller in tests) */
  csvRowLimit?: number;
  /** with --queue: the number of workers connected to it, when it changes */
  onWorkers?: (count: number) => void;
}

/** What a command asks of the run: periods, the tables to keep, where they go, kwic's query. */
export interface RunPlan {
  by?: PeriodUnit;
  keep: ReduceOptions['keep'];
  /** where the tables go (kwic keeps its lines only); the caller opens and closes it */
  store?: Store;
  /** entity_mentions.csv, written as the mentions are reduced */
  mentions?: TableSink;
  kwicQuery?: string;
}

export interface CorpusRun<C extends CorpusConfig = CorpusConfig> {
  config: C;
  corpus: ReducedCorpus;
  info: ReadyInfo;
  /** files in input folders that were left out, and why */
  skipped: { path: string; reason: string; code?: 'read-failed' }[];
  /** worker processes used */
  workers: number;
  /** what the cache did */
  cache: CacheStats;
  /** what the worker processes used */
  usage: PoolUsage;
  /** when the run started (ms since the epoch) */
  started: number;
  /** what each document's processing was given (for processing a few again: the report's evidence) */
  task: TaskConfig;
  /** the task's resources, loaded at the first call: already loaded when this thread processed the documents */
  resources: () => Resources;
}

/** Reads the corpus the configuration names, into the plan's store. */
export async function runCorpus<C extends CorpusConfig>(config: C, plan: RunPlan, hooks: RunHooks = {}): Promise<CorpusRun<C>> {
  const started = Date.now();
  const total = countInputs(config.inputs);
  const workers = workersFor(config.workers, total);
  const skipped: { path: string; reason: string; code?: 'read-failed' }[] = [];
  function* files(): Generator<string> {
    for (const entry of walkInputs(config.inputs)) {
      if ('file' in entry) yield entry.file;
      else skipped.push(entry.skipped);
    }
  }
  const task: TaskConfig = {
    tzOffsetMinutes: config.tzOffsetMinutes,
    unit: config.unit,
    entityFiles: config.entityFiles,
    ...(config.recognizer ? { recognizer: config.recognizer } : {}),
    ...(config.dictionaryDir ? { dictionaryDir: config.dictionaryDir } : {}),
    ...(plan.kwicQuery !== undefined ? { kwicQuery: plan.kwicQuery } : {}),
    ...(config.filters.outlets ? { outlets: config.filters.outlets } : {}),
  };
  let loaded: Resources | undefined;
  const resources = () => {
    loaded ??= loadTaskResources(task);
    return loaded;
  };
  const store = plan.store;
  let info: ReadyInfo | undefined;
  let reducer: Reducer | undefined;
  let done = 0;
  // the reducer is made once the resources are loaded: --outlet names are resolved by the outlet table
  const reducerOf = async (ready: ReadyInfo) => {
    const { days, scripts } = config.filters;
    return Reducer.create(
      {
        ...(plan.by ? { by: plan.by } : {}),
        ...(days ? { days } : {}),
        ...(ready.outletIds ? { outletIds: new Set(ready.outletIds) } : {}),
        ...(scripts ? { scripts: new Set(scripts) } : {}),
        dedupe: config.dedupe,
        keep: plan.keep,
        onRecord: (record) => hooks.onDocument?.(++done, total, record),
        ...(plan.mentions ? { mentionRows: plan.mentions } : {}),
      },
      store,
    );
  };
  const cache = newCacheStats();
  const usage: PoolUsage = { workerPeakKb: 0 };
  const pool = {
    usage,
    // the report's evidence processes a few documents again here: the resources load beside the workers'
    ...(plan.kwicQuery === undefined ? { whileLoading: () => void resources() } : {}),
    workers,
    task,
    docTimeoutMs: config.docTimeoutSeconds * 1000,
    onWarning: (message: string) => hooks.onWarning?.(message),
    stats: cache,
    resources,
    onReady: (ready: ReadyInfo) => (info = ready),
    ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}),
    ...(config.queue
      ? {
          queue: {
            address: config.queue,
            hooks: { say: (message: string) => hooks.onWarning?.(message), onWorkers: (count: number) => hooks.onWorkers?.(count) },
          },
        }
      : {}),
  };
  for await (const result of processInOrder(files(), pool)) {
    reducer ??= await reducerOf(info!);
    reducer.add(result);
    if (reducer.behind) {
      await plan.mentions?.wait();
      reducer.behind = false;
    }
  }
  if (!info) throw new Error('the resources were never loaded');
  if (cache.writeError) hooks.onWarning?.(`${cache.writeError}; the results of this run were not all stored`);
  reducer ??= await reducerOf(info);
  const corpus = await reducer.finish();
  return { config, corpus, info, skipped, workers, cache, usage, started, task, resources };
}

/**
 * Files a worker process must have before another is started: loading a worker's resources costs about
 * as much as processing a few hundred posts, and a file found in the cache costs a worker nothing.
 */
export const FILES_PER_WORKER = 250;

/** the worker processes asked for, or (not asked) one per core but no more than the files make worth it; never more than the files */
export function workersFor(asked: number | undefined, files: number): number {
  const wanted = asked ?? Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER));
  return Math.max(1, Math.min(wanted, files));
}

/**
 * For the commands that write a folder: a store and the output folder's staging area for the run,
 * given to `work`, which runs the corpus and writes its files; the files are published when it
 * returns, discarded if it throws, and the store is removed either way.
 */
export async function withOutputs<T>(
  config: AnalyzeConfig | CompareConfig,
  hooks: RunHooks,
  work: (store: Store, folder: OutputFolder) => Promise<T>,
): Promise<T> {
  const store = await Store.open();
  const folder = new OutputFolder(config.outDir, store, hooks.csvRowLimit);
  try {
    return await work(store, folder);
  } catch (error) {
    await folder.discard();
    throw error;
  } finally {
    store.close();
  }
}

/**
 * Writes run.json (how the outputs were made) and publishes the folder. Everything in run.json but
 * `timing` is the same for the same inputs and options.
 */
export function finishRun(run: CorpusRun<AnalyzeConfig | CompareConfig>, folder: OutputFolder, counts: Record<string, unknown>): string[] {
  const { config, corpus, info } = run;
  const runInfo = {
    tool: { name: 'zhtext', version: zhtextVersion(), command: config.command },
    inputs: { paths: config.inputs, files: corpus.files, skipped: run.skipped },
    options: describeConfig(config),
    dictionaries: dictionaryHashes(info.dictionaryFiles, dirname(resolve(config.dictionaryDir ?? defaultDictionaryDir()))),
    packages: packageVersions(),
    counts,
  };
  // timing last, when everything but moving the files is done: the part that differs between identical runs
  const timing = {
    started_at: new Date(run.started).toISOString(),
    duration_ms: Date.now() - run.started,
    workers: run.config.queue ? null : run.workers,
    queue: run.config.queue?.display ?? null,
    cache: { ...run.cache, dir: run.config.cacheDir ?? null },
    peak_memory_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    // (null when no worker process ran: every document from the cache, or --queue)
    worker_peak_memory_mb: run.usage.workerPeakKb > 0 ? Math.round(run.usage.workerPeakKb / 1024) : null,
  };
  folder.writeText('run.json', `${JSON.stringify({ ...runInfo, timing }, null, 2)}\n`);
  return folder.publish();
}
