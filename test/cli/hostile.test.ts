// A folder of every kind of bad file an archive holds, in one run, as a user meets them: each file
// is accounted for (its row in documents.csv, or a message saying why it was left out), each
// problem has its code and names the file, nothing stops the run, and the good files count.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { ROOT, readCsv } from '../helpers.js';

const base = mkdtempSync(join(tmpdir(), 'zhtext-hostile-'));
const folder = join(base, 'posts');
mkdirSync(folder);
const BODY = '<p>美国总统拜登星期二在白宫表示，美国将继续与日本和韩国保持密切合作。</p>\n';
const post = (front: string, body = BODY) => `---\n${front}\n---\n${body}`;
const ENCODINGS = join(ROOT, 'test', 'fixtures', 'encodings');

/** each file, what it holds, and what a run must make of it: its status and the codes of its messages */
const CASES: { name: string; content: string | Buffer; status: string; codes: string[] }[] = [
  { name: '2020-10-14-fm-not-yaml.md', content: post('title: [unclosed\n: : :'), status: 'failed', codes: ['front-matter-invalid'] },
  { name: '2020-10-14-fm-list.md', content: post('- a\n- b'), status: 'failed', codes: ['front-matter-invalid'] },
  { name: '2020-10-14-fm-number.md', content: post('42'), status: 'failed', codes: ['front-matter-invalid'] },
  // a YAML value of 10 MB: refused by its size before it is read
  { name: '2020-10-14-fm-huge-string.md', content: post(`title: "${'长'.repeat(3_500_000)}"`), status: 'failed', codes: ['file-too-large'] },
  { name: 'fm-date-absent.md', content: post('title: 无日期'), status: 'warning', codes: ['date-missing'] },
  { name: '2020-10-14-date-impossible.md', content: post('title: 不可能\ndate: 2020-13-45'), status: 'warning', codes: ['date-invalid'] },
  { name: '2020-10-14-date-disagrees.md', content: post('title: 不一致\ndate: 2021-01-01'), status: 'warning', codes: ['date-mismatch'] },
  { name: '2020-10-14-body-empty.md', content: post('title: ""', ''), status: 'failed', codes: ['date-from-filename', 'body-empty'] },
  {
    name: '2020-10-14-only-markup.md',
    content: post('title: ""', '<div><span></span><img src=x></div>\n'),
    status: 'failed',
    codes: ['date-from-filename', 'body-empty'],
  },
  {
    name: '2020-10-14-only-english.md',
    content: post('title: English', '<p>The president said on Tuesday that the United States would keep working with Japan.</p>\n'),
    status: 'ok',
    codes: ['date-from-filename'],
  },
  // one line of 20 MB: refused by its size
  { name: '2020-10-14-20mb-line.md', content: post('title: 一行', `${'中国外交部发言人表示'.repeat(700_000)}\n`), status: 'failed', codes: ['file-too-large'] },
  {
    name: '2020-10-14-deep.html',
    content: `<html><body>${'<div>'.repeat(10_000)}<p>美国总统拜登表示，美国将继续与日本合作。</p>${'</div>'.repeat(10_000)}</body></html>`,
    status: 'warning',
    codes: ['html-too-deep', 'date-from-filename'],
  },
  {
    name: '2020-10-14-escaped-thrice.html',
    content: '&amp;amp;lt;p&amp;amp;gt;美国总统拜登表示。&amp;amp;lt;/p&amp;amp;gt;',
    status: 'ok',
    codes: ['date-from-filename'],
  },
  {
    name: '2020-10-14-invalid-utf8.md',
    content: Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0xc3, 0x28, 0x0a]),
    status: 'failed',
    codes: ['utf8-invalid'],
  },
  {
    name: '2020-10-14-utf16.md',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(post('title: 十六位'), 'utf16le')]),
    status: 'ok',
    codes: ['encoding-bom', 'date-from-filename'],
  },
  {
    name: '2020-10-14-binary.md',
    content: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]),
    status: 'failed',
    codes: ['binary-file'],
  },
  { name: '2020-10-14-new\nline.md', content: post('title: 换行'), status: 'warning', codes: ['path-newline', 'date-from-filename'] },
  { name: '2020-10-14 name with spaces.md', content: post('title: 空格'), status: 'ok', codes: ['date-from-filename'] },
  { name: '2020-10-14-全角（标点）！.md', content: post('title: 全角'), status: 'ok', codes: ['date-from-filename'] },
];
for (const { name, content } of CASES) writeFileSync(join(folder, name), content);
// legacy encodings, from the project's fixtures: read as detected, with a warning saying so
const LEGACY = ['gbk.md', 'gb18030.md', 'big5.md'].map((file) => {
  const name = `2020-10-14-${file}`;
  copyFileSync(join(ENCODINGS, file), join(folder, name));
  return name;
});
// entries that are no post: a loop, a link to nowhere, a named pipe
symlinkSync('.', join(folder, 'loop'));
symlinkSync('/nonexistent/zhtext', join(folder, 'broken.md'));
const fifo = spawnSync('mkfifo', [join(folder, '2020-10-14-fifo.md')]).status === 0;

