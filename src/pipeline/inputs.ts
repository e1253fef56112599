// Which files a run reads: files named on the command line as they are, and in folders every post
// file (.md .markdown .html .htm .txt), recursively, in code-unit order so runs are deterministic.
// Hidden entries, node_modules and a folder's README/LICENSE/CHANGELOG files are not posts.
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

/** The files of `paths` (which the options have checked exist), folders walked. */
export function collectInputs(paths: readonly string[]): Inputs {
  const inputs: Inputs = { files: [], skipped: [] };
  for (const path of paths) {
    if (statSync(path).isDirectory()) walk(path, inputs);
    else inputs.files.push(path);
  }
  inputs.files = [...new Set(inputs.files)];
  return inputs;
}

function walk(dir: string, inputs: Inputs): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, inputs);
    else if (!entry.isFile()) continue;
    else if (NOT_POSTS.test(entry.name)) inputs.skipped.push({ path, reason: 'documentation file, not a post' });
    else if (POST_EXTENSIONS.has(extname(entry.name).toLowerCase())) inputs.files.push(path);
    else inputs.skipped.push({ path, reason: `extension ${extname(entry.name) || '(none)'} is not a post type` });
  }
}
