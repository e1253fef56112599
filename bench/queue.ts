// --queue against a local run, on one machine: a redis-server on a free port, zhtext worker
// processes (--concurrency 1 each, no cache), then in turn `zhtext analyze --workers <n>` and
// `zhtext analyze --queue` (both --no-cache: every document computed), each with its wall time and
// the coordinator's peak memory (GNU time's maximum RSS), Redis's peak memory during the queue run
// (INFO used_memory, read every 100 ms) and the workers' peak memory (VmHWM). Every output file of
// the two runs is compared byte for byte. Timings on a shared machine vary: read the ratio of each
// round, measured back to back.
//
//   npm run bench:queue -- [folder] [--workers N] [--rounds N] [--by day]
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { childrenOf } from '../test/processes.js';
import { RedisServer, until } from '../test/queue/redis.js';
import { withWorkers } from './peak.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { workers: { type: 'string', default: '2' }, rounds: { type: 'string', default: '1' }, by: { type: 'string', default: 'day' } },
});
const folder = positionals[0] ?? '../shared/corpus-month';
const workerCount = Number(values.workers);
const root = new URL('../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'zhtext-bench-queue-'));

function timed(args: string[]): { seconds: number; peakMb: number; stderr: string } {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, 'bin/zhtext.js', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = run.stderr.trim().split('\n').at(-1)!.split(' ');
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  return { seconds: Number(last[0]), peakMb: withWorkers(Math.round(Number(last[1]) / 1024), out), stderr: run.stderr };
}

const filesOf = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name !== 'run.json')
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
const peakOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
};
/** a zhtext worker's peak memory with its worker processes' (each at its own peak: an upper bound) */
const workerPeakOf = (pid: number) => peakOf(pid) + childrenOf(pid).reduce((sum, child) => sum + peakOf(child), 0);

const redis = await RedisServer.start();
const workers: { child: ChildProcess; err: string }[] = [];
for (let k = 0; k < workerCount; k++) {
  const w = {
    child: spawn(process.execPath, ['bin/zhtext.js', 'worker', '--queue', redis.url, '--concurrency', '1', '--no-cache'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
    err: '',
  };
  w.child.stderr!.on('data', (d) => {
    w.err += d;
  });
  workers.push(w);
}
await until(() => workers.every((w) => w.err.includes('waiting for documents')), 60_000, 'the workers');
console.log(`${folder}: ${workerCount} worker processes (--concurrency 1) against --workers ${workerCount}; --by ${values.by}; no cache`);
console.log('| round | local wall | local peak | queue wall | queue/local | coordinator peak | Redis peak | jobs/s | same bytes |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
const client = new Redis(redis.port, '127.0.0.1');
try {
  for (let round = 1; round <= Number(values.rounds); round++) {
    const common = [folder, '--by', values.by!, '--no-cache', '--quiet'];
    const local = timed(['analyze', ...common, '--out', join(scratch, 'local'), '--workers', String(workerCount)]);
    let redisPeak = 0;
    const poll = setInterval(() => {
      client
        .info('memory')
        .then((info) => {
          redisPeak = Math.max(redisPeak, Number(/used_memory:(\d+)/.exec(info)![1]));
        })
        .catch(() => {});
    }, 100);
    const queued = await new Promise<ReturnType<typeof timed>>((resolve) => {
      // (spawnSync would stop the polling)
      const child = spawn(
        '/usr/bin/time',
        ['-f', '%e %M', process.execPath, 'bin/zhtext.js', 'analyze', ...common, '--out', join(scratch, 'queue'), '--queue', redis.url],
        {
          cwd: root,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr!.on('data', (d) => {
        stderr += d;
      });
      child.on('exit', () => {
        const last = stderr.trim().split('\n').at(-1)!.split(' ');
        resolve({ seconds: Number(last[0]), peakMb: Math.round(Number(last[1]) / 1024), stderr });
      });
    });
    clearInterval(poll);
    const files = (JSON.parse(readFileSync(join(scratch, 'queue', 'run.json'), 'utf8')) as { counts: { files: number } }).counts.files;
    const a = filesOf(join(scratch, 'local'));
    const same =
      JSON.stringify(a) === JSON.stringify(filesOf(join(scratch, 'queue'))) &&
      a.every((f) => readFileSync(join(scratch, 'local', f)).equals(readFileSync(join(scratch, 'queue', f))));
    console.log(
      `| ${round} | ${local.seconds.toFixed(1)} s | ${local.peakMb} MB | ${queued.seconds.toFixed(1)} s | ${(queued.seconds / local.seconds).toFixed(2)} | ${queued.peakMb} MB | ${(redisPeak / 2 ** 20).toFixed(1)} MB | ${(files / queued.seconds).toFixed(0)} | ${same ? 'yes' : 'NO'} |`,
    );
  }
  console.log(`workers' peak memory (each with its worker process): ${workers.map((w) => `${workerPeakOf(w.child.pid!)} MB`).join(', ')}`);
} finally {
  client.disconnect();
  for (const w of workers) w.child.kill('SIGINT');
  await Promise.all(workers.map((w) => new Promise((r) => w.child.once('exit', r))));
  await redis.remove();
  rmSync(scratch, { recursive: true, force: true });
}
