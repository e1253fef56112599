// compare, kwic, near-copies and filters as a user runs them, on small posts written for the tests.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import * as OpenCC from 'opencc-js';
import { readCsv, zhtext } from '../helpers.js';

const post = (date: string, outlet: string, title: string, body: string) =>
  `---\ntitle: "${title}"\ndate: ${date}T10:00:00+08:00\ncategories: [ ${outlet} ]\n---\n${body
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('\n')}\n`;
function folder(posts: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'zhtext-ck-')), 'posts');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(posts)) writeFileSync(join(dir, name), text);
  return dir;
}
const tempOut = () => join(mkdtempSync(join(tmpdir(), 'zhtext-ck-out-')), 'out');

const tiny = () =>
  folder({
    'p1.md': post('2020-10-14', '甲', '美国', '美国，中国。'),
    'p2.md': post('2020-10-14', '乙', '中国', '中国，日本。'),
    'p3.md': post('2020-10-15', '甲', '日本', '美国，日本。'),
    'p4.md': post('2020-10-15', '乙', '日本', '日本，日本，日本。'),
  });

test('kwic: every mention of an entity in its sentence, marked, in date order', () => {
  const run = zhtext('kwic', tiny(), 'JP');
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'date\toutlet\tcontext\tpath');
  // JP: once in p2, twice in p3 (title and body), three times in p4's body and once in its title
  assert.equal(lines.length - 1, 7);
  assert.deepEqual(lines[1]!.split('\t').slice(0, 3), ['2020-10-14T10:00:00+08:00', '乙', '中国，【日本】。']);
  assert.ok(lines.slice(1).every((l) => l.split('\t')[3]!.endsWith('.md')));
  assert.match(run.stderr, /entity JP: 7 matches in 3 documents/);
});

test('kwic: a term, asked in either script, and the filters', () => {
  const run = zhtext('kwic', tiny(), '美國');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /term 美国: 3 matches in 2 documents/);
  const filtered = zhtext('kwic', tiny(), 'US', '--from', '2020-10-15', '--outlet', '甲');
  assert.deepEqual(
    filtered.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[2]),
    ['【美国】，日本。'],
  );
  const none = zhtext('kwic', tiny(), 'per:nobody');
  assert.equal(none.status, 0);
  assert.match(none.stderr, /no matches/);
});

test("compare without --a and --b: each day against the rest, and each day's network against the day before", () => {
  const out = tempOut();
  const run = zhtext('compare', tiny(), '--out', out, '--min-count', '1', '--min-pair-count', '1', '--quiet');
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['keyness.csv', 'network_diff.csv', 'parquet', 'report.html', 'report.md', 'run.json']);
  assert.deepEqual(readdirSync(join(out, 'parquet')).sort(), ['keyness.parquet', 'network_diff.parquet']);
  const sides = new Set(readCsv(join(out, 'keyness.csv')).map((r) => `${r.a}|${r.b}`));
  assert.deepEqual([...sides], ['2020-10-14|rest', '2020-10-15|rest']);
  // CN–US and CN–JP meet in one sentence each on the 14th, never on the 15th; JP–US only on the 15th
  const diff = readCsv(join(out, 'network_diff.csv')).map((d) => [d.a, d.b, d.source, d.target, d.change, d.count_a, d.count_b]);
  assert.deepEqual(diff, [
    ['2020-10-14', '2020-10-15', 'JP', 'US', 'gained', '0', '1'],
    ['2020-10-14', '2020-10-15', 'CN', 'JP', 'lost', '1', '0'],
    ['2020-10-14', '2020-10-15', 'CN', 'US', 'lost', '1', '0'],
  ]);
});

