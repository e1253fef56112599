// `zhtext worker --queue redis://…`: takes documents from the queue until stopped, on any machine
// that has zhtext and the same dictionaries (nothing of the coordinator's files is needed: a job
// carries its file's bytes). Each job's task comes from Redis under the job's fingerprint; the
// worker checks that its own dictionaries, knowledge base, code and package versions give the same
// fingerprint and refuses the job otherwise, so that no result of a run comes from a different
// setup. Documents are processed in worker processes (pipeline/processes.ts), which keeps this
// thread free to renew the jobs' locks however long a document takes, and lets a document that
// kills its process cost that document only; results go back through Redis and into this worker's
// cache.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DocCache } from '../cache/doc-cache.js';
import { fingerprintOf } from '../cache/fingerprint.js';
import { type RawOptions, type WorkerConfig, workerConfig } from '../options.js';
import type { DocResult } from '../pipeline/doc-result.js';
import type { Engine } from '../pipeline/pool.js';
import type { TaskConfig } from '../pipeline/process.js';
import { inWorkers } from '../pipeline/processes.js';
import { connectionOptions } from '../queue/connection.js';
import { GONE, REFUSED } from '../queue/coordinator.js';
import { bytesKey, type DocJobData, QUEUE_NAME, RESULT_TTL_SECONDS, resultKey, taskKey, type WireTask } from '../queue/jobs.js';

export interface WorkerHooks {
  /** a line for the person who started the worker */
  say: (line: string) => void;
  /** stops the worker: jobs in hand are finished first */
  signal?: AbortSignal;
  /** once the worker listens for jobs */
  onListening?: () => void;
}

export interface WorkerSummary {
  /** documents computed, and read from this worker's cache */
  computed: number;
  cached: number;
  refused: number;
}

/** a fingerprint's worker processes, or why this worker refuses its jobs */
type Setup = { compute: (path: string, bytes: Buffer, key: string) => Promise<DocResult>; close: () => Promise<void> } | { refused: string };

/** Takes jobs until the signal; options as the command line's (OptionsError when they are wrong). */
export async function runWorker(options: RawOptions, hooks: WorkerHooks): Promise<WorkerSummary> {
  const config = workerConfig(options);
  const say = hooks.say;
  const connection = connectionOptions(config.queue, say);
  const client = new Redis(connection);
  client.on('error', () => {}); // (said by the retry strategy)
  const cache = config.cacheDir ? new DocCache(config.cacheDir) : undefined;
  const setups = new Map<string, Promise<Setup>>();
  const summary: WorkerSummary = { computed: 0, cached: 0, refused: 0 };
  const scratch = mkdtempSync(join(tmpdir(), 'zhtext-worker-'));

  const setupOf = (fingerprint: string): Promise<Setup> => {
    let setup = setups.get(fingerprint);
    if (!setup) {
      setup = prepare(fingerprint, config, client, scratch, say);
      setups.set(fingerprint, setup);
    }
    return setup;
  };

  const worker = new Worker<DocJobData, string>(
    QUEUE_NAME,
    async (job: Job<DocJobData, string>) => {
      const { fingerprint, path } = job.data;
      const setup = await setupOf(fingerprint);
      if ('refused' in setup) {
        summary.refused++;
        throw new UnrecoverableError(setup.refused);
      }
      const key = job.id!;
      let result: DocResult | undefined;
      const read = cache?.readResult(key);
      if (read && 'found' in read) {
        result = read.found;
        summary.cached++;
      } else {
        const bytes = await client.getBuffer(bytesKey(key));
        // (collected by another run over the same file, or expired: the coordinator adds the job again with them)
        if (!bytes) throw new UnrecoverableError(`${GONE} the bytes of ${path} are not in Redis`);
        result = await setup.compute(path, bytes, key);
        summary.computed++;
      }
      await client.set(resultKey(key), serialize(result), 'EX', RESULT_TTL_SECONDS);
      return 'stored';
    },
    {
      connection,
      // two jobs a process: one processed, one waiting, so that no process idles while a result travels
      concurrency: config.concurrency * 2,
      lockDuration: config.stallSeconds * 1000,
      stalledInterval: config.stallSeconds * 1000,
      // a document that stalls every worker it reaches fails after a few, instead of going round for ever
      maxStalledCount: 2,
    },
  );
  worker.on('error', () => {}); // (said by the retry strategy)
  worker.on('failed', (job, error) => {
    if (job && error.message.startsWith(REFUSED)) say(`refused ${job.data.path}: ${error.message.slice(REFUSED.length).trim()}`);
  });
  await worker.waitUntilReady();
  say(`waiting for documents on ${config.queue.display} (${config.concurrency} at once); stop with Ctrl-C`);
  hooks.onListening?.();
  await new Promise<void>((resolve) => {
    if (hooks.signal?.aborted) resolve();
    hooks.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  say('stopping: finishing the documents in hand');
  await worker.close();
  for (const setup of setups.values()) {
    const s = await setup;
    if (!('refused' in s)) await s.close();
  }
  client.disconnect();
  rmSync(scratch, { recursive: true, force: true });
  return summary;
}

/** the worker processes for a fingerprint's task, started once its fingerprint is found to be this worker's own */
async function prepare(fingerprint: string, config: WorkerConfig, client: Redis, scratch: string, say: (line: string) => void): Promise<Setup> {
  const stored = await client.get(taskKey(fingerprint));
  if (!stored) return { refused: `${REFUSED} no task is stored under the job's fingerprint ${fingerprint.slice(0, 12)} (the run that added it is gone)` };
  const wire = JSON.parse(stored) as WireTask;
  // the --entities files of the run, by content, in their order
  const folder = join(scratch, fingerprint.slice(0, 12));
  mkdirSync(folder, { recursive: true });
  const entityFiles = wire.entityFiles.map((content, k) => {
    const file = join(folder, `entities-${k}.tsv`);
    writeFileSync(file, Buffer.from(content, 'base64'));
    return file;
  });
  const task: TaskConfig = { ...wire.task, entityFiles, ...(config.dictionaryDir ? { dictionaryDir: config.dictionaryDir } : {}) };
  const own = fingerprintOf(task);
  if (own !== fingerprint) {
    const refused = `${REFUSED} this worker's dictionaries, knowledge base, code or package versions differ from the coordinator's (fingerprint ${own.slice(0, 12)} here, ${fingerprint.slice(0, 12)} in the job): run the same zhtext version with the same dictionaries (--dictionary-dir)`;
    say(refused.slice(REFUSED.length).trim());
    return { refused };
  }
  const pending = new Map<number, (result: DocResult) => void>();
  let failure: Error | undefined;
  let next = 0;
  const engine: Engine = await inWorkers(
    { workers: config.concurrency, task, docTimeoutMs: config.docTimeoutSeconds * 1000, ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}) },
    {
      deliver(result) {
        pending.get(result.index)?.(result);
        pending.delete(result.index);
      },
      fail(error) {
        failure ??= error;
        say(`a worker process failed: ${error.message}`);
      },
      warn: say,
    },
  );
  say(`ready for the run of fingerprint ${fingerprint.slice(0, 12)}`);
  return {
    async compute(path, bytes, key) {
      if (failure) throw failure;
      const index = next++;
      const result = new Promise<DocResult>((resolve) => pending.set(index, resolve));
      // the processes hold a few documents each; BullMQ's concurrency keeps within that
      while (!engine.offer({ index, path, bytes, key })) await new Promise((r) => setTimeout(r, 20));
      return result;
    },
    close: () => engine.close(),
  };
}
