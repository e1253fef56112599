// A worker process: told its task by the pool's first message, it loads the resources once, then
// turns files into DocResults in the order they come, storing each in the cache when the run has
// one, until the pool disconnects it. A process, not a thread, so that the pool can stop it at any
// moment (a document past its time limit) and outlive it (a crash, out of memory) safely: stopping a
// thread inside nodejieba's native code aborts the whole process.
import { DocCache } from '../cache/doc-cache.js';
import { createDocProcessor, type DocJob, type TaskConfig } from './process.js';

/** what the pool sends: the task first, then jobs */
export type ToWorker = { task: TaskConfig; cacheDir?: string } | { job: DocJob };

const send = (message: unknown) => process.send?.(message);
/**
 * Fault injection for the tests of a dying worker, and only for them: a job whose path holds this
 * text kills its process, as a crash in native code or the kernel's out-of-memory killer would.
 */
const crashOn = process.env.ZHTEXT_TEST_CRASH_ON;
// the pool is gone (ended, or killed): nothing is left to do
process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches every process of the terminal's group: the pool decides when its workers stop
// (`zhtext worker` finishes the documents in hand first), and they go when it does
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
process.once('message', (first: ToWorker) => {
  if (!('task' in first)) throw new Error('a worker process was sent a job before its task');
  try {
    const processor = createDocProcessor(first.task);
    const cache = first.cacheDir ? new DocCache(first.cacheDir) : undefined;
    process.on('message', (message: ToWorker) => {
      if (!('job' in message)) return;
      const { job } = message;
      if (crashOn && job.path.includes(crashOn)) process.kill(process.pid, 'SIGKILL');
      const result = processor.process(job);
      const cacheError = cache && job.key ? cache.store(job.key, result) : undefined;
      // with its peak memory so far, for run.json
      send({ result, cacheError, maxRssKb: process.resourceUsage().maxRSS });
    });
    send({ ready: processor.info });
  } catch (error) {
    // a dictionary or entity file that cannot be read: the pool reports it as the main thread would
    const e = error instanceof Error ? error : new Error(String(error));
    send({ loadError: { name: e.constructor.name, message: e.message } });
  }
});
