// Options, in one place. The command line and the library API hand their raw options to the same
// functions here, which return a frozen, typed configuration or throw one OptionsError listing every
// problem, each with a stable code and a message that names the option and the value (the way
// csv-stringify normalises its options). Defaults live here too. Nothing here reads a post; files the
// options name (--entities, --gold, the inputs) are checked for existence and readability only.
import { accessSync, constants, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defaultCacheDir } from './cache/doc-cache.js';
import { UsageError } from './errors.js';
import { parseQueueAddress, type QueueAddress } from './queue/connection.js';
import { type DayRange, PERIOD_UNITS, type PeriodUnit, parseDayRange } from './text/periods.js';
import { formatOffset, parseOffset } from './text/time-zone.js';
import type { CooccurrenceUnit, RecognizerKind, Script } from './types.js';

export type OptionErrorCode =
  /** an option or argument the command needs is missing */
  | 'OPTION_REQUIRED'
  /** the command takes no such option */
  | 'OPTION_NOT_FOR_COMMAND'
  /** a count that must be a whole number ≥ 1 (or ≥ 0 where said) */
  | 'OPTION_INVALID_INTEGER'
  /** a number that must be ≥ 0 */
  | 'OPTION_INVALID_NUMBER'
  /** a value that must be one of a few words */
  | 'OPTION_INVALID_CHOICE'
  /** a list of entity ids with an empty one */
  | 'OPTION_INVALID_FOCUS'
  /** a day, week, month or range that cannot be read */
  | 'OPTION_INVALID_PERIOD'
  /** a time zone that is not a fixed UTC offset */
  | 'OPTION_INVALID_TIME_ZONE'
  /** a queue address that is not redis://host:port[/db] */
  | 'OPTION_INVALID_QUEUE'
  /** two options that contradict each other */
  | 'OPTION_CONFLICT'
  /** a file or folder named by an option that does not exist or cannot be read */
  | 'OPTION_PATH_UNREADABLE'
  /** a command line that names no known command */
  | 'COMMAND_UNKNOWN';

export interface OptionProblem {
  code: OptionErrorCode;
  /** the option as written on the command line (--min-count), or the argument (<files or folders…>) */
  option: string;
  value: unknown;
  message: string;
}

/** Every problem with a set of options; the CLI prints each and exits 2. */
export class OptionsError extends UsageError {
  readonly problems: readonly OptionProblem[];
  constructor(problems: OptionProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.problems = problems;
  }
  /** the first problem's code (most option errors have one problem) */
  get code(): OptionErrorCode {
    return this.problems[0]!.code;
  }
}

export const DEFAULTS = {
  tz: '+08:00',
  unit: 'sentence',
  minPairCount: 2,
  minTermCount: 5,
  top: 30,
  minCount: 5,
  minExpected: 5,
  by: 'day',
  /** far beyond any post read (a 2 MB one takes seconds), short of a hang */
  docTimeout: 60,
} as const;

export const SCRIPTS: readonly Script[] = ['simplified', 'traditional', 'mixed', 'none'];

/**
 * Options as a caller gives them: the command line passes strings (and lists for repeated options),
 * code may pass numbers and booleans. Names are the command line's in camelCase.
 */
export interface RawOptions {
  /** files and folders to read */
  inputs?: readonly string[];
  out?: string;
  tz?: string | number;
  by?: string;
  from?: string;
  to?: string;
  outlet?: string | readonly string[];
  script?: string | readonly string[];
  dedupe?: boolean;
  unit?: string;
  entities?: string | readonly string[];
  dictionaryDir?: string;
  /** model (default) or rules */
  recognizer?: string;
  minPairCount?: string | number;
  minTermCount?: string | number;
  top?: string | number;
  /** analyze --by: entity ids whose timeline the report charts beside the top entities' (comma-separated, or a list) */
  focus?: string | readonly string[];
  a?: string;
  b?: string;
  minCount?: string | number;
  minExpected?: string | number;
  /** kwic: an entity id or a term */
  query?: string;
  gold?: string;
  predOut?: string;
  quiet?: boolean;
  /** documents processed at once, one worker process each (default: as many as the files and cores make worth it) */
  workers?: string | number;
  /** the cache folder (default: $XDG_CACHE_HOME/zhtext or ~/.cache/zhtext) */
  cache?: string;
  /** compute every document, reading and writing no cache */
  noCache?: boolean;
  /** redis://host:port[/db]: the documents go to workers through this Redis (analyze, compare, kwic), or the worker takes jobs from it */
  queue?: string;
  /** worker: documents processed at once, one worker process each */
  concurrency?: string | number;
  /** worker: how long a job whose worker stopped answering waits before another worker takes it */
  stallSeconds?: string | number;
  /** seconds a document may take before it is stopped and failed (0: no limit) */
  docTimeout?: string | number;
}

