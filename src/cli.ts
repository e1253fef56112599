// The command line. Usage problems are found and reported (exit 2) before any file is read.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runAnalyze } from './commands/analyze.js';
import { zhtextVersion } from './package-root.js';
import { readBio, writeBio } from './eval/bio.js';
import { createSentenceTagger, evaluateNer, formatScores } from './eval/ner.js';
import { writeFileAtomic } from './files.js';
import { loadResources } from './pipeline/resources.js';
import { UsageError } from './errors.js';
import { parseOffset } from './text/time-zone.js';

const help = () => `zhtext ${zhtextVersion()}: analyse archives of Chinese-language news

Usage:
  zhtext analyze <files or folders…> --out <dir> [options]
  zhtext eval ner --gold <BIO file> [--pred-out <file>] [--entities <file>]
  zhtext --help | --version

analyze reads Jekyll posts (.md, .markdown), HTML (.html, .htm) and text (.txt) files, recursively
in folders, and writes to <dir>: documents.csv, terms.csv, entities.csv, entity_mentions.csv,
cooccurrence.csv, messages.csv, report.md and run.json.

eval ner tags each sentence of a BIO file (one character and its label a line, a blank line
between sentences; labels PER, LOC, ORG) and prints span-exact precision, recall and F1 per type.

Options:
  --gold <file>          (eval ner) the gold BIO file
  --pred-out <file>      (eval ner) write the predictions in the same BIO format
  --out <dir>            output folder (created if missing; files in it are replaced)
  --tz <offset>          time zone of calendar days, a fixed UTC offset such as +08:00,
                         UTC+8 or -05:00 (default +08:00)
  --entities <file>      a TSV file of entities extending or overriding the knowledge base
                         (same format as dictionaries/entities/*.tsv); may be given more than once
  --min-pair-count <n>   leave term pairs seen in fewer than n sentences out of cooccurrence.csv
                         (default 2; entity pairs are always all listed)
  --top <n>              rows in the report's tables (default 30)
  --quiet                no progress output
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 all documents analysed, 1 some documents failed (see messages.csv), 2 bad usage
or an unreadable entity file.
`;

export function main(argv: string[], io = { out: process.stdout, err: process.stderr }): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        gold: { type: 'string' },
        'pred-out': { type: 'string' },
        tz: { type: 'string', default: '+08:00' },
        entities: { type: 'string', multiple: true },
        'min-pair-count': { type: 'string', default: '2' },
        top: { type: 'string', default: '30' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
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
  const [command, ...inputs] = positionals;
  if (command === undefined) return usage(io.err, 'no command given');
  for (const file of values.entities ?? []) {
    if (!readable(file)) return usage(io.err, `--entities: cannot read ${file}`);
  }
  if (command === 'eval') return evalCommand(inputs, values, io);
  if (command !== 'analyze') return usage(io.err, `unknown command "${command}"`);
  if (inputs.length === 0) return usage(io.err, 'analyze needs at least one file or folder');
  if (!values.out) return usage(io.err, 'analyze needs --out <dir>');
  const tz = parseOffset(values.tz);
  if (tz === undefined) return usage(io.err, `--tz "${values.tz}" is not a UTC offset such as +08:00`);
  const minPairCount = positiveInteger(values['min-pair-count']);
  if (minPairCount === undefined) return usage(io.err, `--min-pair-count must be a positive integer, not "${values['min-pair-count']}"`);
  const top = positiveInteger(values.top);
  if (top === undefined) return usage(io.err, `--top must be a positive integer, not "${values.top}"`);
  const progress = createProgress(io.err, values.quiet);
  try {
    const summary = runAnalyze({
      inputs,
      outDir: values.out,
      tzOffsetMinutes: tz,
      minTermPairCount: minPairCount,
      top,
      ...(values.entities ? { entityFiles: values.entities } : {}),
      onDocument: (done, total, doc) => {
        progress.update(done, total);
        if (doc.status === 'failed') {
          const fatal = doc.messages.find((m) => m.severity === 'fatal');
          progress.log(`failed: ${JSON.stringify(doc.path)}: ${fatal?.code}: ${fatal?.reason}`);
        }
      },
    });
    progress.done();
    io.err.write(
      `zhtext: ${summary.files} files, ${summary.analysed} analysed, ${summary.warnings} with warnings, ` +
        `${summary.failed} failed, ${summary.duplicates} duplicates; wrote ${summary.written.length} files to ${values.out}\n`,
    );
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    progress.done();
    if (error instanceof UsageError) return usage(io.err, error.message);
    throw error;
  }
}

function evalCommand(args: string[], values: { gold?: string; 'pred-out'?: string; entities?: string[] }, io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }): number {
  if (args[0] !== 'ner' || args.length > 1) return usage(io.err, 'eval takes one kind: zhtext eval ner --gold <file>');
  if (!values.gold) return usage(io.err, 'eval ner needs --gold <file>');
  let gold;
  try {
    gold = readBio(readFileSync(values.gold, 'utf8'), values.gold);
  } catch (error) {
    return usage(io.err, error instanceof Error && error.message.startsWith(values.gold) ? error.message : `--gold: cannot read ${values.gold}`);
  }
  try {
    const resources = loadResources(values.entities ? { entityFiles: values.entities } : {});
    const evaluation = evaluateNer(gold, createSentenceTagger(resources));
    io.out.write(formatScores(evaluation));
    if (values['pred-out']) writeFileAtomic(values['pred-out'], writeBio(evaluation.predictions));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return usage(io.err, error.message);
    throw error;
  }
}

function readable(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

function positiveInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 ? n : undefined;
}

function usage(err: NodeJS.WritableStream, problem: string): number {
  err.write(`zhtext: ${problem}\nRun "zhtext --help" for usage.\n`);
  return 2;
}

/** a bar redrawn in place on a terminal; plain lines every 10% otherwise (logs, CI) */
function createProgress(err: NodeJS.WriteStream | NodeJS.WritableStream, quiet: boolean) {
  const tty = 'isTTY' in err && err.isTTY === true && !process.env.CI;
  let lastDecile = -1;
  let drawn = false;
  return {
    update(done: number, total: number) {
      if (quiet) return;
      if (tty) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        err.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
        drawn = true;
      } else {
        const decile = Math.floor((done / total) * 10);
        if (decile !== lastDecile || done === total) {
          if (decile !== lastDecile) err.write(`zhtext: ${done}/${total} files\n`);
          lastDecile = decile;
        }
      }
    },
    log(line: string) {
      if (quiet) return;
      if (drawn) err.write('\r\x1b[K');
      err.write(`zhtext: ${line}\n`);
    },
    done() {
      if (drawn) err.write('\n');
      drawn = false;
    },
  };
}
