// Faults in the worker processes cost one document at most: a document past --doc-timeout is stopped
// and fails alone; a worker process that dies is replaced and its document tried again; a document
// that kills every process given it fails with worker-crashed. In each case the run finishes and
// every other document counts as in a run without the fault.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, type Dirent, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import test from 'node:test';
import { ROOT, readCsv, writeCorpus, writeLongPost, zhtext } from '../helpers.js';
import { childrenOf } from '../processes.js';

const base = mkdtempSync(join(tmpdir(), 'zhtext-faults-'));
const corpus = join(base, 'posts');
writeCorpus(corpus, 40);
/** the tables that count documents (documents.csv and messages.csv name the failed one besides) */
const COUNTED = ['terms.csv', 'entities.csv', 'entity_mentions.csv', 'cooccurrence.csv'];

/** the corpus without any fault: what every other document must give */
const clean = join(base, 'clean');
assert.equal(zhtext('analyze', corpus, '--out', clean, '--no-cache', '--quiet').status, 1);

/** the counting tables of a run over `folder` hold what those of `expected` (a run over `expectedFolder`) hold, paths apart */
function assertCounted(out: string, folder: string, expected: string, expectedFolder: string, label: string): void {
  for (const name of COUNTED) {
    const text = readFileSync(join(out, name), 'utf8').replaceAll(`${folder}/`, `${expectedFolder}/`);
    assert.equal(text, readFileSync(join(expected, name), 'utf8'), `${label}: ${name} as without the fault`);
  }
}

function statusOf(out: string, file: string): Record<string, string> {
  const row = readCsv(join(out, 'documents.csv')).find((d) => d.path?.endsWith(file));
  assert.ok(row, `${file} is in documents.csv`);
  return row;
}

test('--doc-timeout: a document past the limit fails alone, with 1 and 2 workers, and is not cached', () => {
  const slow = join(base, 'slow');
  cpSync(corpus, slow, { recursive: true });
  // about 1.9 MB of text: several seconds of work, against a limit of one second
  writeLongPost(join(slow, '2020-10-15-long.md'), 1_900_000);
  for (const workers of ['1', '2']) {
    const out = join(base, `timeout-${workers}`);
    const run = zhtext('analyze', slow, '--out', out, '--doc-timeout', '1', '--workers', workers, '--no-cache');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /2020-10-15-long\.md.*doc-timeout: processing took longer than 1 s/);
    assert.equal(statusOf(out, '2020-10-15-long.md').status, 'failed');
    const message = readCsv(join(out, 'messages.csv')).find((m) => m.code === 'doc-timeout');
    assert.ok(message?.path?.endsWith('2020-10-15-long.md'), 'messages.csv names the file');
    // every other document, including those waiting behind it in the stopped process
    assert.equal(readCsv(join(out, 'documents.csv')).filter((d) => d.status === 'failed').length, 2, 'the broken post and the long one');
    assertCounted(out, slow, clean, corpus, `${workers} workers`);
    assert.equal(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).options.doc_timeout_seconds, 1);
  }
  // a timeout depends on the machine, not on the file: the cache keeps no such failure
  const cache = join(base, 'timeout-cache');
  assert.equal(zhtext('analyze', slow, '--out', join(base, 'cached-1'), '--doc-timeout', '1', '--cache', cache, '--quiet').status, 1);
  const again = zhtext('analyze', slow, '--out', join(base, 'cached-2'), '--doc-timeout', '0', '--cache', cache, '--quiet');
  assert.equal(again.status, 1, again.stderr);
  assert.equal(statusOf(join(base, 'cached-2'), '2020-10-15-long.md').status, 'ok');
  // every file but the long one (44 of 45) was stored by the first run
  assert.match(again.stderr, /\(44 from the cache\)/);
});

test('a document that kills every worker process given it fails with worker-crashed; the run goes on', () => {
  const out = join(base, 'poison');
  const run = spawnSync(process.execPath, ['bin/zhtext.js', 'analyze', corpus, '--out', out, '--workers', '2', '--no-cache'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ZHTEXT_TEST_CRASH_ON: 'post-007.md' },
  });
  assert.equal(run.status, 1, run.stderr);
  // tried once more in a fresh process, then failed
  assert.match(run.stderr, /post-007\.md" stopped \(signal SIGKILL\); another takes its place and tries it again/);
  assert.match(run.stderr, /post-007\.md.*worker-crashed: the worker process processing it stopped \(signal SIGKILL\), 2 times/);
  assert.equal(statusOf(out, 'post-007.md').status, 'failed');
  // the others count as they do in a run without post-007
  const without = join(base, 'without-007');
  cpSync(corpus, without, { recursive: true });
  rmSync(join(without, '2020-10-17-post-007.md'));
  const expected = join(base, 'without-007-out');
  assert.equal(zhtext('analyze', without, '--out', expected, '--no-cache', '--quiet').status, 1);
  assertCounted(out, corpus, expected, without, 'post-007 failed');
});

