// Worker processes for the pool (pool.ts): each loads its own resources and processes the documents
// it is sent, in order. Being processes, they can be stopped and replaced at any moment:
// - a document that runs past the time limit stops its process and fails with `doc-timeout`;
// - a process that dies (out of memory, a crash in native code, killed from outside) costs no
//   document: the one it was processing is tried once more in a fresh process, and fails with
//   `worker-crashed` only if that one dies too; the documents it held waiting go to the others.
// Either way a new process takes the place of the old, and the run goes on.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DictionaryError } from '../errors.js';
import type { DocResult } from './doc-result.js';
import type { Engine, EngineEvents, PoolOptions } from './pool.js';
import { type DocJob, failedResult, type ReadyInfo } from './process.js';
import type { ToWorker } from './worker.js';

/** documents a worker holds at once: one being processed, the others waiting, so it never idles */
const PER_WORKER = 4;

/**
 * A worker's heap holds its resources (about 60 MB) and one document at a time; left unbounded, V8
 * lets garbage pile up to gigabytes before collecting it, which all workers together would pay in
 * memory. At this bound it collects sooner; the largest post read (2 MB, one line) fits (test/cli/faults.test.ts).
 */
const WORKER_HEAP_MB = 512;

/** a document is tried this many times when the process processing it dies */
const ATTEMPTS = 2;

/** workers that may die while loading before the run gives up (a machine short of memory) */
const LOAD_DEATHS = 3;

/** the last of a worker's standard error kept, to say why it died */
const STDERR_KEPT = 4096;

type FromWorker = { result: DocResult; cacheError?: string; maxRssKb: number } | { ready: ReadyInfo } | { loadError: { name: string; message: string } };

interface Held {
  job: DocJob;
  attempt: number;
}

interface WorkerProcess {
  child: ChildProcess;
  ready: boolean;
  /** the documents sent and not yet returned, in the order sent: the first is the one in hand */
  held: Held[];
  /** set when the first held document runs out of time */
  timer?: NodeJS.Timeout;
  /** the pool stopped it (the time limit, or the end of the run): its exit is no crash */
  stopped: boolean;
  stderr: string;
}

