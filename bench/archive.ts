// A whole archive, end to end, in one run of this script: the raw floor (the segmenter loading its
// dictionary and tagging the extracted text, in one process), `zhtext analyze` with one worker and
// with every core (no cache: every document computed), their ratio, and each run's peak memory (the
// zhtext process as the kernel counts it, and its worker processes); then the cache: a first run that
// fills it, a rerun from it, and the archive without its last day, cached, with that day added;
// and start-up: one sample post end to end, uncached and cached. Optionally `zhtext compare` and
// `zhtext kwic` too. Peak memory counts the worker processes too (bench/peak.ts), but for kwic,
// which writes no run.json: its figure is the main process's alone. Timings on a shared machine
// vary from run to run: compare the ratios measured here, not seconds across runs.
//
//   npm run bench -- <folder> [--rounds N] [--commands] [--no-cache-runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { collectInputs } from '../src/pipeline/inputs.js';
import { newDoc } from '../src/pipeline/pipeline.js';
import { createScriptConverter } from '../src/resources/script-converter.js';
import { dateInFileName } from '../src/stages/extract/dates.js';
import { createExtractStage } from '../src/stages/extract/index.js';
import { createNormalizeStage } from '../src/stages/normalize/index.js';
import { hasFatal } from '../src/types.js';
import { withWorkers } from './peak.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '1' },
    commands: { type: 'boolean', default: false },
    'no-cache-runs': { type: 'boolean', default: false },
  },
});
const folder = positionals[0] ?? '../shared/corpus';
const rounds = Number(values.rounds);
const cores = availableParallelism();
const scratch = mkdtempSync(join(tmpdir(), 'zhtext-bench-'));
const root = new URL('../../', import.meta.url).pathname;

/** a command's wall time and peak resident memory (GNU time), and what it printed */
function timed(args: string[]): { seconds: number; peakMb: number; stderr: string } {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = run.stderr.trim().split('\n').at(-1)!.split(' ');
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  return { seconds: Number(last[0]), peakMb: withWorkers(Math.round(Number(last[1]) / 1024), out), stderr: run.stderr };
}

// the text the segmenter sees: every block's normalized form, extracted beforehand (not timed)
const files = collectInputs([folder]).files;
const extract = createExtractStage({ tzOffsetMinutes: 480 });
const normalize = createNormalizeStage(createScriptConverter());
const texts: string[] = [];
let characters = 0;
for (const path of files) {
  const doc = newDoc({ path, bytes: readFileSync(path) });
  extract.run(doc);
  if (hasFatal(doc)) continue;
  normalize.run(doc);
  for (const b of doc.blocks) {
    texts.push(b.norm);
    characters += b.norm.length;
  }
}
const textFile = join(scratch, 'texts.json');
writeFileSync(textFile, JSON.stringify(texts));
const floorScript = join(scratch, 'floor.cjs');
writeFileSync(
  floorScript,
  `const t0 = Date.now(); const jieba = require(${JSON.stringify(join(root, 'node_modules', 'nodejieba'))}); jieba.load();
const t1 = Date.now(); const texts = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const t2 = Date.now(); let words = 0; for (const t of texts) words += jieba.tag(t).length;
console.log(JSON.stringify({ load: (t1 - t0) / 1000, tag: (Date.now() - t2) / 1000, words }));`,
);

console.log(`${folder}: ${files.length} files, ${(characters / 1e6).toFixed(1)} M characters of text; ${cores} cores; Node ${process.versions.node}`);
const floor = JSON.parse(execFileSync(process.execPath, [floorScript, textFile], { encoding: 'utf8' })) as { load: number; tag: number; words: number };
console.log(
  `raw floor (nodejieba load + tag(), one process): ${(floor.load + floor.tag).toFixed(1)} s (load ${floor.load.toFixed(1)} s, tag ${floor.tag.toFixed(1)} s, ${floor.words} words)`,
);

const floorSeconds = floor.load + floor.tag;
const analyze = (workers: number) =>
  timed(['bin/zhtext.js', 'analyze', folder, '--out', join(scratch, `out-${workers}`), '--workers', String(workers), '--no-cache', '--quiet']);