test('a worker process killed from outside mid-run is replaced; the outputs are the same bytes', async () => {
  const big = join(base, 'big');
  writeCorpus(big, 600);
  const expected = join(base, 'big-clean');
  assert.equal(zhtext('analyze', big, '--out', expected, '--by', 'day', '--no-cache', '--quiet').status, 1);

  const out = join(base, 'big-killed');
  const cache = join(base, 'big-cache');
  const child = spawn(process.execPath, ['bin/zhtext.js', 'analyze', big, '--out', out, '--by', 'day', '--workers', '2', '--cache', cache, '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // the workers are processing once results reach the cache: one of them is killed then
  const entries = () => {
    try {
      return readdirSync(cache, { recursive: true }).length;
    } catch {
      return 0;
    }
  };
  while (entries() < 60) await new Promise((r) => setTimeout(r, 20));
  const workers = childrenOf(child.pid!);
  assert.equal(workers.length, 2, 'two worker processes');
  process.kill(workers[0]!, 'SIGKILL');
  assert.equal(await exited, 1, stderr);
  assert.match(stderr, /stopped \(signal SIGKILL\); another takes its place/);
  for (const name of readdirSync(expected)) {
    if (name === 'run.json' || name === 'parquet') continue;
    assert.ok(readFileSync(join(out, name)).equals(readFileSync(join(expected, name))), `${name}: the same bytes`);
  }
});

test('memory stays bounded on pathological posts: a 1.9 MB single line and HTML nested 10,000 deep', () => {
  const folder = join(base, 'pathological');
  mkdirSync(folder);
  const phrase = '中国外交部发言人表示';
  writeFileSync(join(folder, '2020-10-14-one-line.md'), `---\ntitle: 一行\ndate: 2020-10-14\n---\n${phrase.repeat(63_000)}\n`);
  writeFileSync(
    join(folder, '2020-10-14-deep.html'),
    `<html><head><title>深</title></head><body>${'<div>'.repeat(10_000)}<p>美国总统拜登表示，美国将继续与日本合作。</p>${'</div>'.repeat(10_000)}</body></html>`,
  );
  const out = join(base, 'pathological-out');
  const run = zhtext('analyze', folder, '--out', out, '--workers', '1', '--no-cache', '--quiet');
  assert.equal(run.status, 0, run.stderr);
  // both read in a worker process whose heap is capped at 512 MB (past it, the document would fail with worker-crashed)
  const documents = readCsv(join(out, 'documents.csv'));
  assert.deepEqual(
    documents.map((d) => [basename(d.path ?? ''), d.status]),
    [
      ['2020-10-14-deep.html', 'warning'],
      ['2020-10-14-one-line.md', 'ok'],
    ],
  );
  assert.ok(readCsv(join(out, 'messages.csv')).some((m) => m.code === 'html-too-deep'));
  // 63,000 mentions, each with its context, reach the main process: about 750 MB at its peak, against
  // about 500 MB for one small post (the dictionaries loaded for the report's evidence, DuckDB); the
  // worker about 650 MB (its heap, and nodejieba's dictionary outside it)
  const { timing } = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
  assert.ok(timing.peak_memory_mb < 1500, `main process: peak memory ${timing.peak_memory_mb} MB`);
  assert.ok(timing.worker_peak_memory_mb < 1000, `worker process: peak memory ${timing.worker_peak_memory_mb} MB`);
});

test('a run killed with SIGKILL while writing its outputs leaves the previous ones whole; the next run clears its staging folder', async () => {
  const out = join(base, 'kept');
  assert.equal(zhtext('analyze', corpus, '--out', out, '--no-cache', '--quiet').status, 1);
  const before = new Map(outputsIn(out).map((name) => [name, readFileSync(join(out, name))] as const));

  // another run into the same folder, killed once it has begun writing there
  const child = spawn(process.execPath, ['bin/zhtext.js', 'analyze', corpus, '--out', out, '--by', 'day', '--no-cache', '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const staging = join(out, `.zhtext-staging-${child.pid}`);
  while (!existsSync(staging) && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGKILL');
  await exited;
  assert.ok(existsSync(staging), 'killed while writing its outputs');
  for (const [name, bytes] of before) assert.ok(readFileSync(join(out, name)).equals(bytes), `${name}: the previous run's`);
  assert.deepEqual(outputsIn(out), [...before.keys()], 'no file of the killed run beside them');

  // the next run removes what the killed one left
  assert.equal(zhtext('analyze', corpus, '--out', out, '--no-cache', '--quiet').status, 1);
  assert.deepEqual(
    readdirSync(out).filter((name) => name.startsWith('.')),
    [],
  );
});

/** the files of an output folder, by path in it, its hidden staging folders apart */
function outputsIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((name) => !name.startsWith('.'))
    .sort();
}
