// Documents through the pipeline on every core: worker processes (processes.ts), each with its own
// resources, take files and return DocResults; the pool hands them on in input order, whatever
// order they finish in. A library caller asking for one worker and no time limit gets the documents
// processed in this thread instead. A test checks that the outputs do not depend on the number of
// workers.
//
// With a cache (cache/doc-cache.ts) this thread reads each file, looks its key up and hands on a
// stored result at once; only the files it misses go to the workers, which store what they compute.
// The resources are loaded when the first file is missed, so a run that misses none loads none:
// what loading them tells the run (ReadyInfo) is cached too.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DocCache } from '../cache/doc-cache.js';
import { fingerprintOf } from '../cache/fingerprint.js';
import type { QueueAddress } from '../queue/connection.js';
import { IN_FLIGHT, inQueue, type QueueHooks } from '../queue/coordinator.js';
import { asThisRuns, type DocResult } from './doc-result.js';
import { createDocProcessor, type DocJob, type ReadyInfo, type TaskConfig, tooLarge } from './process.js';
import { inWorkers } from './processes.js';
import { defaultDictionaryDir, type Resources } from './resources.js';

export interface PoolOptions {
  workers: number;
  task: TaskConfig;
  /** the cache folder; none, no cache */
  cacheDir?: string;
  /** called once the resources are loaded (or their ReadyInfo read from the cache), before any document is read */
  onReady?: (info: ReadyInfo) => void;
  /** filled in as the run goes */
  stats?: CacheStats;
  /** the task's resources, loaded once by whoever asks first: this thread's processor uses them (worker processes load their own) */
  resources?: () => Resources;
  /** --queue: the documents go to workers through this Redis instead of this machine's worker processes */
  queue?: { address: QueueAddress; hooks?: QueueHooks };
  /**
   * the time a document may take in a worker process before it is stopped and failed (0: no limit);
   * given, the documents are processed in worker processes even with one worker, never in this thread
   */
  docTimeoutMs?: number;
  /** what the user should know that costs no document */
  onWarning?: (message: string) => void;
  /** filled in as the run goes, with worker processes */
  usage?: PoolUsage;
  /**
   * work for this thread while the worker processes load their resources: the caller's own load of
   * them, when it needs them later (the report's evidence), costs no wall time on a second core
   */
  whileLoading?: () => void;
}

/** What the worker processes of a run used. */
export interface PoolUsage {
  /** the highest peak resident memory of any worker process, in KB (0: none reported) */
  workerPeakKb: number;
}

/** What the cache did in a run. */
export interface CacheStats {
  /** results read from the cache */
  hits: number;
  /** results computed */
  computed: number;
  /** entries found corrupt (and computed again) */
  corrupt: number;
  /** the first failure to write an entry: the run goes on, unstored */
  writeError?: string;
}

export function newCacheStats(): CacheStats {
  return { hits: 0, computed: 0, corrupt: 0 };
}

/**
 * results finished ahead of the one the reduce waits for, at most, per worker: room for a slow
 * document without idling the other workers (16 idled them a quarter of the time on the month)
 */
const AHEAD_PER_WORKER = 64;

/** Whatever computes results: this thread, worker processes, or workers through a queue. */
export interface Engine {
  info: ReadyInfo;
  /** takes the job if it has room; its result comes through `deliver` */
  offer(job: DocJob): boolean;
  close(): Promise<void>;
}

export interface EngineEvents {
  deliver(result: DocResult, cacheError?: string): void;
  fail(error: Error): void;
  /** something the user should know that costs no document (a worker process replaced) */
  warn?(message: string): void;
}

