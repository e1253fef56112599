// The command line. Usage problems are found and reported (exit 2) before any file is read.
import { readFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from './cache/doc-cache.js';
import { runAnalyze } from './commands/analyze.js';
import { runCompare } from './commands/compare.js';
import { formatKwic, runKwic } from './commands/kwic.js';
import { FILES_PER_WORKER } from './commands/runner.js';
import { runWorker } from './commands/worker.js';
import { UsageError } from './errors.js';
import { type BioSentence, readBio, writeBio } from './eval/bio.js';
import { createSentenceTagger, evaluateNer, formatScores } from './eval/ner.js';
import { writeFileAtomic } from './files.js';
import { DEFAULTS, evalNerConfig, type RawOptions } from './options.js';
import { zhtextVersion } from './package-root.js';
import type { CacheStats } from './pipeline/pool.js';
import { loadResources } from './pipeline/resources.js';
import { createProgress } from './progress.js';

const help = () => `zhtext ${zhtextVersion()}: analyse archives of Chinese-language news

Usage:
  zhtext analyze <files or folders…> --out <dir> [options]
  zhtext compare <files or folders…> --out <dir> [--a <period> --b <period>] [options]
  zhtext kwic <files or folders…> <entity id or term> [options]
  zhtext eval ner --gold <BIO file> [--pred-out <file>] [--entities <file>]
  zhtext worker --queue <redis://host:port[/db]> [--concurrency <n>] [--stall-seconds <n>]
                [--doc-timeout <s>]
  zhtext --help | --version

analyze reads Jekyll posts (.md, .markdown), HTML (.html, .htm) and text (.txt) files, recursively
in folders, and writes to <dir>: documents.csv, terms.csv, entities.csv, entity_mentions.csv,
cooccurrence.csv, messages.csv, report.html, report.md and run.json; with --by also entity_timeline.csv,
term_timeline.csv, bursts.csv and network_<period>.gexf for each period.

compare writes keyness.csv (terms and entities that distinguish side A from side B),
network_diff.csv (entity pairs gained, lost and changed), report.html, report.md and run.json. A period is a
day (2020-10-14), an ISO week (2020-W42), a month (2020-10) or a range of them
(2020-10-01..2020-10-07). Without --a and --b, each period of --by is compared with all the
others, and each period's network with the one before.

kwic prints every match of an entity id (as in entities.csv: US, per:joe_biden) or a term (as in
terms.csv) in its sentence: date, outlet, the sentence with the match marked 【】, path.

worker takes documents from the queue of runs started with --queue, on any machine with the same
zhtext and dictionaries, until stopped (Ctrl-C or SIGTERM: the documents in hand are finished).

eval ner tags each sentence of a BIO file (one character and its label a line, a blank line
between sentences; labels PER, LOC, ORG) and prints span-exact precision, recall and F1 per type.

Options:
  --out <dir>            output folder (created if missing; files in it are replaced)
  --tz <offset>          time zone of calendar days, a fixed UTC offset such as +08:00,
                         UTC+8 or -05:00 (default +08:00)
  --by day|week|month    (analyze) also count by period; (compare) the periods compared with
                         the rest when --a and --b are not given (default day)
  --from <day>, --to <day>
                         only documents dated from/to this day (YYYY-MM-DD, inclusive)
  --outlet <name>        only documents of this outlet (as in documents.csv); may be repeated
  --script <script>      only documents in this script: simplified, traditional, mixed or none;
                         may be repeated
  --dedupe               count a near-copy of an earlier document (the same story from another
                         outlet or in the other script) once; copies are marked in documents.csv
                         either way
  --unit <unit>          co-occurrence unit: sentence (default), paragraph, document or
                         window:N (consecutive windows of N word tokens)
  --entities <file>      a TSV file of entities extending or overriding the knowledge base
                         (same format as dictionaries/entities/*.tsv); may be given more than once
  --dictionary-dir <dir> a folder to use instead of the package's dictionaries/ (the same layout:
                         entities/, names/, jieba/user.dict.txt, outlets.tsv, the stop words)
  --min-pair-count <n>   leave term pairs seen in fewer than n units out of cooccurrence.csv, and
                         entity pairs out of the networks (default 2; cooccurrence.csv lists
                         every entity pair)
  --min-term-count <n>   (analyze --by) terms counted fewer than n times stay out of
                         term_timeline.csv (default ${DEFAULTS.minTermCount})
  --a <period>, --b <period>
                         (compare) the two sides
  --min-count <n>        (compare) items seen fewer than n times on both sides together stay out
                         of keyness.csv (default 5)
  --min-expected <n>     (compare) flag items whose expected count on a side is below n
                         (default 5)
  --top <n>              rows in the reports' tables (default 30)
  --focus <id,…>         (analyze --by) entities whose mentions over time report.html charts
                         beside the top entities' (ids as in entities.csv: US,per:joe_biden)
  --gold <file>          (eval ner) the gold BIO file
  --pred-out <file>      (eval ner) write the predictions in the same BIO format
  --workers <n>          documents processed at once, each in a worker process of its own
                         (default: the number of cores, ${availableParallelism()} here, but one for each
                         ${FILES_PER_WORKER} files at most)
  --doc-timeout <s>      a document still being processed after this many seconds is stopped and
                         fails (doc-timeout), and the run goes on (default ${DEFAULTS.docTimeout}; 0, no limit)
  --cache <dir>          where each document's result is kept, so a rerun computes only new and
                         changed files (default ${defaultCacheDir().replace(homedir(), '~')})
  --no-cache             compute every document; read and write no cache
  --queue <url>          (analyze, compare, kwic) send the documents to workers through this Redis
                         (redis://host:port[/db]) instead of this machine's processes; (worker) the
                         Redis to take them from. The outputs are the same, byte for byte
  --concurrency <n>      (worker) documents processed at once, one process each (default: the
                         number of cores, ${availableParallelism()} here)
  --stall-seconds <n>    (worker) a job whose worker stops answering for this long goes to another
                         worker (default 30)
  --quiet                no progress output
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 all documents analysed, 1 some documents failed (see messages.csv), 2 bad usage
or an unreadable entity file, 3 the run itself stopped (the message says why; no output written).
`;

export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    return usage(io.err, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out.write(help());
    return 0;
  }
  if (values.version) {
    io.out.write(`${zhtextVersion()}\n`);
    return 0;
  }
  const [command, ...args] = positionals;
  const raw = rawOptionsOf(values);
  try {
    switch (command) {
      case 'analyze':
        return await analyzeCommand({ ...raw, inputs: args }, values.quiet === true, io);
      case 'compare':
        return await compareCommand({ ...raw, inputs: args }, values.quiet === true, io);
      case 'kwic':
        // the last argument is the entity id or term, the ones before are files and folders
        return await kwicCommand({ ...raw, inputs: args.slice(0, -1), ...(args.length > 0 ? { query: args.at(-1)! } : {}) }, io);
      case 'worker':
        if (args.length > 0) return usage(io.err, `worker takes no files or folders (got ${args[0]})`);
        return await workerCommand(raw, io);
      case 'eval':
        if (args[0] !== 'ner' || args.length > 1) return usage(io.err, 'eval takes one kind: zhtext eval ner --gold <file>');
        return evalCommand(raw, io);
      case undefined:
        return usage(io.err, 'no command given');
      default:
        return usage(io.err, `unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(io.err, error.message);
    // not a document's problem but the run's (out of memory, a full disk, an internal error): said
    // plainly, with a code of its own; the outputs were discarded, so the previous ones stand
    const message = error instanceof Error ? error.message : String(error);
    io.err.write(`zhtext: the run stopped: ${message.split('\n')[0]}\nzhtext: no output was written (what the folder held before is as it was)\n`);
    if (process.env.ZHTEXT_DEBUG && error instanceof Error) io.err.write(`${error.stack}\n`);
    return RUN_STOPPED;
  }
}

/** the exit code of a run that stopped (not a document's failure, not bad usage) */
export const RUN_STOPPED = 3;

/** the command line as parseArgs reads it: no defaults here, they live in options.ts */
function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      gold: { type: 'string' },
      'pred-out': { type: 'string' },
      tz: { type: 'string' },
      entities: { type: 'string', multiple: true },
      'dictionary-dir': { type: 'string' },
      recognizer: { type: 'string' },
      'min-pair-count': { type: 'string' },
      top: { type: 'string' },
      focus: { type: 'string', multiple: true },
      by: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      outlet: { type: 'string', multiple: true },
      script: { type: 'string', multiple: true },
      dedupe: { type: 'boolean' },
      unit: { type: 'string' },
      'min-term-count': { type: 'string' },
      a: { type: 'string' },
      b: { type: 'string' },
      'min-count': { type: 'string' },
      'min-expected': { type: 'string' },
      quiet: { type: 'boolean' },
      workers: { type: 'string' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean' },
      queue: { type: 'string' },
      concurrency: { type: 'string' },
      'stall-seconds': { type: 'string' },
      'doc-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/** --min-pair-count → minPairCount; options not given stay absent */
function rawOptionsOf(values: ReturnType<typeof parseCommandLine>['values']): RawOptions {
  const raw: Record<string, unknown> = {};
  for (const [flag, value] of Object.entries(values)) {
    if (value === undefined || flag === 'help' || flag === 'version') continue;
    raw[flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return raw as RawOptions;
}

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

async function analyzeCommand(raw: RawOptions, quiet: boolean, io: Io): Promise<number> {
  const progress = createProgress(io.err, quiet);
  try {
    const summary = await runAnalyze(raw, {
      onDocument: (done, total, doc) => {
        progress.update(done, total);
        if (doc.status === 'failed') {
          const fatal = doc.messages.find((m) => m.severity === 'fatal');
          progress.log(`failed: ${JSON.stringify(doc.path)}: ${fatal?.code}: ${fatal?.reason}`);
        }
      },
      onWarning: (message) => progress.warn(message),
      onWorkers: (count) => progress.log(`queue: ${count} worker${count === 1 ? '' : 's'} connected`),
    });
    progress.done();
    io.err.write(
      `zhtext: ${summary.files} files, ${summary.analysed} analysed, ${summary.warnings} with warnings, ` +
        `${summary.failed} failed, ${summary.duplicates} duplicates${fromCache(summary.cache)}; wrote ${summary.written.length} files to ${raw.out}\n`,
    );
    return summary.failed > 0 ? 1 : 0;
  } finally {
    progress.done();
  }
}

async function compareCommand(raw: RawOptions, quiet: boolean, io: Io): Promise<number> {
  const progress = createProgress(io.err, quiet);
  try {
    const summary = await runCompare(raw, {
      onDocument: (done, total) => progress.update(done, total),
      onWarning: (message) => progress.warn(message),
      onWorkers: (count) => progress.log(`queue: ${count} worker${count === 1 ? '' : 's'} connected`),
    });
    progress.done();
    for (const c of summary.comparisons) {
      const side = (documents: number, tokens: number) => `${documents} document${documents === 1 ? '' : 's'}, ${tokens} tokens`;
      io.err.write(`zhtext: ${c.a}: ${side(c.documentsA, c.tokensA)}; ${c.b}: ${side(c.documentsB, c.tokensB)}\n`);
      if (c.documentsA === 0 || c.documentsB === 0) io.err.write(`zhtext: ${c.documentsA === 0 ? c.a : c.b} has no documents: nothing to compare\n`);
    }
    io.err.write(
      `zhtext: ${summary.files} files, ${summary.analysed} analysed, ${summary.failed} failed${fromCache(summary.cache)}; wrote ${summary.written.length} files to ${raw.out}\n`,
    );
    return summary.failed > 0 ? 1 : 0;
  } finally {
    progress.done();
  }
}

/** how many results came from the cache, when any did */
function fromCache(cache: CacheStats): string {
  const corrupt = cache.corrupt > 0 ? `, ${cache.corrupt} damaged cache entries computed again` : '';
  return cache.hits > 0 ? ` (${cache.hits} from the cache${corrupt})` : corrupt;
}

async function kwicCommand(raw: RawOptions, io: Io): Promise<number> {
  const result = await runKwic(raw);
  io.out.write(formatKwic(result));
  io.err.write(`zhtext: ${result.kind} ${result.key}: ${result.lines.length} matches in ${result.documents} documents\n`);
  if (result.lines.length === 0)
    io.err.write('zhtext: no matches; an entity is named by its id as in entities.csv (US, per:joe_biden), a term as in terms.csv\n');
  return 0;
}

async function workerCommand(raw: RawOptions, io: Io): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const summary = await runWorker(raw, { say: (line) => io.err.write(`zhtext worker: ${line}\n`), signal: controller.signal });
    io.err.write(`zhtext worker: ${summary.computed} documents computed, ${summary.cached} read from the cache, ${summary.refused} refused\n`);
    return 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function evalCommand(raw: RawOptions, io: Io): number {
  const config = evalNerConfig(raw);
  let gold: BioSentence[];
  try {
    gold = readBio(readFileSync(config.gold, 'utf8'), config.gold);
  } catch (error) {
    return usage(io.err, error instanceof Error && error.message.startsWith(config.gold) ? error.message : `--gold: cannot read ${config.gold}`);
  }
  const resources = loadResources(config);
  const evaluation = evaluateNer(gold, createSentenceTagger(resources));
  io.out.write(formatScores(evaluation));
  if (config.predOut) writeFileAtomic(config.predOut, writeBio(evaluation.predictions));
  return 0;
}

/** each problem on a line of its own (an OptionsError may hold several), then where to read more */
function usage(err: NodeJS.WritableStream, problems: string): number {
  for (const problem of problems.split('\n')) err.write(`zhtext: ${problem}\n`);
  err.write('Run "zhtext --help" for usage.\n');
  return 2;
}