/**
 * Root reads every file whatever its mode: run as root, the run is made nobody's, who cannot read
 * what is chmod 000 (when nobody can reach the project at all, the unreadable cases cannot be made).
 */
const asRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };
const canMakeUnreadable =
  !asRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(ROOT, 'bin', 'zhtext.js'))})`], NOBODY).status === 0;

function run(args: string[]): { status: number | null; stderr: string } {
  const options = { cwd: ROOT, encoding: 'utf8' as const, env: { ...process.env, CI: 'true' }, ...(asRoot && canMakeUnreadable ? NOBODY : {}) };
  const result = spawnSync(process.execPath, ['bin/zhtext.js', ...args], options);
  return { status: result.status, stderr: result.stderr };
}

test('every hostile file is accounted for, with its code, and the run finishes', (t) => {
  if (!canMakeUnreadable) t.diagnostic('nobody cannot reach the project: the unreadable file and folder are left out');
  // an unreadable file and an unreadable folder
  if (canMakeUnreadable) makeUnreadable();
  const out = join(base, 'out');
  mkdirSync(out);
  chmodSync(out, 0o777);
  chmodSync(base, 0o755);

  const result = run(['analyze', folder, '--out', out, '--no-cache', '--quiet']);
  assert.equal(result.status, 1, result.stderr);
  const documents = readCsv(join(out, 'documents.csv'));
  const messages = readCsv(join(out, 'messages.csv'));
  const codesOf = (path: string) => messages.filter((m) => m.path === path).map((m) => m.code);
  for (const c of CASES) {
    const path = join(folder, c.name);
    const row = documents.find((d) => d.path === path);
    assert.ok(row, `${JSON.stringify(c.name)} has its row in documents.csv`);
    assert.equal(row.status, c.status, `${JSON.stringify(c.name)}: status`);
    assert.deepEqual(codesOf(path), c.codes, `${JSON.stringify(c.name)}: codes`);
  }
  // every message names its file, and says why
  for (const m of messages) assert.ok(m.path?.startsWith(folder) && m.reason, JSON.stringify(m));

  for (const name of LEGACY) {
    const path = join(folder, name);
    assert.equal(documents.find((d) => d.path === path)?.status, 'warning', name);
    assert.ok(codesOf(path).includes('encoding-detected'), name);
  }

  if (canMakeUnreadable) {
    const unreadable = documents.find((d) => d.path?.endsWith('2020-10-14-unreadable.md'));
    assert.equal(unreadable?.status, 'failed');
    assert.deepEqual(codesOf(join(folder, '2020-10-14-unreadable.md')), ['read-failed']);
    const closed = messages.find((m) => m.path === join(folder, 'closed'));
    assert.equal(closed?.code, 'read-failed');
    assert.match(closed?.reason ?? '', /EACCES/);
  }

  // left out, with their reason
  const leftOut = (name: string) => messages.find((m) => m.path === join(folder, name));
  assert.match(leftOut('loop')?.reason ?? '', /symbolic link back to/);
  assert.match(leftOut('broken.md')?.reason ?? '', /broken symbolic link/);
  if (fifo) assert.match(leftOut('2020-10-14-fifo.md')?.reason ?? '', /named pipe/);
  for (const name of ['loop', 'broken.md', ...(fifo ? ['2020-10-14-fifo.md'] : [])]) assert.equal(leftOut(name)?.code, 'not-a-post');

  // the good files count: the same sentence, read from UTF-16, GBK and a name with full-width punctuation
  const terms = readCsv(join(out, 'terms.csv'));
  assert.ok(terms.some((t) => t.term === '拜登'));
  // (and the unreadable file)
  assert.equal(documents.length, CASES.length + LEGACY.length + (canMakeUnreadable ? 1 : 0));
});

/** a file and a folder that the run cannot read */
function makeUnreadable(): void {
  writeFileSync(join(folder, '2020-10-14-unreadable.md'), post('title: 读不了'));
  chmodSync(join(folder, '2020-10-14-unreadable.md'), 0o000);
  mkdirSync(join(folder, 'closed'));
  writeFileSync(join(folder, 'closed', '2020-10-14-inside.md'), post('title: 里面'));
  chmodSync(join(folder, 'closed'), 0o000);
}
