// The pool's engine for --queue: each file goes to Redis as a BullMQ job, workers anywhere (`zhtext
// worker`) compute it, and its result comes back through Redis, to be handed on in input order as a
// local run would. Redis stays bounded: no more than IN_FLIGHT jobs at once, and each result is
// read, stored in this run's cache, and removed with its job as it arrives.
//
// Completions are heard on BullMQ's event stream and, in case one was missed (Redis restarted, the
// stream trimmed), the jobs in flight are looked at every few seconds: a job found finished is
// collected, a job found gone (with no result) is added again. A coordinator started again with the
// same arguments finds the results it collected in its cache and the jobs still in Redis by their
// ids: it resumes.
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { DocCache } from '../cache/doc-cache.js';
import { fingerprintOf } from '../cache/fingerprint.js';
import { UsageError } from '../errors.js';
import { asThisRuns, type DocResult, isLasting } from '../pipeline/doc-result.js';
import type { Engine, EngineEvents, PoolOptions } from '../pipeline/pool.js';
import { createDocProcessor, type DocJob, failedResult, loadTaskResources, tooLarge } from '../pipeline/process.js';
import { connectionOptions, type QueueAddress } from './connection.js';
import { bytesKey, type DocJobData, QUEUE_NAME, RESULT_TTL_SECONDS, resultKey, TASK_TTL_SECONDS, taskKey, type WireTask } from './jobs.js';

/** jobs in Redis at once, at most: enough to keep a few machines' workers busy, few enough to bound Redis */
export const IN_FLIGHT = 256;
/** how often the jobs in flight are looked at directly, in milliseconds */
const RECONCILE_MS = 3000;
/** how often the number of workers is asked, in milliseconds */
const WORKERS_MS = 5000;
/** a job's attempts before it fails (a worker that stalls or cannot store its result) */
const ATTEMPTS = 3;

export interface QueueHooks {
  /** something the user should know (Redis unreachable, a worker count) */
  say?: (message: string) => void;
  /** the number of workers connected, when it changes */
  onWorkers?: (count: number) => void;
}

