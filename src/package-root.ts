// The package's own folder and version, found from this module's location so that both the compiled
// dist/ (published) and build/src (tests) resolve the same package.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    if (dir === dirname(dir)) throw new Error('zhtext: cannot find its package.json');
    dir = dirname(dir);
  }
  return dir;
}

export function zhtextVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