/** Which documents count: the filters, applied alike by every command that reads a corpus. */
export interface Filters {
  /** only documents dated within these days (undated ones are left out) */
  readonly days?: DayRange;
  /** only documents of these outlets, by any name an outlet goes by (dictionaries/outlets.tsv) */
  readonly outlets?: readonly string[];
  /** only documents in these scripts */
  readonly scripts?: readonly Script[];
}

/** What every command that reads a corpus needs. */
export interface CorpusConfig {
  readonly inputs: readonly string[];
  /** fixed UTC offset of calendar days, in minutes east of UTC */
  readonly tzOffsetMinutes: number;
  /** folder of the dictionaries (default: the package's dictionaries/) */
  readonly dictionaryDir?: string;
  /** user entity files extending the knowledge base */
  readonly entityFiles: readonly string[];
  /** how names beyond the knowledge base are recognized; absent, the model when the dictionaries hold one, else the rules */
  readonly recognizer?: RecognizerKind;
  readonly filters: Filters;
  /** count a near-copy of an earlier document once */
  readonly dedupe: boolean;
  readonly unit: CooccurrenceUnit;
  /** worker processes, when given; absent, the runner decides by the files and cores */
  readonly workers?: number;
  /** the cache folder of per-document results; absent, no cache */
  readonly cacheDir?: string;
  /** --queue: the documents go to workers through this Redis */
  readonly queue?: QueueAddress;
  /** seconds a document may take in a worker process before it is stopped and failed; 0, no limit */
  readonly docTimeoutSeconds: number;
}

export interface AnalyzeConfig extends CorpusConfig {
  readonly command: 'analyze';
  readonly outDir: string;
  /** also count by period */
  readonly by?: PeriodUnit;
  readonly minPairCount: number;
  /** with `by`: terms counted fewer times over all periods stay out of term_timeline.csv */
  readonly minTermCount: number;
  readonly top: number;
  /** entity ids charted in the report's timeline beside the top entities */
  readonly focus: readonly string[];
}

export interface Side {
  /** as written: 2020-10-14, 2020-W42, 2020-10, 2020-10-01..2020-10-07 */
  readonly spec: string;
  readonly days: DayRange;
}

export interface CompareConfig extends CorpusConfig {
  readonly command: 'compare';
  readonly outDir: string;
  /** the two sides, or none: then each period of `by` against the rest */
  readonly sides?: { readonly a: Side; readonly b: Side };
  readonly by: PeriodUnit;
  readonly minCount: number;
  readonly minExpected: number;
  readonly minPairCount: number;
  readonly top: number;
}

export interface KwicConfig extends CorpusConfig {
  readonly command: 'kwic';
  readonly query: string;
}

export interface EvalNerConfig {
  readonly command: 'eval-ner';
  readonly gold: string;
  readonly predOut?: string;
  readonly dictionaryDir?: string;
  readonly entityFiles: readonly string[];
  readonly recognizer?: RecognizerKind;
}

export interface WorkerConfig {
  readonly command: 'worker';
  readonly queue: QueueAddress;
  /** worker processes, each processing one document at a time */
  readonly concurrency: number;
  /** a job whose worker stopped answering for this long is given to another */
  readonly stallSeconds: number;
  readonly dictionaryDir?: string;
  /** where the worker keeps the results it computes; absent, no cache */
  readonly cacheDir?: string;
  /** seconds a document may take before it is stopped and failed; 0, no limit */
  readonly docTimeoutSeconds: number;
}

export type Config = AnalyzeConfig | CompareConfig | KwicConfig | EvalNerConfig | WorkerConfig;
export type CommandName = Config['command'];

/** the options of every command that reads a corpus */
const CORPUS_OPTIONS: (keyof RawOptions)[] = [
  'inputs',
  'tz',
  'from',
  'to',
  'outlet',
  'script',
  'dedupe',
  'entities',
  'dictionaryDir',
  'recognizer',
  'workers',
  'cache',
  'noCache',
  'queue',
  'docTimeout',
];