/** Worker processes, started and loaded before this returns: a bad entity file stops the run here. */
export async function inWorkers(options: PoolOptions, events: EngineEvents): Promise<Engine> {
  const limitMs = options.docTimeoutMs ?? 0;
  const pool = new Set<WorkerProcess>();
  /** documents to send before any new one: those a dead worker held */
  const backlog: Held[] = [];
  let info: ReadyInfo | undefined;
  let loadError: Error | undefined;
  let closing = false;
  let loadDeaths = 0;
  let loaded: () => void = () => {};
  const fail = (error: Error) => {
    loadError ??= error;
    events.fail(error);
    loaded();
  };

  const startClock = (w: WorkerProcess) => {
    clearTimeout(w.timer);
    w.timer = undefined;
    const first = w.held[0];
    if (!first || limitMs <= 0) return;
    w.timer = setTimeout(() => {
      // the document in hand is past its time: its process is stopped (and sent nothing more), the documents behind it go to the others
      w.held.shift();
      w.stopped = true;
      w.child.kill('SIGKILL');
      events.deliver(
        failedResult(first.job.index, first.job.path, 'doc-timeout', `processing took longer than ${limitMs / 1000} s (--doc-timeout); it was stopped`),
      );
    }, limitMs);
  };

  const send = (w: WorkerProcess, held: Held) => {
    w.held.push(held);
    w.child.send({ job: held.job } satisfies ToWorker);
    if (w.held.length === 1) startClock(w);
  };

  /** the backlog to workers with room, the least busy first */
  const pump = () => {
    while (backlog.length > 0) {
      const w = leastBusy();
      if (!w) return;
      send(w, backlog.shift()!);
    }
  };
  const leastBusy = () => {
    let best: WorkerProcess | undefined;
    for (const w of pool) if (w.ready && !w.stopped && w.held.length < PER_WORKER && (!best || w.held.length < best.held.length)) best = w;
    return best;
  };

  const start = () => {
    const child = fork(fileURLToPath(new URL('./worker.js', import.meta.url)), [], {
      serialization: 'advanced',
      execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const w: WorkerProcess = { child, ready: false, held: [], stopped: false, stderr: '' };
    pool.add(w);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      w.stderr = (w.stderr + chunk).slice(-STDERR_KEPT);
    });
    child.on('message', (message: FromWorker) => {
      // (a result that crossed with the kill of its process: the document has failed already)
      if (w.stopped) return;
      if ('result' in message) {
        if (options.usage) options.usage.workerPeakKb = Math.max(options.usage.workerPeakKb, message.maxRssKb);
        w.held.shift();
        startClock(w);
        events.deliver(message.result, message.cacheError);
        pump();
      } else if ('ready' in message) {
        w.ready = true;
        info = message.ready;
        loaded();
        pump();
      } else {
        const e = message.loadError;
        fail(e.name === 'DictionaryError' ? new DictionaryError(e.message) : new Error(e.message));
      }
    });
    child.on('error', (error) => {
      // a process that could not be started has no exit to tell it (a failure to send to one that just died is told by its exit)
      if (child.pid !== undefined) return;
      pool.delete(w);
      fail(new Error(`cannot start a worker process: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(w.timer);
      pool.delete(w);
      if (closing) return;
      // stopped for its time: it no longer holds the document it was processing; the others go back
      if (w.stopped) {
        backlog.unshift(...w.held);
        return start();
      }
      const how = howItEnded(code, signal, w.stderr);
      if (!w.ready) {
        if (loadError) return;
        if (++loadDeaths >= LOAD_DEATHS)
          return fail(new Error(`worker processes stopped while loading their resources, ${loadDeaths} times (the last: ${how})`));
        events.warn?.(`a worker process stopped while loading its resources (${how}); another takes its place`);
        return start();
      }
      const [first, ...waiting] = w.held;
      if (first) {
        if (first.attempt < ATTEMPTS) {
          waiting.unshift({ job: first.job, attempt: first.attempt + 1 });
          events.warn?.(`the worker process processing ${JSON.stringify(first.job.path)} stopped (${how}); another takes its place and tries it again`);
        } else {
          const reason = `the worker process processing it stopped (${how}), ${ATTEMPTS} times`;
          events.deliver(failedResult(first.job.index, first.job.path, 'worker-crashed', reason));
        }
      } else events.warn?.(`a worker process stopped (${how}); another takes its place`);
      backlog.unshift(...waiting);
      start();
    });
    child.send({ task: options.task, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}) } satisfies ToWorker);
  };

  const close = async () => {
    closing = true;
    await Promise.all(
      [...pool].map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
            w.child.once('exit', () => resolve());
            w.stopped = true;
            w.child.kill('SIGKILL');
          }),
      ),
    );
  };

  for (let k = 0; k < options.workers; k++) start();
  try {
    options.whileLoading?.();
  } catch {
    // (the same resources: the workers' load fails the same way, and says so below)
  }
  // every worker has its resources before any document is read
  while ([...pool].some((w) => !w.ready)) {
    if (loadError) {
      await close();
      throw loadError;
    }
    await new Promise<void>((resolve) => (loaded = resolve));
  }
  return {
    info: info!,
    offer(job) {
      pump();
      if (backlog.length > 0) return false;
      const w = leastBusy();
      if (!w) return false;
      send(w, { job, attempt: 1 });
      return true;
    },
    close,
  };
}

/** how a process ended, for a message: its exit code or signal, and out of memory when V8 said so */
function howItEnded(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  return /heap out of memory|Reached heap limit/.test(stderr) ? `out of memory, ${how}` : how;
}
