// The fingerprint of everything that shapes a per-document result besides the file itself: the
// options the per-document stages read, every dictionary file and --entities file by content, the
// compiled code of zhtext and the versions of the packages and of Node it runs on. Two runs with the
// same fingerprint turn the same bytes into the same DocResult, so a result cached under one is
// valid for the other; any change to these makes every key new (a word added to a dictionary can
// move any segmentation, so no finer split would be safe).
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersions } from '../export/run-info.js';
import type { TaskConfig } from '../pipeline/process.js';
import { defaultDictionaryDir } from '../pipeline/resources.js';
import { compareCodeUnits } from '../text/compare.js';

/** bumped when the format of a cache entry or of DocResult changes in a way the code hash would not show */
export const CACHE_FORMAT = 1;

/** the folder of the compiled sources (dist/ or build/src/), of which this module is one */
const CODE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** What shapes a DocResult, as a hex digest. Reads every dictionary file and the compiled code. */
export function fingerprintOf(task: TaskConfig): string {
  const hash = createHash('sha256');
  const field = (name: string, value: string) => hash.update(`${name}\0${value}\0`);
  field('format', String(CACHE_FORMAT));
  field('tz', String(task.tzOffsetMinutes));
  field('unit', JSON.stringify(task.unit));
  field('kwic', task.kwicQuery ?? '');
  // (absent, the choice follows the dictionary folder, hashed below)
  field('recognizer', task.recognizer ?? '');
  for (const [name, version] of Object.entries(packageVersions())) field(`package ${name}`, version);
  const dictionaryDir = resolve(task.dictionaryDir ?? defaultDictionaryDir());
  // Markdown files are the dictionaries' documentation, read by people only
  hashTree(hash, 'dictionary', dictionaryDir, (name) => !name.endsWith('.md'));
  for (const file of task.entityFiles) {
    field('entities', '');
    hash.update(readFileSync(file));
  }
  hashTree(hash, 'code', CODE_ROOT, (name) => name.endsWith('.js'));
  return hash.digest('hex');
}

/** every file under `root` that `wanted` accepts, by its relative path and content, in code-unit order */
function hashTree(hash: Hash, label: string, root: string, wanted: (name: string) => boolean): void {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && wanted(entry.name)) files.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  for (const file of files.sort(compareCodeUnits)) {
    hash.update(`${label} ${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
}