test('compare: report.md reads the same figures as keyness.csv', () => {
  const out = tempOut();
  assert.equal(
    zhtext('compare', tiny(), '--out', out, '--a', '2020-10-14', '--b', '2020-10-15', '--min-count', '1', '--min-pair-count', '1', '--quiet').status,
    0,
  );
  const report = readFileSync(join(out, 'report.md'), 'utf8');
  assert.match(report, /## 2020-10-14 against 2020-10-15/);
  assert.match(report, /- 2020-10-14: 2 documents, 6 word tokens\./);
  // CN, 3 mentions against 0, is the entity most typical of the 14th (G² 4.6391); JP of the 15th
  assert.match(report, /### Entities most typical of 2020-10-14\n\n.*\n.*\n\| 1 \| 中国 † \| 3 \| 0 \| 4\.6 \| 2\.81 \|/);
  assert.match(report, /### Entities most typical of 2020-10-15\n\n.*\n.*\n\| 1 \| 日本 † \| 1 \| 6 \| 3\.2 \| -2\.36 \|/);
  assert.match(report, /### Gained in 2020-10-15\n\n.*\n.*\n\| 1 \| 日本 – 美国 \| 0 \| 1 \|/);
});

test('compare: bad sides are usage errors before any file is read', () => {
  const run = zhtext('compare', tiny(), '--out', tempOut(), '--a', '2020-10-14');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /both --a and --b/);
  assert.match(zhtext('compare', tiny(), '--out', tempOut(), '--a', '2020-10', '--b', '2020-10-15').stderr, /overlap/);
  assert.match(zhtext('compare', tiny(), '--out', tempOut(), '--a', 'last week', '--b', '2020-10-15').stderr, /--a "last week" is not a day/);
  assert.match(zhtext('analyze', tiny(), '--out', tempOut(), '--by', 'year').stderr, /--by "year" is not day, week or month/);
  assert.match(zhtext('analyze', tiny(), '--out', tempOut(), '--unit', 'window:1').stderr, /--unit "window:1"/);
});

// an invented wire story of some length (near-copies are only looked for in texts of 50 shingles or more)
const STORY = [
  '新华社北京十月十四日电，国家统计局今天公布的数据显示，九月份全国居民消费价格同比上涨百分之一点七，涨幅比上月回落零点七个百分点。',
  '其中，食品价格上涨百分之七点九，非食品价格上涨百分之零点一。猪肉价格同比上涨百分之二十五点五，涨幅继续回落。',
  '分析人士认为，随着生猪产能逐步恢复，猪肉价格将继续回落，物价总体保持稳定的态势不会改变。',
  '同日公布的工业生产者出厂价格同比下降百分之二点一，降幅比上月收窄零点一个百分点，环比上涨百分之零点一。',
  '统计局城市司首席统计师表示，九月份消费市场继续回暖，服务价格总体平稳，旅游和交通工具租赁费价格有所上涨。',
].join('\n');

test('a syndicated story in the other script is marked as a copy, and counted once with --dedupe', () => {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const dir = folder({
    'a.md': post('2020-10-14', '甲', '九月居民消费价格上涨', STORY),
    'b.md': post('2020-10-14', '乙', toTraditional('统计局：九月物价涨幅回落'), `${toTraditional(STORY)}\n（中央社）`),
    'c.md': post(
      '2020-10-14',
      '丙',
      '日本首相访问越南',
      '日本首相今天抵达河内，开始对越南进行正式访问。双方将讨论经济合作和地区安全问题，并签署多项合作文件。越南总理在机场迎接。',
    ),
  });
  const plain = tempOut();
  assert.equal(zhtext('analyze', dir, '--out', plain, '--quiet').status, 0);
  const docs = readCsv(join(plain, 'documents.csv'));
  const [a, b, c] = docs;
  assert.equal(b!.copy_of, a!.doc_id, 'the traditional copy points at the simplified original');
  assert.ok(Number(b!.similarity) >= 0.8);
  assert.equal(b!.status, 'ok', 'without --dedupe the copy still counts');
  assert.equal(c!.copy_of, '');
  const deduped = tempOut();
  assert.equal(zhtext('analyze', dir, '--out', deduped, '--dedupe', '--quiet').status, 0);
  assert.equal(readCsv(join(deduped, 'documents.csv'))[1]!.status, 'copy');
  const terms = (out: string) => Number(readCsv(join(out, 'terms.csv')).find((t) => t.term === '猪肉')!.count);
  // 猪肉 twice in the story: four times with the copy, twice without
  assert.deepEqual([terms(plain), terms(deduped)], [4, 2]);
  assert.ok(readCsv(join(deduped, 'messages.csv')).some((m) => m.code === 'near-copy' && m.reason!.includes(a!.doc_id!)));
});

test('--script and --outlet leave documents out, marked as excluded with the reason', () => {
  const out = tempOut();
  const dir = folder({
    's.md': post('2020-10-14', '甲', '美国经济', '美国经济增长放缓。'),
    't.md': post('2020-10-14', '乙', '美國經濟', '美國經濟增長放緩，日本經濟也放緩。'),
  });
  assert.equal(zhtext('analyze', dir, '--out', out, '--script', 'traditional', '--quiet').status, 0);
  const docs = readCsv(join(out, 'documents.csv'));
  assert.deepEqual(
    docs.map((d) => d.status),
    ['excluded', 'ok'],
  );
  assert.ok(readCsv(join(out, 'messages.csv')).some((m) => m.code === 'excluded' && m.reason!.includes('script simplified')));
  assert.ok(readCsv(join(out, 'entities.csv')).some((e) => e.entity_id === 'JP'));
});

test('one outlet under several names is one outlet: --outlet takes any of them; documents.csv keeps each as written', () => {
  const dir = folder({
    'a.md': post('2020-10-14', '路透', '美国经济', '美国经济增长放缓。'),
    'b.md': post('2020-10-14', 'reuters', '日本经济', '日本经济增长放缓。'),
    'c.md': post('2020-10-14', 'dw', '德国经济', '德国经济增长放缓。'),
  });
  const out = tempOut();
  assert.equal(zhtext('analyze', dir, '--out', out, '--outlet', 'Reuters', '--quiet').status, 0);
  const docs = readCsv(join(out, 'documents.csv'));
  assert.deepEqual(
    docs.map((d) => [d.outlet, d.outlet_id, d.outlet_as_written, d.status]),
    [
      ['路透社', 'reuters', '路透', 'ok'],
      ['路透社', 'reuters', 'reuters', 'ok'],
      ['德国之声', 'dw', 'dw', 'excluded'],
    ],
  );
  const report = readFileSync(join(out, 'report.md'), 'utf8');
  assert.match(report, /\| 路透社 \| 2 \|/, 'the report has one row for the outlet, with both documents');
  const mentions = readCsv(join(out, 'entity_mentions.csv'));
  assert.deepEqual([...new Set(mentions.map((m) => m.outlet))], ['路透社']);
  // kwic reads the same table: both names select both documents
  const kwic = zhtext('kwic', dir, '经济', '--outlet', '路透');
  const outlets = kwic.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[1]);
  assert.deepEqual(outlets, ['路透社', '路透社', '路透社', '路透社'], '经济 in the title and the text of both, none from dw');
});

test('a post whose source gave only its title is counted by its title, with a title-only warning', () => {
  const dir = folder({
    'a.md': `---\ntitle: "中国与日本举行会谈"\ndate: 2020-10-14T10:00:00+08:00\ncategories: [ 甲 ]\n---\n<div><img src="x.jpg"></div>\n`,
    'b.md': `---\ntitle: ''\ndate: 2020-10-14T10:00:00+08:00\ncategories: [ 甲 ]\n---\n<div><img src="x.jpg"></div>\n`,
  });
  const out = tempOut();
  assert.equal(zhtext('analyze', dir, '--out', out, '--quiet').status, 1, 'b.md, with neither title nor text, fails');
  const [a, b] = readCsv(join(out, 'documents.csv'));
  assert.deepEqual([a!.status, b!.status], ['warning', 'failed']);
  assert.ok(Number(a!.tokens) >= 3);
  const messages = readCsv(join(out, 'messages.csv'));
  assert.deepEqual(
    messages.map((m) => [m.path!.endsWith('a.md') ? 'a' : 'b', m.code, m.severity]),
    [
      ['a', 'title-only', 'warning'],
      ['b', 'body-empty', 'fatal'],
    ],
  );
  assert.deepEqual(
    readCsv(join(out, 'entities.csv'))
      .map((e) => e.entity_id)
      .sort(),
    ['CN', 'JP'],
  );
});