/** the options each command takes (besides --quiet, which only the command line reads) */
const ACCEPTS: Record<CommandName, ReadonlySet<keyof RawOptions>> = {
  analyze: new Set([...CORPUS_OPTIONS, 'out', 'by', 'unit', 'minPairCount', 'minTermCount', 'top', 'focus']),
  compare: new Set([...CORPUS_OPTIONS, 'out', 'by', 'unit', 'a', 'b', 'minCount', 'minExpected', 'minPairCount', 'top']),
  kwic: new Set([...CORPUS_OPTIONS, 'query']),
  'eval-ner': new Set(['gold', 'predOut', 'entities', 'dictionaryDir', 'recognizer']),
  worker: new Set(['queue', 'concurrency', 'stallSeconds', 'dictionaryDir', 'cache', 'noCache', 'docTimeout']),
};

/** the option as the command line spells it: minPairCount → --min-pair-count */
export function flagOf(name: keyof RawOptions): string {
  if (name === 'inputs') return '<files or folders…>';
  if (name === 'query') return '<entity id or term>';
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export function analyzeConfig(raw: RawOptions): AnalyzeConfig {
  const check = new Checker(raw, 'analyze');
  const corpus = check.corpus();
  const config: AnalyzeConfig = {
    command: 'analyze',
    ...corpus,
    outDir: check.required('out'),
    ...optional('by', check.choice('by', PERIOD_UNITS)),
    minPairCount: check.integer('minPairCount', DEFAULTS.minPairCount),
    minTermCount: check.integer('minTermCount', DEFAULTS.minTermCount),
    top: check.integer('top', DEFAULTS.top),
    focus: check.focus(),
  };
  return check.done(config);
}

export function compareConfig(raw: RawOptions): CompareConfig {
  const check = new Checker(raw, 'compare');
  const corpus = check.corpus();
  const a = check.period('a');
  const b = check.period('b');
  let sides: CompareConfig['sides'];
  if (a && b) {
    if (a.days.from <= b.days.to && b.days.from <= a.days.to) {
      check.problem('OPTION_CONFLICT', 'a', a.spec, `--a ${a.spec} and --b ${b.spec} overlap: a document would be on both sides`);
    }
    sides = { a, b };
  } else if ((raw.a === undefined) !== (raw.b === undefined)) {
    const given = raw.a === undefined ? 'b' : 'a';
    check.problem(
      'OPTION_REQUIRED',
      given === 'a' ? 'b' : 'a',
      undefined,
      `compare needs both --a and --b, or neither (--${given} ${raw[given]} was given alone)`,
    );
  }
  const config: CompareConfig = {
    command: 'compare',
    ...corpus,
    outDir: check.required('out'),
    ...optional('sides', sides),
    by: check.choice('by', PERIOD_UNITS) ?? DEFAULTS.by,
    minCount: check.integer('minCount', DEFAULTS.minCount),
    minExpected: check.number('minExpected', DEFAULTS.minExpected),
    minPairCount: check.integer('minPairCount', DEFAULTS.minPairCount),
    top: check.integer('top', DEFAULTS.top),
  };
  return check.done(config);
}

export function kwicConfig(raw: RawOptions): KwicConfig {
  const check = new Checker(raw, 'kwic');
  const corpus = check.corpus();
  const config: KwicConfig = { command: 'kwic', ...corpus, query: check.required('query') };
  return check.done(config);
}

export function evalNerConfig(raw: RawOptions): EvalNerConfig {
  const check = new Checker(raw, 'eval-ner');
  const gold = check.required('gold');
  if (gold !== '') check.readableFile('gold', gold);
  const config: EvalNerConfig = {
    command: 'eval-ner',
    gold,
    ...optional('predOut', raw.predOut),
    ...optional('dictionaryDir', check.dictionaryDir()),
    entityFiles: check.entityFiles(),
    ...optional('recognizer', check.recognizer()),
  };
  return check.done(config);
}

/** a worker's seconds before a job whose worker stopped answering goes to another */
export const DEFAULT_STALL_SECONDS = 30;

export function workerConfig(raw: RawOptions): WorkerConfig {
  const check = new Checker(raw, 'worker');
  const queue = check.queue();
  if (!queue && raw.queue === undefined) check.problem('OPTION_REQUIRED', 'queue', undefined, 'worker needs --queue redis://host:port[/db]');
  const config: WorkerConfig = {
    command: 'worker',
    queue: queue ?? parseQueueAddress('redis://127.0.0.1')!,
    concurrency: check.integer('concurrency', availableParallelism()),
    stallSeconds: check.integer('stallSeconds', DEFAULT_STALL_SECONDS),
    ...optional('dictionaryDir', check.dictionaryDir()),
    ...optional('cacheDir', check.cache()),
    docTimeoutSeconds: check.number('docTimeout', DEFAULTS.docTimeout),
  };
  return check.done(config);
}

/**
 * The UTC offset in minutes a time zone stands for: text such as +08:00, UTC+8 or -05:00, or a whole
 * number of minutes within ±14 hours. Throws an OptionsError when it is neither.
 */
export function timeZoneMinutes(value: string | number): number {
  const minutes = offsetMinutes(value);
  if (minutes === undefined) throw new OptionsError([{ code: 'OPTION_INVALID_TIME_ZONE', option: '--tz', value, message: timeZoneMessage(value) }]);
  return minutes;
}

function offsetMinutes(value: string | number): number | undefined {
  const minutes = typeof value === 'number' ? value : parseOffset(value);
  return minutes !== undefined && Number.isInteger(minutes) && Math.abs(minutes) <= 14 * 60 ? minutes : undefined;
}

function timeZoneMessage(value: unknown): string {
  return `--tz "${value}" is not a UTC offset such as +08:00 (or a whole number of minutes within ±14 hours)`;
}

/** the run.json form of a configuration: the options as given or defaulted, snake_case, lists sorted */
export function describeConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (config.command === 'worker') return out;
  if (config.command !== 'eval-ner') {
    out.tz = formatOffset(config.tzOffsetMinutes);
    out.unit = unitName(config.unit);
    out.from = config.filters.days?.from ?? null;
    out.to = config.filters.days?.to ?? null;
    out.outlets = config.filters.outlets ? [...config.filters.outlets].sort() : null;
    out.scripts = config.filters.scripts ? [...config.filters.scripts].sort() : null;
    out.dedupe = config.dedupe;
    out.doc_timeout_seconds = config.docTimeoutSeconds;
  }
  switch (config.command) {
    case 'analyze':
      Object.assign(out, {
        by: config.by ?? null,
        min_pair_count: config.minPairCount,
        min_term_count: config.by ? config.minTermCount : null,
        top: config.top,
        focus: config.focus.length > 0 ? [...config.focus] : null,
      });
      break;
    case 'compare':
      Object.assign(out, {
        a: config.sides ? { spec: config.sides.a.spec, ...config.sides.a.days } : null,
        b: config.sides ? { spec: config.sides.b.spec, ...config.sides.b.days } : null,
        by: config.sides ? null : config.by,
        min_count: config.minCount,
        min_expected: config.minExpected,
        min_pair_count: config.minPairCount,
        top: config.top,
      });
      break;
    case 'kwic':
      out.query = config.query;
      break;
    case 'eval-ner':
      out.gold = config.gold;
      break;
  }
  out.entities = [...config.entityFiles];
  return out;
}

