// --queue for real: redis-server and `zhtext worker` processes, no mock of either. Every run through
// the queue must write what a local run writes, byte for byte, whatever happens on the way: a
// worker killed mid-job, Redis restarted mid-run, the coordinator killed and started again.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { ROOT, readCsv, zhtext } from '../helpers.js';
import { RedisServer, until, WorkerProcess } from './redis.js';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const out = mkdtempSync(join(tmpdir(), 'zhtext-queue-'));
/** a run that hangs (a job never collected) fails its test instead of holding CI */
const TIMEOUT = 240_000;
/** what every run of these tests analyses, and how */
const ARGS = [CORPUS, '--by', 'day', '--dedupe'];
let redis: RedisServer;
const workers: WorkerProcess[] = [];

before(async () => {
  redis = await RedisServer.start();
  // the local run every queue run must match
  const local = zhtext('analyze', ...ARGS, '--out', join(out, 'local'), '--no-cache', '--quiet');
  assert.ok(local.status === 0 || local.status === 1, local.stderr);
});
after(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  await redis?.remove();
  rmSync(out, { recursive: true, force: true });
});

const startWorker = async (...more: string[]) => {
  const worker = await WorkerProcess.start(redis.url, more);
  workers.push(worker);
  return worker;
};

/** a coordinator in a process of its own: its exit and standard error, and the process to kill */
function coordinator(args: string[]): { child: ChildProcess; err: () => string; done: Promise<number | null> } {
  let err = '';
  const child = spawn(process.execPath, ['bin/zhtext.js', 'analyze', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CI: 'true' },
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const done = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, err: () => err, done };
}

/** every file of a run but run.json, by its path in the folder */
function filesOf(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name !== 'run.json')
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function assertSameFiles(dir: string, local: string): void {
  assert.deepEqual(filesOf(dir), filesOf(local));
  for (const file of filesOf(local)) assert.ok(readFileSync(join(dir, file)).equals(readFileSync(join(local, file))), `${file} differs from the local run's`);
}

const assertSameAsLocal = (dir: string) => assertSameFiles(dir, join(out, 'local'));

/** how many keys of results and jobs Redis still holds */
async function leftInRedis(): Promise<{ results: number; jobs: number }> {
  const client = new Redis(redis.port, '127.0.0.1');
  try {
    const results = (await client.keys('zhtext:result:*')).length;
    const jobs = (await client.keys('bull:zhtext:*')).filter((k) => /^bull:zhtext:[0-9a-f]{64}/.test(k)).length;
    return { results, jobs };
  } finally {
    client.disconnect();
  }
}

test('two worker processes and a coordinator write what a local run writes, byte for byte, and leave no job or result in Redis', {
  skip: !existsSync(CORPUS) && 'no ../shared/corpus',
}, async () => {
  await startWorker();
  await startWorker();
  const run = coordinator([...ARGS, '--out', join(out, 'queue'), '--queue', redis.url, '--no-cache']);
  const status = await run.done;
  assert.ok(status === 0 || status === 1, run.err());
  assertSameAsLocal(join(out, 'queue'));
  assert.deepEqual(await leftInRedis(), { results: 0, jobs: 0 });
  // the coordinator said how many workers it had; run.json names the queue
  assert.match(run.err(), /queue: 2 workers connected/);
  const info = JSON.parse(readFileSync(join(out, 'queue', 'run.json'), 'utf8'));
  assert.equal(info.timing.queue, `${redis.url}/0`);
  // both workers took documents
  for (const w of workers) assert.match(w.err, /ready for the run of fingerprint/);
});

test('a document that kills every worker process given it fails after its retries, as it does in a local run, and the run goes on', {
  skip: !existsSync(CORPUS) && 'no ../shared/corpus',
  timeout: TIMEOUT,
}, async () => {
  const poison = readdirSync(join(CORPUS, 'rthk-agora')).sort()[3]!;
  const env = { ZHTEXT_TEST_CRASH_ON: poison };
  // the local run with the same fault
  const local = spawnSync(process.execPath, ['bin/zhtext.js', 'analyze', ...ARGS, '--out', join(out, 'poison-local'), '--no-cache', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...env },
  });
  assert.equal(local.status, 1, local.stderr);
  // only poisoned workers listen: those of the tests before are stopped, and these never outlive this test
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  const poisoned = [await WorkerProcess.start(redis.url, [], env), await WorkerProcess.start(redis.url, [], env)];
  try {
    const run = coordinator([...ARGS, '--out', join(out, 'poison'), '--queue', redis.url, '--no-cache']);
    assert.equal(await run.done, 1, run.err());
    const failed = readCsv(join(out, 'poison', 'messages.csv')).filter((m) => m.code === 'worker-crashed');
    assert.equal(failed.length, 1);
    assert.ok(failed[0]!.path?.endsWith(poison), failed[0]!.path);
    assertSameFiles(join(out, 'poison'), join(out, 'poison-local'));
    assert.deepEqual(await leftInRedis(), { results: 0, jobs: 0 });
  } finally {
    await Promise.all(poisoned.map((w) => w.stop('SIGKILL')));
  }
});

