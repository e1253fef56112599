import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import test from 'node:test';
import { collectInputs, countInputs, walkInputs } from '../../../src/pipeline/inputs.js';

test('folders are walked recursively in code-unit order; non-posts are listed as skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-inputs-'));
  mkdirSync(join(dir, 'b'));
  for (const f of ['b/2.md', 'a.html', 'README.md', 'c.txt', 'photo.jpg', '.hidden.md']) writeFileSync(join(dir, f), 'x');
  const inputs = collectInputs([dir]);
  assert.deepEqual(inputs.files, [join(dir, 'a.html'), join(dir, 'b/2.md'), join(dir, 'c.txt')]);
  assert.deepEqual(inputs.skipped.map((s) => s.path).sort(), [join(dir, 'README.md'), join(dir, 'photo.jpg')]);
});

test('walking is lazy: the first file comes before the walk is over, and a file named twice is read once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-inputs-'));
  for (const d of ['a', 'b']) mkdirSync(join(dir, d));
  for (const f of ['a/1.md', 'b/2.md', 'b/3.txt']) writeFileSync(join(dir, f), 'x');
  const walk = walkInputs([dir]);
  assert.deepEqual(walk.next().value, { file: join(dir, 'a/1.md') });
  const rest = [...walk].map((e) => ('file' in e ? e.file : ''));
  assert.deepEqual(rest, [join(dir, 'b/2.md'), join(dir, 'b/3.txt')]);
  assert.equal(countInputs([dir, join(dir, 'b/2.md')]), 3);
});

test('symbolic links are followed; a loop, a broken link, a named pipe and a folder that cannot be read are left out with their reasons, and the walk ends', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-inputs-links-'));
  const posts = join(dir, 'posts');
  mkdirSync(join(posts, 'sub'), { recursive: true });
  writeFileSync(join(posts, 'a.md'), 'a');
  writeFileSync(join(dir, 'outside.md'), 'b');
  symlinkSync(join(dir, 'outside.md'), join(posts, 'linked.md'));
  symlinkSync(posts, join(posts, 'sub', 'back'));
  symlinkSync(join(dir, 'nowhere.md'), join(posts, 'broken.md'));
  execFileSync('mkfifo', [join(posts, 'pipe.md')]);
  const { files, skipped } = collectInputs([posts]);
  assert.deepEqual(
    files.map((f) => relative(posts, f)),
    ['a.md', 'linked.md'],
  );
  const reasons = Object.fromEntries(skipped.map((s) => [relative(posts, s.path), s.reason]));
  assert.match(reasons['broken.md']!, /broken symbolic link/);
  assert.match(reasons['pipe.md']!, /not a regular file/);
  assert.match(reasons[join('sub', 'back')]!, /symbolic link back to .*posts, a folder already being read/);
  rmSync(dir, { recursive: true, force: true });
});