/** sentence, paragraph, document, or window:N */
export function unitName(unit: CooccurrenceUnit): string {
  return unit.kind === 'window' ? `window:${unit.size}` : unit.kind;
}

/** `{ [key]: value }` when the value is defined, `{}` otherwise (optional properties stay absent) */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Reads raw options of one command, collecting every problem before throwing. */
class Checker {
  private readonly problems: OptionProblem[] = [];
  /** the command as the user types it */
  private readonly name: string;

  constructor(
    private readonly raw: RawOptions,
    command: CommandName,
  ) {
    this.name = command === 'eval-ner' ? 'eval ner' : command;
    for (const key of Object.keys(raw) as (keyof RawOptions)[]) {
      if (raw[key] === undefined || key === 'quiet' || ACCEPTS[command].has(key)) continue;
      this.problem('OPTION_NOT_FOR_COMMAND', key, raw[key], `${flagOf(key)} is not an option of ${this.name}`);
    }
  }

  problem(code: OptionErrorCode, option: keyof RawOptions, value: unknown, message: string): void {
    this.problems.push({ code, option: flagOf(option), value, message });
  }

  /** the configuration, frozen, or an OptionsError with every problem found */
  done<T extends object>(config: T): Readonly<T> {
    if (this.problems.length > 0) throw new OptionsError(this.problems);
    return deepFreeze(config);
  }

