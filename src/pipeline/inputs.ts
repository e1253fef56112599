// Which files a run reads: files named on the command line as they are, and in folders every post
// file (.md .markdown .html .htm .txt), recursively, in code-unit order so runs are deterministic.
// Hidden entries, node_modules and a folder's README/LICENSE/CHANGELOG files are not posts. Folders
// are walked lazily: a run holds the folder it is in, not the list of every file. Symbolic links are
// followed, a folder already being walked (a link loop) is not entered twice; a broken link, a named
// pipe or device (reading one could wait for ever) and a folder that cannot be read are left out, each
// with its reason.
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { compareCodeUnits } from '../text/compare.js';

export const POST_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.html', '.htm', '.txt']);
const NOT_POSTS = /^(readme|license|licence|changelog|contributing)(\.[a-z]+)?$/i;

export interface Inputs {
  files: string[];
  /** files inside folders that were left out, and why */
  skipped: { path: string; reason: string; code?: 'read-failed' }[];
}

/** A file to read, or a file in a folder that is left out, and why (`read-failed` when it could not be read, `not-a-post` otherwise). */
export type InputEntry = { file: string } | { skipped: { path: string; reason: string; code?: 'read-failed' } };

/**
 * The files of `paths` (which the options have checked exist), folders walked as they are reached,
 * not listed whole first. A file reached twice (a folder and a file in it both named) is read once.
 */
export function* walkInputs(paths: readonly string[]): Generator<InputEntry> {
  const yielded = paths.length > 1 ? new Set<string>() : undefined;
  for (const path of paths) {
    const entries = statSync(path).isDirectory() ? walk(path, new Set()) : [{ file: path }];
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

/** the folder's entries; `open` holds the real paths of the folders being walked (a link back to one is a loop) */
function* walk(dir: string, open: Set<string>): Generator<InputEntry> {
  let real: string;
  let entries: Dirent[];
  try {
    real = realpathSync(dir);
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareCodeUnits(a.name, b.name));
  } catch (error) {
    yield { skipped: { path: dir, reason: `the folder cannot be read: ${(error as Error).message}`, code: 'read-failed' } };
    return;
  }
  if (open.has(real)) {
    yield { skipped: { path: dir, reason: `a symbolic link back to ${real}, a folder already being read: not read again` } };
    return;
  }
  open.add(real);
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    let kind = kindOf(entry);
    if (entry.isSymbolicLink()) {
      try {
        kind = kindOf(statSync(path));
      } catch (error) {
        yield { skipped: { path, reason: `a broken symbolic link: ${(error as Error).message}` } };
        continue;
      }
    }
    if (kind === 'folder') yield* walk(path, open);
    else if (kind !== 'file') yield { skipped: { path, reason: 'not a regular file (a named pipe, socket or device): not read' } };
    else if (NOT_POSTS.test(entry.name)) yield { skipped: { path, reason: 'documentation file, not a post' } };
    else if (POST_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield { file: path };
    else yield { skipped: { path, reason: `extension ${extname(entry.name) || '(none)'} is not a post type` } };
  }
  open.delete(real);
}

/** a folder, a file, or neither (a named pipe, a socket, a device, an unfollowed link) */
function kindOf(entry: { isDirectory(): boolean; isFile(): boolean }): 'folder' | 'file' | 'other' {
  return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
}