/** the documents the coordinator has reduced so far, from its progress lines (one every tenth of the files) */
const reduced = (err: string) => Math.max(0, ...[...err.matchAll(/zhtext: (\d+)\/\d+ files/g)].map((m) => Number(m[1])));

test('a worker killed mid-run: its jobs go to the other worker once their lock runs out, and the outputs are the same', {
  skip: !existsSync(CORPUS) && 'no ../shared/corpus',
}, async () => {
  const victim = await startWorker();
  await startWorker();
  const run = coordinator([...ARGS, '--out', join(out, 'killed-worker'), '--queue', redis.url, '--no-cache']);
  await until(() => reduced(run.err()) >= 142, 120_000, 'a tenth of the files');
  victim.process.kill('SIGKILL');
  const status = await run.done;
  assert.ok(status === 0 || status === 1, run.err());
  assertSameAsLocal(join(out, 'killed-worker'));
  assert.deepEqual(await leftInRedis(), { results: 0, jobs: 0 });
});

test('Redis restarted mid-run (its append-only file on): the coordinator and the workers wait for it, say so, and the outputs are the same', {
  skip: !existsSync(CORPUS) && 'no ../shared/corpus',
}, async () => {
  await startWorker();
  const run = coordinator([...ARGS, '--out', join(out, 'redis-restarted'), '--queue', redis.url, '--no-cache']);
  await until(() => reduced(run.err()) >= 142, 120_000, 'a tenth of the files');
  await redis.stop();
  // down long enough for every client to notice and try again
  await until(() => run.err().includes('cannot reach Redis'), 20_000, 'the coordinator to say it lost Redis');
  await redis.run();
  const status = await run.done;
  assert.ok(status === 0 || status === 1, run.err());
  assertSameAsLocal(join(out, 'redis-restarted'));
  assert.ok(
    workers.some((w) => w.err.includes('cannot reach Redis')),
    'a worker said it lost Redis',
  );
});

test('the coordinator killed and started again with the same arguments resumes: what it collected comes from its cache', {
  skip: !existsSync(CORPUS) && 'no ../shared/corpus',
}, async () => {
  await startWorker();
  const cache = join(out, 'coordinator-cache');
  const args = [...ARGS, '--out', join(out, 'resumed'), '--queue', redis.url, '--cache', cache];
  const first = coordinator(args);
  await until(() => reduced(first.err()) >= 284, 120_000, 'a fifth of the files');
  first.child.kill('SIGKILL');
  await first.done;
  const second = coordinator(args);
  const status = await second.done;
  assert.ok(status === 0 || status === 1, second.err());
  assertSameAsLocal(join(out, 'resumed'));
  const { hits } = JSON.parse(readFileSync(join(out, 'resumed', 'run.json'), 'utf8')).timing.cache;
  assert.ok(hits >= 284, `${hits} results from the cache`);
});

test('a worker that cannot reach Redis tries again, with a growing pause, and says so; it takes jobs once Redis is there', { timeout: TIMEOUT }, async () => {
  const later = await RedisServer.start();
  await later.stop();
  const worker = new WorkerProcess(['--queue', later.url, '--concurrency', '1', '--no-cache']);
  workers.push(worker);
  try {
    await until(() => (worker.err.match(/cannot reach Redis/g) ?? []).length >= 3, 20_000, `three attempts said\n${worker.err}`);
    // the pauses grow: 0.5 s, 1 s, 2 s …
    assert.match(worker.err, /trying again in 0\.5 s \(attempt 1\)[\s\S]*trying again in 1\.0 s \(attempt 2\)[\s\S]*trying again in 2\.0 s \(attempt 3\)/);
    await later.run();
    await until(() => worker.err.includes('waiting for documents'), 30_000, `the worker to listen\n${worker.err}`);
  } finally {
    await worker.stop();
    await later.remove();
  }
});

