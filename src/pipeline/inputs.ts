// Which files a run reads: files named on the command line as they are, and in folders every post
// file (.md .markdown .html .htm .txt), recursively, in code-unit order so runs are deterministic.
// Hidden entries, node_modules and a folder's README/LICENSE/CHANGELOG files are not posts. Folders
// are walked lazily: a run holds the folder it is in, not the list of every file.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { compareCodeUnits } from '../text/compare.js';

export const POST_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.html', '.htm', '.txt']);
const NOT_POSTS = /^(readme|license|licence|changelog|contributing)(\.[a-z]+)?$/i;

export interface Inputs {
  files: string[];
  /** files inside folders that were left out, and why */
  skipped: { path: string; reason: string }[];
}

/** A file to read, or a file in a folder that is left out, and why. */
export type InputEntry = { file: string } | { skipped: { path: string; reason: string } };

/**
 * The files of `paths` (which the options have checked exist), folders walked as they are reached,
 * not listed whole first. A file reached twice (a folder and a file in it both named) is read once.
 */
export function* walkInputs(paths: readonly string[]): Generator<InputEntry> {
  const yielded = paths.length > 1 ? new Set<string>() : undefined;
  for (const path of paths) {
    const entries = statSync(path).isDirectory() ? walk(path) : [{ file: path }];
    for (const entry of entries) {
      if ('file' in entry && yielded) {
        if (yielded.has(entry.file)) continue;
        yielded.add(entry.file);
      }
      yield entry;
    }
  }
}

/** how many files walkInputs gives (a walk of the folders that reads no file), for progress */
export function countInputs(paths: readonly string[]): number {
  let n = 0;
  for (const entry of walkInputs(paths)) if ('file' in entry) n++;
  return n;
}

/** every file and every left-out file of `paths`, at once (small inputs, tests) */
export function collectInputs(paths: readonly string[]): Inputs {
  const inputs: Inputs = { files: [], skipped: [] };
  for (const entry of walkInputs(paths)) {
    if ('file' in entry) inputs.files.push(entry.file);
    else inputs.skipped.push(entry.skipped);
  }
  return inputs;
}

function* walk(dir: string): Generator<InputEntry> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (!entry.isFile()) continue;
    else if (NOT_POSTS.test(entry.name)) yield { skipped: { path, reason: 'documentation file, not a post' } };
    else if (POST_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield { file: path };
    else yield { skipped: { path, reason: `extension ${extname(entry.name) || '(none)'} is not a post type` } };
  }
}
