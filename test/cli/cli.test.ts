// The command as a user runs it: one good and one broken post, bad usage, determinism.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { ROOT, readCsv, zhtext } from '../helpers.js';

const GOOD = 'test/fixtures/posts/2021-06-01-simplified-waimei.md';
const BROKEN = 'test/fixtures/posts/2021-06-04-broken-front-matter.md';
const OUTPUTS = [
  'cooccurrence.csv',
  'documents.csv',
  'entities.csv',
  'entity_mentions.csv',
  'messages.csv',
  'report.html',
  'report.md',
  'run.json',
  'terms.csv',
];

const csvRows = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
const tempOut = () => join(mkdtempSync(join(tmpdir(), 'zhtext-cli-')), 'out');

test('a good and a broken post: exit 1, every output written, the broken file named in messages.csv', () => {
  const out = tempOut();
  const run = zhtext('analyze', GOOD, BROKEN, '--out', out);
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(readdirSync(out).sort(), [...OUTPUTS, 'parquet'].sort(), 'all outputs and no staging folder');
  assert.deepEqual(
    readdirSync(join(out, 'parquet')).sort(),
    OUTPUTS.filter((f) => f.endsWith('.csv')).map((f) => f.replace('.csv', '.parquet')),
    'every table also as Parquet',
  );
  const docs = csvRows(join(out, 'documents.csv'));
  assert.equal(docs[0], 'doc_id,path,title,date,day,outlet,outlet_id,outlet_as_written,url,script,tokens,status,copy_of,similarity');
  assert.match(
    docs[1]!,
    /2021-06-01-simplified-waimei\.md,测试通讯社：中美两国代表在日内瓦讨论气候合作,2021-06-02T01:30:00\+08:00,2021-06-02,测试通讯社,测试通讯社,测试通讯社,.*,simplified,\d+,ok,,$/,
  );
  assert.match(docs[2]!, /broken-front-matter\.md,.*,failed,,$/);
  const messages = csvRows(join(out, 'messages.csv'));
  assert.ok(
    messages.some((m) => m.startsWith(`${BROKEN},`) && m.includes(',front-matter-invalid,fatal,')),
    messages.join('\n'),
  );
  assert.match(run.stderr, /broken-front-matter\.md.*front-matter-invalid/);
  const terms = readFileSync(join(out, 'terms.csv'), 'utf8');
  assert.ok(terms.startsWith('\uFEFFterm,pos,count,docs,tfidf\n'));
  assert.ok(!/rss|feedx|dfp|adslot|googletag/i.test(terms), 'no boilerplate reaches the terms');
  const entities = csvRows(join(out, 'entities.csv')).map((r) => r.split(',')[0]);
  for (const id of ['CN', 'US', 'RU', 'IN']) assert.ok(entities.includes(id), `${id} in entities.csv`);
});

test('only good posts: exit 0', () => {
  const run = zhtext('analyze', GOOD, '--out', tempOut());
  assert.equal(run.status, 0, run.stderr);
});

