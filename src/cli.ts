// The command line. Usage problems are found and reported (exit 2) before any file is read.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runAnalyze, DEFAULT_MIN_TERM_COUNT } from './commands/analyze.js';
import { runCompare } from './commands/compare.js';
import { formatKwic, runKwic } from './commands/kwic.js';
import type { CorpusOptions } from './pipeline/analyze.js';
import { parseDayRange, PERIOD_UNITS, type DayRange, type PeriodUnit } from './text/periods.js';
import type { CooccurrenceUnit, Script } from './types.js';
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
  zhtext compare <files or folders…> --out <dir> [--a <period> --b <period>] [options]
  zhtext kwic <files or folders…> <entity id or term> [options]
  zhtext eval ner --gold <BIO file> [--pred-out <file>] [--entities <file>]
  zhtext --help | --version

analyze reads Jekyll posts (.md, .markdown), HTML (.html, .htm) and text (.txt) files, recursively
in folders, and writes to <dir>: documents.csv, terms.csv, entities.csv, entity_mentions.csv,
cooccurrence.csv, messages.csv, report.md and run.json; with --by also entity_timeline.csv,
term_timeline.csv, bursts.csv and network_<period>.gexf for each period.

compare writes keyness.csv (terms and entities that distinguish side A from side B),
network_diff.csv (entity pairs gained, lost and changed), report.md and run.json. A period is a
day (2020-10-14), an ISO week (2020-W42), a month (2020-10) or a range of them
(2020-10-01..2020-10-07). Without --a and --b, each period of --by is compared with all the
others, and each period's network with the one before.