  corpus(): CorpusConfig {
    const inputs = this.inputs();
    const tzOffsetMinutes = this.timeZone();
    const days = this.days();
    const outlets = this.list('outlet');
    const scripts = this.scripts();
    const filters: Filters = { ...optional('days', days), ...optional('outlets', outlets), ...optional('scripts', scripts) };
    return {
      inputs,
      tzOffsetMinutes,
      ...optional('dictionaryDir', this.dictionaryDir()),
      entityFiles: this.entityFiles(),
      ...optional('recognizer', this.recognizer()),
      filters,
      dedupe: this.raw.dedupe === true,
      unit: this.unit(),
      ...optional('workers', this.raw.workers === undefined ? undefined : this.integer('workers', 1)),
      ...optional('cacheDir', this.cacheDir()),
      ...optional('queue', this.queue()),
      docTimeoutSeconds: this.number('docTimeout', DEFAULTS.docTimeout),
    };
  }

  /** --queue redis://host:port[/db], read and checked (no connection is tried here) */
  queue(): QueueAddress | undefined {
    const value = this.raw.queue;
    if (value === undefined) return undefined;
    const address = typeof value === 'string' ? parseQueueAddress(value) : undefined;
    if (!address)
      this.problem('OPTION_INVALID_QUEUE', 'queue', value, `--queue "${value}" is not a Redis address such as redis://127.0.0.1:6379 or redis://host:6379/2`);
    return address;
  }

  /** the cache folder (see cacheDir) */
  cache(): string | undefined {
    return this.cacheDir();
  }

  /** --cache <dir>, the default folder, or none with --no-cache */
  private cacheDir(): string | undefined {
    const { cache, noCache } = this.raw;
    if (noCache === true) {
      if (cache !== undefined) this.problem('OPTION_CONFLICT', 'cache', cache, '--cache and --no-cache cannot be given together');
      return undefined;
    }
    if (cache === undefined) return defaultCacheDir();
    if (cache === '' || (exists(cache) && !isDirectory(cache))) {
      this.problem('OPTION_PATH_UNREADABLE', 'cache', cache, `--cache: ${cache === '' ? 'an empty path' : `${cache} is not a folder`}`);
    }
    return cache;
  }

  required<K extends 'out' | 'query' | 'gold'>(key: K): string {
    const value = this.raw[key];
    if (typeof value === 'string' && value !== '') return value;
    const what = key === 'query' ? 'an entity id or a term after the files and folders' : `${flagOf(key)} <${key === 'out' ? 'dir' : 'file'}>`;
    this.problem('OPTION_REQUIRED', key, value, `${this.name} needs ${what}`);
    return '';
  }

  private inputs(): string[] {
    const inputs = [...(this.raw.inputs ?? [])];
    if (inputs.length === 0) {
      const what = this.name === 'kwic' ? 'files or folders, then an entity id or a term' : 'at least one file or folder';
      this.problem('OPTION_REQUIRED', 'inputs', inputs, `${this.name} needs ${what}`);
      return inputs;
    }
    const missing = inputs.filter((path) => !exists(path));
    if (missing.length > 0) this.problem('OPTION_PATH_UNREADABLE', 'inputs', missing, `no such file or folder: ${missing.join(', ')}`);
    return inputs;
  }

  private timeZone(): number {
    const value = this.raw.tz ?? DEFAULTS.tz;
    const minutes = offsetMinutes(value);
    if (minutes !== undefined) return minutes;
    this.problem('OPTION_INVALID_TIME_ZONE', 'tz', value, timeZoneMessage(value));
    return 0;
  }

  private days(): DayRange | undefined {
    const { from, to } = this.raw;
    if (from === undefined && to === undefined) return undefined;
    const first = from === undefined ? undefined : parseDayRange(from);
    const last = to === undefined ? undefined : parseDayRange(to);
    if (from !== undefined && !first) this.problem('OPTION_INVALID_PERIOD', 'from', from, `--from "${from}" is not a day such as 2020-10-14`);
    if (to !== undefined && !last) this.problem('OPTION_INVALID_PERIOD', 'to', to, `--to "${to}" is not a day such as 2020-10-14`);
    const days: DayRange = { from: first?.from ?? '0000-01-01', to: last?.to ?? '9999-12-31' };
    if ((from === undefined || first) && (to === undefined || last) && days.from > days.to) {
      this.problem('OPTION_CONFLICT', 'from', from, `--from ${from} is after --to ${to}`);
    }
    return days;
  }