test('same input and options give byte-identical outputs (run.json differs only in timing)', () => {
  const [a, b] = [tempOut(), tempOut()];
  for (const out of [a, b]) assert.equal(zhtext('analyze', 'test/fixtures/posts', '--out', out, '--quiet').status, 1);
  const parquets = OUTPUTS.filter((f) => f.endsWith('.csv')).map((f) => `parquet/${f.replace('.csv', '.parquet')}`);
  for (const file of [...OUTPUTS.filter((f) => f !== 'run.json'), ...parquets]) {
    assert.ok(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), `${file} differs between runs`);
  }
  const withoutTiming = (dir: string) => ({ ...JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')), timing: null });
  assert.deepEqual(withoutTiming(a), withoutTiming(b));
});

test('bad usage exits 2 before any file is read or written', () => {
  const out = tempOut();
  const cases: [string[], RegExp][] = [
    [['analyze', GOOD], /--out/],
    [['analyze', '--out', out], /at least one file/],
    [['analyze', 'no/such/file.md', '--out', out], /no such file or folder: no\/such\/file\.md/],
    [['analyze', GOOD, '--out', out, '--tz', 'Mars/Olympus'], /--tz/],
    [['analyze', GOOD, '--out', out, '--min-pair-count', '0'], /--min-pair-count/],
    [['summarize', GOOD], /unknown command/],
    [['analyze', GOOD, '--out', out, '--bogus'], /bogus/],
    [['analyze', GOOD, '--out', out, '--a', '2020-10-14'], /--a is not an option of analyze/],
    [['kwic', GOOD], /kwic needs files or folders, then an entity id or a term/],
  ];
  for (const [args, message] of cases) {
    const run = zhtext(...args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
  }
  assert.ok(!existsSync(out), 'nothing was written');
});

test('every problem of a command line is reported, one a line', () => {
  const run = zhtext('analyze', GOOD, '--tz', 'Mars', '--top', '0', '--unit', 'clause');
  assert.equal(run.status, 2);
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('zhtext: '));
  assert.deepEqual(lines, [
    'zhtext: --tz "Mars" is not a UTC offset such as +08:00 (or a whole number of minutes within ±14 hours)',
    'zhtext: --unit "clause" is not sentence, paragraph, document or window:N (N ≥ 2)',
    'zhtext: analyze needs --out <dir>',
    'zhtext: --top must be a whole number ≥ 1, not "0"',
  ]);
});

test('--help and --version', () => {
  const help = zhtext('--help');
  assert.equal(help.status, 0);
  for (const word of ['analyze', '--out', '--tz', '--entities', '--min-pair-count', 'Exit codes']) assert.ok(help.stdout.includes(word), word);
  const version = zhtext('--version');
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});

test('--entities: a user file extends the knowledge base; a malformed one is bad usage (exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-cli-entities-'));
  const mine = join(dir, 'mine.tsv');
  writeFileSync(mine, 'id\ttype\tname\taliases\norg:test_agency\tORG\t测试通讯社\t\n');
  const out = join(dir, 'out');
  assert.equal(zhtext('analyze', GOOD, '--out', out, '--entities', mine).status, 0);
  assert.ok(csvRows(join(out, 'entities.csv')).some((r) => r.startsWith('org:test_agency,ORG,测试通讯社,')));
  const broken = join(dir, 'broken.tsv');
  writeFileSync(broken, 'id\tname\nx\ty\n');
  const run = zhtext('analyze', GOOD, '--out', join(dir, 'out2'), '--entities', broken);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /broken\.tsv.*type/);
  assert.ok(!existsSync(join(dir, 'out2')));
});

test('a file over 2 MB (one line repeated, as a broken export leaves) is refused at once as file-too-large, and the other posts are read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-cli-large-'));
  const posts = join(dir, 'posts');
  mkdirSync(posts);
  writeFileSync(join(posts, '2020-10-14-huge.md'), `---\ntitle: 长\ndate: 2020-10-14\n---\n${'美国总统特朗普表示'.repeat(260_000)}\n`);
  writeFileSync(join(posts, '2021-06-01-good.md'), readFileSync(join(ROOT, GOOD)));
  const started = Date.now();
  const run = zhtext('analyze', posts, '--out', join(dir, 'out'), '--no-cache', '--quiet');
  assert.equal(run.status, 1, run.stderr);
  assert.ok(Date.now() - started < 60_000);
  const rows = readCsv(join(dir, 'out', 'documents.csv'));
  assert.deepEqual(
    rows.map((r) => [r.path!.split('/').at(-1), r.status]),
    [
      ['2020-10-14-huge.md', 'failed'],
      ['2021-06-01-good.md', 'ok'],
    ],
  );
  const messages = readCsv(join(dir, 'out', 'messages.csv')).filter((m) => m.code === 'file-too-large');
  assert.equal(messages.length, 1);
  assert.match(messages[0]!.reason!, /the file is 6\.\d MB; posts over 2 MB are not read/);
});
