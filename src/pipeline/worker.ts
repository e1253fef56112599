// A worker thread: loads the resources once (nodejieba keeps one dictionary per thread, so each
// worker has its own), then turns paths into DocResults until the pool ends it.
import { parentPort, workerData } from 'node:worker_threads';
import { transferables } from './doc-result.js';
import { createDocProcessor, type TaskConfig } from './process.js';

const port = parentPort!;
try {
  const processor = createDocProcessor(workerData as TaskConfig);
  port.on('message', ({ index, path }: { index: number; path: string }) => {
    const result = processor.process(index, path);
    port.postMessage({ result }, transferables(result));
  });
  port.postMessage({ ready: processor.info });
} catch (error) {
  // a dictionary or entity file that cannot be read: the pool reports it as the main thread would
  const e = error instanceof Error ? error : new Error(String(error));
  port.postMessage({ loadError: { name: e.constructor.name, message: e.message } });
}
