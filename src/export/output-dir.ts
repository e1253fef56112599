// Outputs are written to a staging folder inside the output folder and moved into place only when
// every file is complete, so a failed or interrupted run never leaves half-written tables.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeOutputs(outDir: string, files: Map<string, string>): string[] {
  mkdirSync(outDir, { recursive: true });
  const staging = join(outDir, `.zhtext-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    for (const name of files.keys()) renameSync(join(staging, name), join(outDir, name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return [...files.keys()].map((name) => join(outDir, name));
}