/** The DocResult of every path, in input order. */
export async function* processInOrder(paths: Iterator<string>, options: PoolOptions): AsyncGenerator<DocResult> {
  const stats = options.stats ?? newCacheStats();
  const finished = new Map<number, DocResult>();
  /** jobs whose cache entry was corrupt: the reason, for a message on the recomputed result */
  const corrupt = new Map<number, string>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const events: EngineEvents = {
    deliver(result, cacheError) {
      stats.computed++;
      if (cacheError) stats.writeError ??= cacheError;
      const reason = corrupt.get(result.index);
      if (reason !== undefined) {
        corrupt.delete(result.index);
        result.messages.push({ code: 'cache-entry-corrupt', severity: 'info', reason: `the cached result was corrupt (${reason}); computed again` });
      }
      finished.set(result.index, result);
      signal();
    },
    fail(error) {
      failure ??= error;
      signal();
    },
    warn: (message) => options.onWarning?.(message),
  };

  const cache = openCache(options);
  const here = !options.queue && options.workers <= 1 && options.docTimeoutMs === undefined;
  let engine: Engine | undefined;
  const startEngine = async () => {
    if (options.queue) engine = await inQueue(options, options.queue.address, events, options.queue.hooks);
    else engine = here ? inThread(options, events) : await inWorkers(options, events);
    return engine;
  };
  try {
    let info = cache?.ready();
    if (!info) {
      info = (await startEngine()).info;
      cache?.storeReady(info, stats);
    }
    options.onReady?.(info);

    const ahead = options.queue ? IN_FLIGHT : here ? 1 : options.workers * AHEAD_PER_WORKER;
    let next = 0;
    let reduced = 0;
    let pending: DocJob | undefined;
    let exhausted = false;
    for (;;) {
      // take in files while there is room ahead of the reduce: a cached one is finished at once
      while (!exhausted && next - reduced < ahead) {
        if (!pending) {
          const path = paths.next();
          if (path.done) {
            exhausted = true;
            break;
          }
          const job: DocJob = { index: next++, path: path.value };
          const stored = cache?.lookup(job, stats, corrupt);
          if (stored) {
            finished.set(job.index, stored);
            continue;
          }
          pending = job;
        }
        if (!(engine ?? (await startEngine())).offer(pending)) break;
        pending = undefined;
      }
      const result = finished.get(reduced);
      if (result) {
        finished.delete(reduced);
        reduced++;
        yield result;
        continue;
      }
      if (failure) throw failure;
      if (exhausted && !pending && reduced === next) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await engine?.close();
  }
}

interface OpenCache {
  ready(): ReadyInfo | undefined;
  storeReady(info: ReadyInfo, stats: CacheStats): void;
  /** the stored result of the job's file, or undefined with the job given its bytes and key */
  lookup(job: DocJob, stats: CacheStats, corrupt: Map<number, string>): DocResult | undefined;
}

function openCache(options: PoolOptions): OpenCache | undefined {
  if (!options.cacheDir) return undefined;
  const cache = new DocCache(options.cacheDir);
  const { task } = options;
  let fingerprint: string;
  try {
    fingerprint = fingerprintOf(task);
  } catch {
    // a dictionary or entity file that cannot be read: loading the resources says which and stops the run
    return undefined;
  }
  // what the resources tell the run also depends on where the dictionaries are (run.json lists their paths) and on --outlet
  const readyKey = DocCache.readyKeyOf(fingerprint, {
    dictionaryDir: resolve(task.dictionaryDir ?? defaultDictionaryDir()),
    entityFiles: task.entityFiles.map((file) => resolve(file)),
    outlets: task.outlets ?? null,
  });
  return {
    ready() {
      const read = cache.readReady(readyKey);
      return 'found' in read ? read.found : undefined;
    },
    storeReady(info, stats) {
      const error = cache.storeReady(readyKey, info);
      if (error) stats.writeError ??= error;
    },
    lookup(job, stats, corrupt) {
      // (a file too large to read is refused by the processor without being read)
      if (tooLarge(job.path)) return undefined;
      let bytes: Buffer;
      try {
        bytes = readFileSync(job.path);
      } catch {
        return undefined; // the processor reads it again and reports why it cannot
      }
      job.bytes = bytes;
      job.key = DocCache.keyOf(fingerprint, job.path, bytes);
      const read = cache.readResult(job.key);
      if ('corrupt' in read) {
        stats.corrupt++;
        corrupt.set(job.index, read.corrupt);
      }
      if (!('found' in read)) return undefined;
      stats.hits++;
      // the entry is this file's whatever folder it was read from: the path is this run's
      return asThisRuns(read.found, job.index, job.path);
    },
  };
}

/** one worker: the documents are processed here, as they are offered */
function inThread(options: PoolOptions, events: EngineEvents): Engine {
  const processor = createDocProcessor(options.task, options.resources?.());
  const cache = options.cacheDir ? new DocCache(options.cacheDir) : undefined;
  return {
    info: processor.info,
    offer(job) {
      const result = processor.process(job);
      let cacheError: string | undefined;
      if (cache && job.key) cacheError = cache.store(job.key, result);
      events.deliver(result, cacheError);
      return true;
    },
    close: async () => {},
  };
}
