// Every number of the period tables agrees with a recount from the rows they summarise: the
// timelines and bursts from entity_mentions.csv and documents.csv, the term timeline from the
// terms.csv of a run restricted to each day, keyness from the timelines, and the association
// measures from the counts printed beside them.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { ROOT, readCsv, zhtext } from '../helpers.js';

function zhtextOk(...args: string[]) {
  const run = zhtext(...args);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return run;
}
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** the project's fixture posts (three days, two scripts, one broken) and two more posts on one of those days */
function corpus(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'zhtext-recount-')), 'posts');
  mkdirSync(dir);
  const fixtures = join(ROOT, 'test', 'fixtures', 'posts');
  for (const f of readdirSync(fixtures)) copyFileSync(join(fixtures, f), join(dir, f));
  const post = (day: string, title: string, body: string) =>
    `---\ntitle: "${title}"\ndate: ${day}T09:00:00+08:00\ncategories: [ 测试报 ]\n---\n<p>${body}</p>\n`;
  writeFileSync(join(dir, 'extra-1.md'), post('2021-06-01', '中美会谈', '美国和中国代表今天在北京会谈。俄罗斯表示欢迎。'));
  writeFileSync(join(dir, 'extra-2.md'), post('2021-06-02', '日本经济', '日本经济增长放缓。美国表示关注。'));
  writeFileSync(join(dir, 'extra-3.md'), post('2021-06-05', '美国经济', '美国经济增长。美国和日本会谈。美国表示欢迎。美国总统说，美国和日本会加强合作。'));
  return dir;
}

test('timelines, bursts and keyness agree with a recount of the rows they come from', () => {
  const input = corpus();
  const out = join(mkdtempSync(join(tmpdir(), 'zhtext-recount-out-')), 'out');
  zhtextOk('analyze', input, '--out', out, '--by', 'day', '--min-term-count', '1', '--quiet');
  const documents = readCsv(join(out, 'documents.csv')).filter((d) => d.status === 'ok' || d.status === 'warning');
  const mentions = readCsv(join(out, 'entity_mentions.csv'));
  const days = [...new Set(documents.map((d) => d.day!))].sort();
  assert.ok(days.length >= 3, 'several days');

  // denominators from documents.csv
  const docsOn = (day: string) => documents.filter((d) => d.day === day);
  const tokensOn = (day: string) => docsOn(day).reduce((n, d) => n + Number(d.tokens), 0);

  // entity timeline from entity_mentions.csv
  const timeline = readCsv(join(out, 'entity_timeline.csv'));
  const entities = [...new Set(mentions.map((m) => m.entity_id))];
  assert.equal(timeline.length, entities.length * days.length, 'every entity on every day, zero rows included');
  for (const r of timeline) {
    const rows = mentions.filter((m) => m.day === r.period && m.entity_id === r.entity_id);
    const docs = new Set(rows.map((m) => m.doc_id)).size;
    const [D, T] = [docsOn(r.period!).length, tokensOn(r.period!)];
    assert.deepEqual(
      [r.mentions, r.docs, r.period_docs, r.period_tokens, r.per_10k_tokens, r.share_of_docs].map(Number),
      [rows.length, docs, D, T, round((rows.length / T) * 10_000), round(docs / D)],
      `${r.period} ${r.entity_id}`,
    );
  }
  // entities.csv is the sum over days
  for (const e of readCsv(join(out, 'entities.csv'))) assert.equal(Number(e.mentions), mentions.filter((m) => m.entity_id === e.entity_id).length, e.entity_id);

  // bursts from the timeline: (baseline mentions + 0.5) / baseline tokens × the day's tokens
  const bursts = readCsv(join(out, 'bursts.csv'));
  assert.ok(
    bursts.some((b) => b.entity_id === 'US' && b.period === '2021-06-05'),
    'US bursts on the last day',
  );
  for (const b of bursts) {
    const before = days.filter((d) => d < b.period!).slice(-7);
    assert.ok(before.length > 0);
    const baseMentions = timeline.filter((r) => r.entity_id === b.entity_id && before.includes(r.period!)).reduce((n, r) => n + Number(r.mentions), 0);
    const baseTokens = before.reduce((n, d) => n + tokensOn(d), 0);
    const expected = ((baseMentions + 0.5) / baseTokens) * tokensOn(b.period!);
    assert.deepEqual([Number(b.baseline_mentions), Number(b.baseline_tokens), Number(b.expected)], [baseMentions, baseTokens, round(expected)]);
    assert.equal(Number(b.z), round((Number(b.mentions) - expected) / Math.sqrt(expected)));
  }

  // term timeline: each day's counts are the terms.csv of a run restricted to that day
  const terms = readCsv(join(out, 'term_timeline.csv'));
  for (const day of days) {
    const dayOut = join(mkdtempSync(join(tmpdir(), 'zhtext-recount-day-')), 'out');
    zhtextOk('analyze', input, '--out', dayOut, '--from', day, '--to', day, '--quiet');
    const dayTerms = new Map(readCsv(join(dayOut, 'terms.csv')).map((t) => [t.term!, t]));
    for (const r of terms.filter((t) => t.period === day)) {
      assert.equal(Number(r.count), Number(dayTerms.get(r.term!)?.count ?? 0), `${day} ${r.term}`);
      assert.equal(Number(r.docs), Number(dayTerms.get(r.term!)?.docs ?? 0), `${day} ${r.term}`);
    }
  }

  // keyness of one day against another: counts and totals from the timelines
  const [a, b] = [days[0]!, days[1]!];
  const cmp = join(mkdtempSync(join(tmpdir(), 'zhtext-recount-cmp-')), 'out');
  zhtextOk('compare', input, '--out', cmp, '--a', a, '--b', b, '--min-count', '1', '--quiet');
  const keyness = readCsv(join(cmp, 'keyness.csv'));
  assert.ok(keyness.length > 0);
  for (const k of keyness) {
    const source = k.kind === 'entity' ? timeline.filter((r) => r.entity_id === k.item) : terms.filter((r) => r.term === k.item);
    const count = (day: string) => Number(source.find((r) => r.period === day)?.[k.kind === 'entity' ? 'mentions' : 'count'] ?? 0);
    assert.deepEqual([k.count_a, k.count_b, k.total_a, k.total_b].map(Number), [count(a), count(b), tokensOn(a), tokensOn(b)], `${k.kind} ${k.item}`);
  }
});

test('association measures agree with the counts printed beside them', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'zhtext-recount-out-')), 'out');
  zhtextOk('analyze', corpus(), '--out', out, '--quiet');
  const pairs = readCsv(join(out, 'cooccurrence.csv'));
  assert.ok(pairs.length > 0);
  for (const p of pairs) {
    const [both, a, b, n] = [p.count, p.units_a, p.units_b, p.units].map(Number) as [number, number, number, number];
    const pmi = Math.log2((both * n) / (a * b));
    assert.equal(Number(p.pmi), round(pmi), `${p.a} ${p.b}`);
    assert.equal(Number(p.dice), round((2 * both) / (a + b)));
    assert.equal(Number(p.npmi), round(both === n ? 1 : pmi / -Math.log2(both / n)));
  }
});
