// What the coordinator and the workers agree on: the queue's name, the keys besides BullMQ's, and
// what a job carries. A job is one file: its path as the run names it (the stages read the file
// name for a date) and the fingerprint of everything that shapes its result (cache/fingerprint.ts);
// its id is the file's cache key, so a job added twice is one job and a retried one computes the
// same result. The file's bytes wait beside it in Redis under the same key, as they are (no shared
// filesystem is needed, and no base64 in the job's JSON); the result comes back the same way. The
// task a fingerprint stands for, with the contents of the --entities files, is stored once a run.
import type { TaskConfig } from '../pipeline/process.js';

export const QUEUE_NAME = 'zhtext';

/** keys of zhtext's own, beside BullMQ's (bull:zhtext:…) */
export const taskKey = (fingerprint: string) => `zhtext:task:${fingerprint}`;
export const resultKey = (jobId: string) => `zhtext:result:${jobId}`;
export const bytesKey = (jobId: string) => `zhtext:bytes:${jobId}`;

/** a stored result or file the coordinator never collected (it was stopped for good) expires after a day */
export const RESULT_TTL_SECONDS = 24 * 60 * 60;
/** a run's task, refreshed when a run starts, expires after a week */
export const TASK_TTL_SECONDS = 7 * 24 * 60 * 60;

export interface DocJobData {
  fingerprint: string;
  path: string;
}

/** the task as a worker on another machine needs it: no paths of the coordinator's, the --entities files by content */
export interface WireTask {
  task: Omit<TaskConfig, 'dictionaryDir' | 'entityFiles'>;
  /** each --entities file's bytes, base64 (the fingerprint hashes them exactly) */
  entityFiles: string[];
}