test('a worker whose dictionaries differ refuses the jobs with a message, and the run stops (exit 2) instead of mixing results', {
  timeout: TIMEOUT,
}, async () => {
  const own = await RedisServer.start();
  const dictionaries = join(out, 'other-dictionaries');
  cpSync(join(ROOT, 'dictionaries'), dictionaries, { recursive: true });
  writeFileSync(join(dictionaries, 'jieba', 'user.dict.txt'), `${readFileSync(join(dictionaries, 'jieba', 'user.dict.txt'), 'utf8')}外长会晤 100000 n\n`);
  const worker = await WorkerProcess.start(own.url, ['--dictionary-dir', dictionaries]);
  try {
    const run = zhtextAsync(['analyze', join(ROOT, 'data'), '--out', join(out, 'refused'), '--queue', own.url, '--no-cache', '--quiet']);
    const { status, err } = await run;
    assert.equal(status, 2, err);
    assert.match(err, /a worker refused .*: this worker's dictionaries, knowledge base, code or package versions differ from the coordinator's/);
    assert.match(worker.err, /differ from the coordinator's/);
    assert.ok(!existsSync(join(out, 'refused', 'documents.csv')), 'no output written');
  } finally {
    await worker.stop();
    await own.remove();
  }
});

test('the same file under one name in two folders is one job, and both documents get its result; an --entities file travels with the run', {
  timeout: TIMEOUT,
}, async () => {
  const own = await RedisServer.start();
  const worker = await WorkerProcess.start(own.url);
  try {
    const dir = join(out, 'twice');
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub), { recursive: true });
      cpSync(join(ROOT, 'data', readdirSync(join(ROOT, 'data')).find((f) => f.endsWith('.md'))!), join(dir, sub, 'post.md'));
    }
    const { status, err } = await zhtextAsync(['analyze', dir, '--out', join(out, 'twice-out'), '--queue', own.url, '--no-cache', '--quiet']);
    assert.equal(status, 0, err);
    const documents = readCsv(join(out, 'twice-out', 'documents.csv'));
    assert.deepEqual(
      documents.map((d) => [d.path!.replace(/\\/g, '/').split('/').slice(-2).join('/'), d.status]),
      [
        ['a/post.md', 'ok'],
        ['b/post.md', 'duplicate'],
      ],
    );
    assert.match(worker.err, /ready for the run/);
    // an --entities file only the coordinator has travels with the run: its entity is found, as locally
    const mine = join(out, 'coordinator-only', 'mine.tsv');
    mkdirSync(join(out, 'coordinator-only'), { recursive: true });
    writeFileSync(mine, 'id\ttype\tname\taliases\norg:test_agency\tORG\t测试通讯社\t\n');
    const post = join(out, 'coordinator-only', 'post.md');
    writeFileSync(post, '---\ntitle: "消息"\ndate: 2021-06-01\n---\n<p>测试通讯社报道，美国总统发表讲话。</p>\n');
    const queued = await zhtextAsync(['analyze', post, '--out', join(out, 'entities-queue'), '--entities', mine, '--queue', own.url, '--no-cache', '--quiet']);
    assert.equal(queued.status, 0, queued.err);
    const local = zhtext('analyze', post, '--out', join(out, 'entities-local'), '--entities', mine, '--no-cache', '--quiet');
    assert.equal(local.status, 0, local.stderr);
    const rows = readFileSync(join(out, 'entities-queue', 'entities.csv'), 'utf8');
    assert.match(rows, /org:test_agency,ORG,测试通讯社,/);
    assert.equal(rows, readFileSync(join(out, 'entities-local', 'entities.csv'), 'utf8'));
  } finally {
    await worker.stop();
    await own.remove();
  }
});

/** the command line in a process of its own, not blocking this one (the workers answer meanwhile); its standard output when asked */
function zhtextAsync(args: string[], output = false): Promise<{ status: number | null; err: string; out: string }> {
  let err = '';
  let out = '';
  const child = spawn(process.execPath, ['bin/zhtext.js', ...args], {
    cwd: ROOT,
    stdio: ['ignore', output ? 'pipe' : 'ignore', 'pipe'],
    env: { ...process.env, CI: 'true' },
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  return new Promise((r) => child.once('close', (status) => r({ status, err, out })));
}

test('compare and kwic through the queue print and write what they do locally', { timeout: TIMEOUT }, async () => {
  const own = await RedisServer.start();
  const worker = await WorkerProcess.start(own.url);
  try {
    const data = join(ROOT, 'data');
    const queued = await zhtextAsync([
      'compare',
      data,
      '--out',
      join(out, 'compare-queue'),
      '--by',
      'day',
      '--min-count',
      '1',
      '--queue',
      own.url,
      '--no-cache',
      '--quiet',
    ]);
    assert.equal(queued.status, 0, queued.err);
    const local = zhtext('compare', data, '--out', join(out, 'compare-local'), '--by', 'day', '--min-count', '1', '--no-cache', '--quiet');
    assert.equal(local.status, 0, local.stderr);
    assertSameFiles(join(out, 'compare-queue'), join(out, 'compare-local'));
    const kwicQueued = await zhtextAsync(['kwic', data, 'RU', '--queue', own.url, '--no-cache'], true);
    const kwicLocal = zhtext('kwic', data, 'RU', '--no-cache');
    assert.equal(kwicQueued.status, 0, kwicQueued.err);
    assert.ok(kwicLocal.stdout.split('\n').length > 3, kwicLocal.stdout);
    assert.equal(kwicQueued.out, kwicLocal.stdout);
  } finally {
    await worker.stop();
    await own.remove();
  }
});
