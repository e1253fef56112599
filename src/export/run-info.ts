// run.json: how the outputs were made. Everything but `timing` is deterministic, so two runs with
// the same inputs and options differ only there.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGES = ['nodejieba', 'opencc-js', 'gray-matter', 'js-yaml', 'cheerio', 'csv-stringify', 'china-area-data', 'chardet'];

export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '';
    }
    dir = dirname(dir);
  }
  return '';
}

export function packageVersions(): Record<string, string> {
  const versions: Record<string, string> = { node: process.versions.node };
  for (const name of PACKAGES) versions[name] = packageVersion(name);
  return versions;
}

/** dictionary files with their hashes, paths relative to the dictionary folder's parent */
export function dictionaryHashes(files: string[], root: string): { path: string; sha256: string }[] {
  return files.map((f) => ({ path: relative(root, f).split('\\').join('/'), sha256: fileHash(f) }));
}