/** The queue engine; what loading the resources tells the run comes from this thread's own load. */
export async function inQueue(options: PoolOptions, address: QueueAddress, events: EngineEvents, hooks: QueueHooks = {}): Promise<Engine> {
  const say = hooks.say ?? (() => {});
  const connection = connectionOptions(address, say);
  const { task } = options;
  const fingerprint = fingerprintOf(task);
  const cache = options.cacheDir ? new DocCache(options.cacheDir) : undefined;
  const info = createDocProcessor(task, options.resources?.() ?? loadTaskResources(task)).info;

  const queue = new Queue<DocJobData, string>(QUEUE_NAME, { connection, streams: { events: { maxLen: 10_000 } } });
  const queueEvents = new QueueEvents(QUEUE_NAME, { connection });
  queue.on('error', () => {}); // (said by the retry strategy)
  queueEvents.on('error', () => {});
  // zhtext's own keys (the task, the results) through a client of its own
  const client = new Redis(connection);
  client.on('error', () => {});
  const wire: WireTask = {
    task: {
      tzOffsetMinutes: task.tzOffsetMinutes,
      unit: task.unit,
      ...(task.recognizer ? { recognizer: task.recognizer } : {}),
      ...(task.kwicQuery !== undefined ? { kwicQuery: task.kwicQuery } : {}),
      ...(task.outlets ? { outlets: task.outlets } : {}),
    },
    entityFiles: task.entityFiles.map((file) => readFileSync(file).toString('base64')),
  };
  await client.set(taskKey(fingerprint), JSON.stringify(wire), 'EX', TASK_TTL_SECONDS);

  /** the jobs of each id in flight (more than one when the same file is read twice under one name), and when it was added */
  const inFlight = new Map<string, { jobs: DocJob[]; data: DocJobData; bytes: Uint8Array; since: number }>();
  const chains = new Map<string, Promise<unknown>>();
  let closed = false;

  const fail = (error: unknown) => {
    if (!closed) events.fail(error instanceof Error ? error : new Error(String(error)));
  };
  // a finished job removes itself; its result waits in zhtext:result:<id> until collected
  const add = async (id: string) => {
    const entry = inFlight.get(id);
    if (!entry) return;
    await client.set(bytesKey(id), Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength), 'EX', RESULT_TTL_SECONDS);
    await queue.add('doc', entry.data, {
      jobId: id,
      attempts: ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: false,
    });
  };

  /** hands on the stored result of a job in flight, if there is one; true when it did */
  const collect = async (id: string): Promise<boolean> => {
    const entry = inFlight.get(id);
    if (!entry) return true;
    const stored = await client.getBuffer(resultKey(id));
    if (!stored || !inFlight.has(id)) return !inFlight.has(id);
    inFlight.delete(id);
    for (const j of entry.jobs) {
      const result = asThisRuns(deserialize(stored) as DocResult, j.index, j.path);
      const cacheError = cache && j.key && isLasting(result) ? cache.store(j.key, result) : undefined;
      events.deliver(result, cacheError);
    }
    await client.del(resultKey(id), bytesKey(id));
    return true;
  };
  /** a job that failed on every attempt: its documents fail, or (a worker refused it) the run stops */
  const failed = async (id: string, reason: string) => {
    const entry = inFlight.get(id);
    // a stale copy of a job collected already: removed, so that nothing of the run stays in Redis
    if (!entry) return void (await queue.remove(id));
    // a worker whose dictionaries or versions differ refuses: no result of this run may come from it
    if (reason.startsWith(REFUSED)) return fail(new QueueRefusedError(`a worker refused ${entry.data.path}: ${reason.slice(REFUSED.length).trim()}`));
    await queue.remove(id);
    // its bytes were taken by another run over the same file: given again
    if (reason.startsWith(GONE)) return add(id);
    inFlight.delete(id);
    await client.del(bytesKey(id));
    for (const j of entry.jobs) events.deliver(failedResult(j.index, j.path, 'queue-job-failed', `with --queue: ${reason}`));
  };
  /** the work on each id, one after another: an event and a look at the jobs in flight may come together */
  const once = (id: string, work: () => Promise<unknown>) => {
    const next = (chains.get(id) ?? Promise.resolve()).then(work).catch(fail);
    chains.set(id, next);
    void next.then(() => {
      if (chains.get(id) === next) chains.delete(id);
    });
  };
  queueEvents.on('completed', ({ jobId }) =>
    once(jobId, async () => {
      // (a result collected by another run over the same file: computed again)
      if (!(await collect(jobId))) await add(jobId);
    }),
  );
  queueEvents.on('failed', ({ jobId, failedReason }) => once(jobId, () => failed(jobId, failedReason)));
  // the jobs in flight for a while, looked at directly, in case an event was missed
  const reconcile = setInterval(() => {
    const now = Date.now();
    for (const [id, entry] of inFlight) {
      if (now - entry.since < RECONCILE_MS || chains.has(id)) continue;
      once(id, async () => {
        if (await collect(id)) return;
        const state = await queue.getJobState(id);
        // gone: finished (and removed) since the look at its result, or lost; its result settles which
        if (state === 'unknown') {
          if (!(await collect(id))) await add(id);
        } else if (state === 'failed') await failed(id, (await queue.getJob(id))?.failedReason ?? 'the job failed');
      });
    }
  }, RECONCILE_MS);
  let workers = -1;
  const count = setInterval(() => {
    queue
      .getWorkersCount()
      .then((n) => {
        if (n !== workers) hooks.onWorkers?.(n);
        workers = n;
      })
      .catch(() => {});
  }, WORKERS_MS);
  await queueEvents.waitUntilReady();

  return {
    info,
    offer(job) {
      if (inFlight.size >= IN_FLIGHT) return false;
      const large = tooLarge(job.path, job.bytes);
      if (large) {
        events.deliver(failedResult(job.index, job.path, 'file-too-large', large));
        return true;
      }
      let bytes: Uint8Array;
      try {
        bytes = job.bytes ?? readFileSync(job.path);
      } catch (error) {
        // the workers cannot read this machine's files: a file it cannot read fails here, as a local run fails it
        events.deliver(failedResult(job.index, job.path, 'read-failed', error instanceof Error ? error.message : String(error)));
        return true;
      }
      const id = job.key ?? DocCache.keyOf(fingerprint, job.path, bytes);
      job.key ??= id;
      const entry = inFlight.get(id);
      if (entry) {
        entry.jobs.push(job);
        return true;
      }
      const data: DocJobData = { fingerprint, path: job.path };
      inFlight.set(id, { jobs: [job], data, bytes, since: Date.now() });
      // a result already stored (by a run stopped before it collected it) is collected at once
      once(id, async () => {
        if (!(await collect(id))) await add(id);
      });
      return true;
    },
    async close() {
      closed = true;
      clearInterval(reconcile);
      clearInterval(count);
      await queueEvents.close();
      await queue.close();
      client.disconnect();
    },
  };
}

/** how a worker's refusal begins (a worker whose fingerprint differs from the coordinator's) */
export const REFUSED = 'refused:';
/** how a job's failure begins when its file's bytes were not in Redis */
export const GONE = 'gone:';

/** a worker refused this run's jobs: its dictionaries, knowledge base or versions differ (the run stops, exit 2) */
export class QueueRefusedError extends UsageError {}
