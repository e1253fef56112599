// Options in one place: defaults, frozen configurations, and every problem reported at once with a
// stable code and a message naming the option and the value, whoever calls (CLI or library).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { analyzeConfig, compareConfig, describeConfig, evalNerConfig, kwicConfig, OptionsError, timeZoneMinutes, workerConfig } from '../../../src/options.js';
import { ROOT } from '../../helpers.js';

const POSTS = join(ROOT, 'test', 'fixtures', 'posts');

/** the codes and options of the problems a call throws */
function problemsOf(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof OptionsError, `an OptionsError, not ${String(error)}`);
    return error.problems.map((p) => `${p.code} ${p.option}`);
  }
  assert.fail('no OptionsError thrown');
}

test('analyze: defaults filled in, the configuration frozen through and through', () => {
  const config = analyzeConfig({ inputs: [POSTS], out: 'out' });
  assert.equal(config.tzOffsetMinutes, 480);
  assert.deepEqual(config.unit, { kind: 'sentence' });
  assert.equal(config.minPairCount, 2);
  assert.equal(config.minTermCount, 5);
  assert.equal(config.top, 30);
  assert.equal(config.by, undefined);
  assert.equal(config.dedupe, false);
  assert.deepEqual(config.filters, {});
  assert.ok(Object.isFrozen(config) && Object.isFrozen(config.unit) && Object.isFrozen(config.inputs));
  assert.throws(() => {
    (config as { top: number }).top = 5;
  }, TypeError);
});

test('--focus: ids comma-separated (ASCII or full-width) or repeated, each once in the order given; an empty id is refused', () => {
  assert.deepEqual(analyzeConfig({ inputs: [POSTS], out: 'out' }).focus, []);
  assert.deepEqual(analyzeConfig({ inputs: [POSTS], out: 'out', focus: ['US, per:joe_biden', 'CN，US'] }).focus, ['US', 'per:joe_biden', 'CN']);
  assert.deepEqual(
    problemsOf(() => analyzeConfig({ inputs: [POSTS], out: 'out', focus: 'US,,CN' })),
    ['OPTION_INVALID_FOCUS --focus'],
  );
  assert.deepEqual(
    problemsOf(() => compareConfig({ inputs: [POSTS], out: 'out', by: 'day', focus: 'US' })),
    ['OPTION_NOT_FOR_COMMAND --focus'],
  );
});

test('the command line (strings) and code (numbers) give the same configuration', () => {
  const fromCli = analyzeConfig({ inputs: [POSTS], out: 'o', tz: '-05:00', minPairCount: '3', top: '7', unit: 'window:10', by: 'week', outlet: ['路透'] });
  const fromCode = analyzeConfig({ inputs: [POSTS], out: 'o', tz: -300, minPairCount: 3, top: 7, unit: 'window:10', by: 'week', outlet: '路透' });
  assert.deepEqual(fromCli, fromCode);
  assert.deepEqual(fromCode.unit, { kind: 'window', size: 10 });
  assert.deepEqual(fromCode.filters.outlets, ['路透']);
});

test('every problem is reported at once, each with its code and the option named', () => {
  const problems = problemsOf(() =>
    analyzeConfig({
      inputs: ['no/such/file.md'],
      tz: 'Mars',
      minPairCount: '0',
      top: 'x',
      unit: 'window:1',
      by: 'year',
      script: ['latin'],
      from: '2020-13-01',
      recognizer: 'neural',
    }),
  );
  assert.deepEqual(problems.sort(), [
    'OPTION_INVALID_CHOICE --by',
    'OPTION_INVALID_CHOICE --recognizer',
    'OPTION_INVALID_CHOICE --script',
    'OPTION_INVALID_CHOICE --unit',
    'OPTION_INVALID_INTEGER --min-pair-count',
    'OPTION_INVALID_INTEGER --top',
    'OPTION_INVALID_PERIOD --from',
    'OPTION_INVALID_TIME_ZONE --tz',
    'OPTION_PATH_UNREADABLE <files or folders…>',
    'OPTION_REQUIRED --out',
  ]);
});

test('messages name the option and the value as given', () => {
  const error = (() => {
    try {
      analyzeConfig({ inputs: [POSTS], out: 'o', minPairCount: '-2' });
    } catch (e) {
      return e as OptionsError;
    }
  })();
  assert.ok(error);
  assert.equal(error.message, '--min-pair-count must be a whole number ≥ 1, not "-2"');
  assert.deepEqual(error.problems[0], { code: 'OPTION_INVALID_INTEGER', option: '--min-pair-count', value: '-2', message: error.message });
});

test('an option another command takes is refused, not ignored', () => {
  assert.deepEqual(
    problemsOf(() => analyzeConfig({ inputs: [POSTS], out: 'o', a: '2020-10-14' })),
    ['OPTION_NOT_FOR_COMMAND --a'],
  );
  assert.deepEqual(
    problemsOf(() => kwicConfig({ inputs: [POSTS], query: 'US', by: 'day' })),
    ['OPTION_NOT_FOR_COMMAND --by'],
  );
  assert.deepEqual(
    problemsOf(() => kwicConfig({ inputs: [POSTS], query: 'US', out: 'o' })),
    ['OPTION_NOT_FOR_COMMAND --out'],
  );
});