for (let round = 1; round <= rounds; round++) {
  // one worker and every core in turn, so that both see the same machine
  let one: ReturnType<typeof analyze>;
  let all: ReturnType<typeof analyze>;
  if (round % 2 === 1) {
    one = analyze(1);
    all = analyze(cores);
  } else {
    all = analyze(cores);
    one = analyze(1);
  }
  const ratio = one.seconds / all.seconds;
  console.log(
    `round ${round}: analyze --workers 1: ${one.seconds.toFixed(1)} s, ${one.peakMb} MB; --workers ${cores}: ${all.seconds.toFixed(1)} s, ${all.peakMb} MB; ` +
      `${ratio.toFixed(2)}× faster; 1 worker = ${(one.seconds / floorSeconds).toFixed(1)}× the floor`,
  );
}

const line = (label: string, run: { seconds: number; peakMb: number }, extra = '') =>
  console.log(`${label}: ${run.seconds.toFixed(1)} s, ${run.peakMb} MB${extra}`);

if (!values['no-cache-runs']) {
  // the cache: a first run that fills a cache of its own, then the same from it
  const cache = join(scratch, 'cache');
  const cached = (input: string, out: string) => timed(['bin/zhtext.js', 'analyze', input, '--out', join(scratch, out), '--cache', cache, '--quiet']);
  const first = cached(folder, 'cached-first');
  line('cache: first run (every core, filling the cache)', first);
  const rerun = cached(folder, 'cached-rerun');
  line('cache: rerun from it', rerun, `; ${(first.seconds / rerun.seconds).toFixed(1)}× faster than the first`);

  // the archive as it was the day before: every file but those of the last date, cached; then that day added
  const byDate = files.map((path) => ({ path, date: dateInFileName(path) ?? '' }));
  const lastDate =
    byDate
      .map((f) => f.date)
      .sort()
      .at(-1) ?? '';
  const archive = join(scratch, 'archive');
  const dayFolder = join(scratch, 'day');
  const place = (path: string, under: string) => {
    const to = join(under, relative(folder, path));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(path, to);
  };
  for (const f of byDate) if (f.date !== lastDate) place(f.path, archive);
  const newDay = byDate.filter((f) => f.date === lastDate);
  for (const f of newDay) place(f.path, dayFolder);
  rmSync(cache, { recursive: true, force: true });
  line(`new day: the archive without ${lastDate}, filling an empty cache`, cached(archive, 'before-day'));
  line('new day: the same, from the cache', cached(archive, 'before-day-again'));
  for (const f of newDay) place(f.path, archive);
  line(`new day: ${lastDate} (${newDay.length} files) added, rerun`, cached(archive, 'with-day'));
  line(`new day: ${lastDate} alone, no cache`, timed(['bin/zhtext.js', 'analyze', dayFolder, '--out', join(scratch, 'day-alone'), '--no-cache', '--quiet']));

  // start-up: one sample post, end to end
  const sample = join(root, 'data', '2021-06-02-测试电台-俄罗斯外长与北约秘书长通电话.md');
  const startCache = join(scratch, 'start-cache');
  const start = (args: string[]) => timed(['bin/zhtext.js', 'analyze', sample, '--out', join(scratch, 'start'), '--quiet', ...args]);
  line('start-up: one sample post, no cache', start(['--no-cache']));
  start(['--cache', startCache]);
  line('start-up: one sample post, cached', start(['--cache', startCache]));
}

if (values.commands) {
  const days = JSON.parse(readFileSync(join(scratch, `out-${cores}`, 'run.json'), 'utf8')) as { counts: { files: number } };
  const compare = timed(['bin/zhtext.js', 'compare', folder, '--out', join(scratch, 'compare'), '--quiet']);
  console.log(`compare (each day against the rest): ${compare.seconds.toFixed(1)} s, ${compare.peakMb} MB`);
  const kwic = timed(['bin/zhtext.js', 'kwic', folder, 'CN']);
  console.log(`kwic CN: ${kwic.seconds.toFixed(1)} s, ${kwic.peakMb} MB (${days.counts.files} files)`);
}
rmSync(scratch, { recursive: true, force: true });