  private scripts(): Script[] | undefined {
    const scripts = this.list('script');
    if (!scripts) return undefined;
    for (const s of scripts) {
      if (!SCRIPTS.includes(s as Script)) this.problem('OPTION_INVALID_CHOICE', 'script', s, `--script "${s}" is not simplified, traditional, mixed or none`);
    }
    return [...new Set(scripts)] as Script[];
  }

  recognizer(): RecognizerKind | undefined {
    const kind = this.raw.recognizer;
    if (kind === undefined || kind === 'model' || kind === 'rules') return kind;
    this.problem('OPTION_INVALID_CHOICE', 'recognizer', kind, `--recognizer "${kind}" is not model or rules`);
    return undefined;
  }

  private unit(): CooccurrenceUnit {
    const text = this.raw.unit ?? DEFAULTS.unit;
    if (text === 'sentence' || text === 'paragraph' || text === 'document') return { kind: text };
    const m = /^window:(\d+)$/.exec(text);
    const size = m ? Number(m[1]) : 0;
    if (size >= 2) return { kind: 'window', size };
    this.problem('OPTION_INVALID_CHOICE', 'unit', text, `--unit "${text}" is not sentence, paragraph, document or window:N (N ≥ 2)`);
    return { kind: 'sentence' };
  }

  choice<T extends string>(key: 'by', choices: readonly T[]): T | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    if (choices.includes(value as T)) return value as T;
    this.problem('OPTION_INVALID_CHOICE', key, value, `${flagOf(key)} "${value}" is not ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`);
    return undefined;
  }

  period(key: 'a' | 'b'): Side | undefined {
    const spec = this.raw[key];
    if (spec === undefined) return undefined;
    const days = parseDayRange(spec);
    if (days) return { spec, days };
    this.problem(
      'OPTION_INVALID_PERIOD',
      key,
      spec,
      `--${key} "${spec}" is not a day, week, month or range (2020-10-14, 2020-W42, 2020-10, 2020-10-01..2020-10-07)`,
    );
    return undefined;
  }

  /** a whole number ≥ 1, given as a number or as digits */
  integer(key: 'minPairCount' | 'minTermCount' | 'top' | 'minCount' | 'workers' | 'concurrency' | 'stallSeconds', fallback: number): number {
    const value = this.raw[key];
    if (value === undefined) return fallback;
    const n = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (Number.isSafeInteger(n) && n >= 1) return n;
    this.problem('OPTION_INVALID_INTEGER', key, value, `${flagOf(key)} must be a whole number ≥ 1, not "${value}"`);
    return fallback;
  }

  /** a number ≥ 0 */
  number(key: 'minExpected' | 'docTimeout', fallback: number): number {
    const value = this.raw[key];
    if (value === undefined) return fallback;
    const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
    if (Number.isFinite(n) && n >= 0) return n;
    this.problem('OPTION_INVALID_NUMBER', key, value, `${flagOf(key)} must be a number ≥ 0, not "${value}"`);
    return fallback;
  }

  /** --focus: entity ids, comma-separated or repeated, in the order given, each once */
  focus(): string[] {
    const value = this.raw.focus;
    if (value === undefined) return [];
    const ids = (typeof value === 'string' ? [value] : [...value]).flatMap((v) => v.split(/[,，]/)).map((v) => v.trim());
    if (ids.some((id) => id === ''))
      this.problem('OPTION_INVALID_FOCUS', 'focus', String(value), '--focus takes entity ids separated by commas (US,per:joe_biden), with none empty');
    return [...new Set(ids.filter((id) => id !== ''))];
  }

  private list(key: 'outlet' | 'script' | 'entities'): string[] | undefined {
    const value = this.raw[key];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? [value] : [...value];
  }

  entityFiles(): string[] {
    const files = this.list('entities') ?? [];
    for (const file of files) this.readableFile('entities', file);
    return files;
  }

  dictionaryDir(): string | undefined {
    const dir = this.raw.dictionaryDir;
    if (dir !== undefined && !isDirectory(dir)) this.problem('OPTION_PATH_UNREADABLE', 'dictionaryDir', dir, `--dictionary-dir: no such folder ${dir}`);
    return dir;
  }

  readableFile(key: 'entities' | 'gold', file: string): void {
    try {
      accessSync(file, constants.R_OK);
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      this.problem('OPTION_PATH_UNREADABLE', key, file, `${flagOf(key)}: cannot read ${file}`);
    }
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
