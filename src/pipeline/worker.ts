// A worker thread: loads the resources once (nodejieba keeps one dictionary per thread, so each
// worker has its own), then turns files into DocResults until the pool ends it, storing each in the
// cache when the run has one.
import { parentPort, workerData } from 'node:worker_threads';
import { DocCache } from '../cache/doc-cache.js';
import { transferables } from './doc-result.js';
import { createDocProcessor, type DocJob, type TaskConfig } from './process.js';

const port = parentPort!;
const { task, cacheDir } = workerData as { task: TaskConfig; cacheDir?: string };
try {
  const processor = createDocProcessor(task);
  const cache = cacheDir ? new DocCache(cacheDir) : undefined;
  port.on('message', (job: DocJob) => {
    const result = processor.process(job);
    // stored before its buffers move to the main thread
    const cacheError = cache && job.key ? cache.store(job.key, result) : undefined;
    port.postMessage({ result, cacheError }, transferables(result));
  });
  port.postMessage({ ready: processor.info });
} catch (error) {
  // a dictionary or entity file that cannot be read: the pool reports it as the main thread would
  const e = error instanceof Error ? error : new Error(String(error));
  port.postMessage({ loadError: { name: e.constructor.name, message: e.message } });
}