test('compare: both sides or neither, and never overlapping', () => {
  assert.deepEqual(
    problemsOf(() => compareConfig({ inputs: [POSTS], out: 'o', a: '2020-10-14' })),
    ['OPTION_REQUIRED --b'],
  );
  assert.deepEqual(
    problemsOf(() => compareConfig({ inputs: [POSTS], out: 'o', a: '2020-10', b: '2020-10-14' })),
    ['OPTION_CONFLICT --a'],
  );
  assert.deepEqual(
    problemsOf(() => compareConfig({ inputs: [POSTS], out: 'o', a: '2020-W99', b: '2020-10-14' })),
    ['OPTION_INVALID_PERIOD --a'],
  );
  const config = compareConfig({ inputs: [POSTS], out: 'o', a: '2020-W42', b: '2020-10-19..2020-10-20', minExpected: '2.5' });
  assert.deepEqual(config.sides, {
    a: { spec: '2020-W42', days: { from: '2020-10-12', to: '2020-10-18' } },
    b: { spec: '2020-10-19..2020-10-20', days: { from: '2020-10-19', to: '2020-10-20' } },
  });
  assert.equal(config.minExpected, 2.5);
  assert.equal(config.by, 'day');
  assert.deepEqual(
    problemsOf(() => compareConfig({ inputs: [POSTS], out: 'o', minExpected: '-1' })),
    ['OPTION_INVALID_NUMBER --min-expected'],
  );
});

test('--doc-timeout: seconds, 60 unless given, 0 for no limit; a negative or non-number value is a problem', () => {
  assert.equal(analyzeConfig({ inputs: [POSTS], out: 'o' }).docTimeoutSeconds, 60);
  assert.equal(analyzeConfig({ inputs: [POSTS], out: 'o', docTimeout: '0' }).docTimeoutSeconds, 0);
  assert.equal(kwicConfig({ inputs: [POSTS], query: 'US', docTimeout: '2.5' }).docTimeoutSeconds, 2.5);
  assert.equal(workerConfig({ queue: 'redis://127.0.0.1:6379', docTimeout: '5' }).docTimeoutSeconds, 5);
  for (const value of ['-1', 'soon', ''])
    assert.deepEqual(
      problemsOf(() => analyzeConfig({ inputs: [POSTS], out: 'o', docTimeout: value })),
      ['OPTION_INVALID_NUMBER --doc-timeout'],
    );
});

test('--from after --to is a conflict; a week or month stands for its first or last day', () => {
  assert.deepEqual(
    problemsOf(() => analyzeConfig({ inputs: [POSTS], out: 'o', from: '2020-10-15', to: '2020-10-14' })),
    ['OPTION_CONFLICT --from'],
  );
  assert.deepEqual(analyzeConfig({ inputs: [POSTS], out: 'o', from: '2020-10', to: '2020-W44' }).filters.days, { from: '2020-10-01', to: '2020-11-01' });
  assert.deepEqual(analyzeConfig({ inputs: [POSTS], out: 'o', to: '2020-10-14' }).filters.days, { from: '0000-01-01', to: '2020-10-14' });
});

test('files named by options must be readable: --entities, --gold, the inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-options-'));
  const entities = join(dir, 'mine.tsv');
  writeFileSync(entities, 'id\ttype\tname\taliases\n');
  assert.deepEqual(analyzeConfig({ inputs: [POSTS], out: 'o', entities }).entityFiles, [entities]);
  assert.deepEqual(
    problemsOf(() => analyzeConfig({ inputs: [POSTS], out: 'o', entities: [entities, join(dir, 'none.tsv')] })),
    ['OPTION_PATH_UNREADABLE --entities'],
  );
  assert.deepEqual(
    problemsOf(() => analyzeConfig({ inputs: [POSTS], out: 'o', entities: dir })),
    ['OPTION_PATH_UNREADABLE --entities'],
    'a folder is not an entity file',
  );
  assert.deepEqual(
    problemsOf(() => evalNerConfig({ gold: join(dir, 'none.txt') })),
    ['OPTION_PATH_UNREADABLE --gold'],
  );
  assert.deepEqual(
    problemsOf(() => evalNerConfig({})),
    ['OPTION_REQUIRED --gold'],
  );
  assert.deepEqual(
    problemsOf(() => analyzeConfig({ inputs: [], out: 'o' })),
    ['OPTION_REQUIRED <files or folders…>'],
  );
  assert.deepEqual(
    problemsOf(() => kwicConfig({ inputs: [POSTS] })),
    ['OPTION_REQUIRED <entity id or term>'],
  );
});

test('time zones: text or minutes, within ±14 hours', () => {
  assert.equal(timeZoneMinutes('UTC+5:30'), 330);
  assert.equal(timeZoneMinutes('-05:00'), -300);
  assert.equal(timeZoneMinutes(840), 840);
  for (const bad of ['+15:00', 'Mars', 7.5, 900]) assert.throws(() => timeZoneMinutes(bad), OptionsError);
});

test('run.json records the options as given or defaulted, lists sorted', () => {
  const config = analyzeConfig({ inputs: [POSTS], out: 'o', by: 'day', script: ['traditional', 'simplified'], dedupe: true });
  assert.deepEqual(describeConfig(config), {
    tz: '+08:00',
    unit: 'sentence',
    from: null,
    to: null,
    outlets: null,
    scripts: ['simplified', 'traditional'],
    dedupe: true,
    doc_timeout_seconds: 60,
    by: 'day',
    min_pair_count: 2,
    min_term_count: 5,
    top: 30,
    focus: null,
    entities: [],
  });
});