kwic prints every match of an entity id (as in entities.csv: US, per:joe_biden) or a term (as in
terms.csv) in its sentence: date, outlet, the sentence with the match marked 【】, path.

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
  --min-pair-count <n>   leave term pairs seen in fewer than n units out of cooccurrence.csv, and
                         entity pairs out of the networks (default 2; cooccurrence.csv lists
                         every entity pair)
  --min-term-count <n>   (analyze --by) terms counted fewer than n times stay out of
                         term_timeline.csv (default ${DEFAULT_MIN_TERM_COUNT})
  --a <period>, --b <period>
                         (compare) the two sides
  --min-count <n>        (compare) items seen fewer than n times on both sides together stay out
                         of keyness.csv (default 5)
  --min-expected <n>     (compare) flag items whose expected count on a side is below n
                         (default 5)
  --top <n>              rows in the reports' tables (default 30)
  --gold <file>          (eval ner) the gold BIO file
  --pred-out <file>      (eval ner) write the predictions in the same BIO format
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
        by: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        outlet: { type: 'string', multiple: true },
        script: { type: 'string', multiple: true },
        dedupe: { type: 'boolean', default: false },
        unit: { type: 'string', default: 'sentence' },
        'min-term-count': { type: 'string', default: String(DEFAULT_MIN_TERM_COUNT) },
        a: { type: 'string' },
        b: { type: 'string' },
        'min-count': { type: 'string', default: '5' },
        'min-expected': { type: 'string', default: '5' },
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
  if (command !== 'analyze' && command !== 'compare' && command !== 'kwic') return usage(io.err, `unknown command "${command}"`);
  const tz = parseOffset(values.tz);
  if (tz === undefined) return usage(io.err, `--tz "${values.tz}" is not a UTC offset such as +08:00`);
  const corpus = corpusOptionsOf(values);
  if (typeof corpus === 'string') return usage(io.err, corpus);
  if (command === 'kwic') return kwicCommand(inputs, tz, corpus, values, io);
  if (inputs.length === 0) return usage(io.err, `${command} needs at least one file or folder`);
  if (!values.out) return usage(io.err, `${command} needs --out <dir>`);
  const minPairCount = positiveInteger(values['min-pair-count']);
  if (minPairCount === undefined) return usage(io.err, `--min-pair-count must be a positive integer, not "${values['min-pair-count']}"`);
  const unit = unitOf(values.unit);
  if (unit === undefined) return usage(io.err, `--unit "${values.unit}" is not sentence, paragraph, document or window:N`);
  const top = positiveInteger(values.top);
  if (top === undefined) return usage(io.err, `--top must be a positive integer, not "${values.top}"`);
  if (command === 'compare') return compareCommand(inputs, tz, corpus, unit, minPairCount, top, values, io);
  const minTermCount = positiveInteger(values['min-term-count']);
  if (minTermCount === undefined) return usage(io.err, `--min-term-count must be a positive integer, not "${values['min-term-count']}"`);
  const progress = createProgress(io.err, values.quiet);
  try {
    const summary = runAnalyze({
      inputs,
      outDir: values.out,
      tzOffsetMinutes: tz,
      minTermPairCount: minPairCount,
      top,
      unit,
      minTermCount,
      ...corpus,
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

type Values = Record<string, string | boolean | string[] | undefined>;

/** --by, --from, --to, --outlet, --script and --dedupe, or the problem with them */
function corpusOptionsOf(values: Values): CorpusOptions | string {
  const options: CorpusOptions = {};
  if (values.by !== undefined) {
    if (!PERIOD_UNITS.includes(values.by as PeriodUnit)) return `--by "${values.by}" is not day, week or month`;
    options.by = values.by as PeriodUnit;
  }
  if (values.from !== undefined || values.to !== undefined) {
    const from = values.from === undefined ? undefined : parseDayRange(values.from as string);
    const to = values.to === undefined ? undefined : parseDayRange(values.to as string);
    if (values.from !== undefined && !from) return `--from "${values.from}" is not a day such as 2020-10-14`;
    if (values.to !== undefined && !to) return `--to "${values.to}" is not a day such as 2020-10-14`;
    const days: DayRange = { from: from?.from ?? '0000-01-01', to: to?.to ?? '9999-12-31' };
    if (days.from > days.to) return `--from ${values.from} is after --to ${values.to}`;
    options.days = days;
  }
  if (values.outlet) options.outlets = new Set(values.outlet as string[]);
  if (values.script) {
    for (const script of values.script as string[]) {
      if (!SCRIPTS.includes(script as Script)) return `--script "${script}" is not simplified, traditional, mixed or none`;
    }
    options.scripts = new Set(values.script as Script[]);
  }
  if (values.dedupe) options.dedupe = true;
  return options;
}

const SCRIPTS: readonly Script[] = ['simplified', 'traditional', 'mixed', 'none'];

/** sentence, paragraph, document or window:N */
function unitOf(text: string | undefined): CooccurrenceUnit | undefined {
  if (text === 'sentence' || text === 'paragraph' || text === 'document') return { kind: text };
  const m = /^window:(\d+)$/.exec(text ?? '');
  const size = m ? Number(m[1]) : 0;
  return size >= 2 ? { kind: 'window', size } : undefined;
}

function compareCommand(inputs: string[], tz: number, corpus: CorpusOptions, unit: CooccurrenceUnit, minPairCount: number, top: number, values: Values, io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }): number {
  const side = (name: 'a' | 'b') => {
    const spec = values[name] as string | undefined;
    if (spec === undefined) return undefined;
    const days = parseDayRange(spec);
    return days ? { spec, days } : null;
  };
  const a = side('a');
  const b = side('b');
  if (a === null) return usage(io.err, `--a "${values.a}" is not a day, week, month or range (2020-10-14, 2020-W42, 2020-10, 2020-10-01..2020-10-07)`);
  if (b === null) return usage(io.err, `--b "${values.b}" is not a day, week, month or range (2020-10-14, 2020-W42, 2020-10, 2020-10-01..2020-10-07)`);
  const minCount = positiveInteger(values['min-count'] as string);
  if (minCount === undefined) return usage(io.err, `--min-count must be a positive integer, not "${values['min-count']}"`);
  const minExpected = Number(values['min-expected']);
  if (!(minExpected >= 0)) return usage(io.err, `--min-expected must be a number ≥ 0, not "${values['min-expected']}"`);
  const progress = createProgress(io.err, values.quiet === true);
  try {
    const summary = runCompare({
      inputs,
      outDir: values.out as string,
      tzOffsetMinutes: tz,
      ...corpus,
      ...(a ? { a } : {}),
      ...(b ? { b } : {}),
      unit,
      minCount,
      minExpected,
      minPairCount,
      top,
      ...(values.entities ? { entityFiles: values.entities as string[] } : {}),
      onDocument: (done, total) => progress.update(done, total),
    });
    progress.done();
    for (const c of summary.comparisons) {
      const side = (t: typeof c.tallyA) => `${t.documents} document${t.documents === 1 ? '' : 's'}, ${t.tokens} tokens`;
      io.err.write(`zhtext: ${c.a}: ${side(c.tallyA)}; ${c.b}: ${side(c.tallyB)}\n`);
      if (c.tallyA.documents === 0 || c.tallyB.documents === 0) io.err.write(`zhtext: ${c.tallyA.documents === 0 ? c.a : c.b} has no documents: nothing to compare\n`);
    }
    io.err.write(`zhtext: ${summary.files} files, ${summary.analysed} analysed, ${summary.failed} failed; wrote ${summary.written.length} files to ${values.out}\n`);
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    progress.done();
    if (error instanceof UsageError) return usage(io.err, error.message);
    throw error;
  }
}

function kwicCommand(args: string[], tz: number, corpus: CorpusOptions, values: Values, io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }): number {
  if (args.length < 2) return usage(io.err, 'kwic needs files or folders, then an entity id or a term');
  if (corpus.by) return usage(io.err, 'kwic takes no --by');
  const query = args[args.length - 1]!;
  try {
    const result = runKwic({ inputs: args.slice(0, -1), query, tzOffsetMinutes: tz, ...corpus, ...(values.entities ? { entityFiles: values.entities as string[] } : {}) });
    io.out.write(formatKwic(result));
    io.err.write(`zhtext: ${result.kind} ${result.key}: ${result.lines.length} matches in ${result.documents} documents\n`);
    if (result.lines.length === 0) io.err.write('zhtext: no matches; an entity is named by its id as in entities.csv (US, per:joe_biden), a term as in terms.csv\n');
    return 0;
  } catch (error) {
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
