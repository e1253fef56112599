// A run's peak memory in all: GNU time's maximum RSS counts the zhtext process only, not its worker
// processes, so each worker is added at the largest worker's peak (run.json's
// timing.worker_peak_memory_mb): an upper bound, since the workers need not peak together.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** the main process's peak (MB) with its workers', read from the run.json in `outDir` when it has one */
export function withWorkers(mainPeakMb: number, outDir: string | undefined): number {
  const file = outDir && join(outDir, 'run.json');
  if (!file || !existsSync(file)) return mainPeakMb;
  const { timing } = JSON.parse(readFileSync(file, 'utf8')) as { timing: { workers: number | null; worker_peak_memory_mb?: number | null } };
  return mainPeakMb + (timing.workers ?? 0) * (timing.worker_peak_memory_mb ?? 0);
}
