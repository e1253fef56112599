import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { collectInputs } from '../../../src/pipeline/inputs.js';

test('folders are walked recursively in code-unit order; non-posts are listed as skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-inputs-'));
  mkdirSync(join(dir, 'b'));
  for (const f of ['b/2.md', 'a.html', 'README.md', 'c.txt', 'photo.jpg', '.hidden.md']) writeFileSync(join(dir, f), 'x');
  const inputs = collectInputs([dir]);
  assert.deepEqual(inputs.files, [join(dir, 'a.html'), join(dir, 'b/2.md'), join(dir, 'c.txt')]);
  assert.deepEqual(inputs.skipped.map((s) => s.path).sort(), [join(dir, 'README.md'), join(dir, 'photo.jpg')]);
});
