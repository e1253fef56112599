// Documents through the pipeline on every core: worker threads, each with its own resources,
// take paths and return DocResults; the pool hands them on in input order, whatever order they
// finish in. With one worker the documents are processed in this thread, without a pool.
// nodejieba is safe in worker threads: its native state belongs to each thread's instance of the
// addon (node-addon-api's Addon class), so every worker loads and uses a dictionary of its own;
// a test checks that the outputs do not depend on the number of workers.
import { Worker } from 'node:worker_threads';
import { DictionaryError } from '../errors.js';
import type { DocResult } from './doc-result.js';
import { createDocProcessor, type ReadyInfo, type TaskConfig } from './process.js';

export interface PoolOptions {
  workers: number;
  task: TaskConfig;
  /** called once the resources are loaded, before any document is read */
  onReady?: (info: ReadyInfo) => void;
}

/** documents a worker holds at once: one being processed, the others waiting, so it never idles */
const PER_WORKER = 4;
/**
 * results finished ahead of the one the reduce waits for, at most, per worker: room for a slow
 * document without idling the other workers (16 idled them a quarter of the time on the month)
 */
const AHEAD_PER_WORKER = 64;

/**
 * A worker's heap holds its resources (about 60 MB) and one document at a time; left unbounded, V8
 * lets garbage pile up to gigabytes before collecting it, which all workers together would pay in
 * memory. At this bound it collects sooner.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512 };

/** The DocResult of every path, in input order. */
export async function* processInOrder(paths: Iterator<string>, options: PoolOptions): AsyncGenerator<DocResult> {
  if (options.workers <= 1) {
    const processor = createDocProcessor(options.task);
    options.onReady?.(processor.info);
    let index = 0;
    for (let next = paths.next(); !next.done; next = paths.next()) yield processor.process(index++, next.value);
    return;
  }
  yield* runWorkers(paths, options);
}

interface PoolWorker {
  worker: Worker;
  holding: number;
}

async function* runWorkers(paths: Iterator<string>, options: PoolOptions): AsyncGenerator<DocResult> {
  const finished = new Map<number, DocResult>();
  let dispatched = 0;
  let reduced = 0;
  let exhausted = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const waitForSignal = () => new Promise<void>((resolve) => (wake = resolve));
  const ahead = options.workers * AHEAD_PER_WORKER;

  const dispatch = (w: PoolWorker) => {
    while (!exhausted && w.holding < PER_WORKER && dispatched - reduced < ahead) {
      const next = paths.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      w.holding++;
      w.worker.postMessage({ index: dispatched++, path: next.value });
    }
  };

  let ready = 0;
  const pool: PoolWorker[] = [];
  for (let k = 0; k < options.workers; k++) {
    const w: PoolWorker = {
      worker: new Worker(new URL('./worker.js', import.meta.url), { workerData: options.task, resourceLimits: WORKER_LIMITS }),
      holding: 0,
    };
    w.worker.on('message', (message: { result?: DocResult; ready?: ReadyInfo; loadError?: { name: string; message: string } }) => {
      if (message.result) {
        w.holding--;
        finished.set(message.result.index, message.result);
        dispatch(w);
      } else if (message.ready) {
        if (++ready === options.workers) options.onReady?.(message.ready);
      } else if (message.loadError) {
        failure ??= message.loadError.name === 'DictionaryError' ? new DictionaryError(message.loadError.message) : new Error(message.loadError.message);
      }
      signal();
    });
    w.worker.on('error', (error) => {
      failure ??= error;
      signal();
    });
    w.worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`a worker thread stopped with exit code ${code}`);
      signal();
    });
    pool.push(w);
  }
  try {
    // every worker has its resources before any document is read: a bad entity file stops the run first
    while (ready < options.workers) {
      if (failure) throw failure;
      await waitForSignal();
    }
    for (const w of pool) dispatch(w);
    while (!exhausted || reduced < dispatched) {
      const result = finished.get(reduced);
      if (result) {
        finished.delete(reduced);
        reduced++;
        yield result;
        for (const w of pool) dispatch(w);
        continue;
      }
      if (failure) throw failure;
      await waitForSignal();
    }
  } finally {
    await Promise.all(pool.map((w) => w.worker.terminate()));
  }
}
