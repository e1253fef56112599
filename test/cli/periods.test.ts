// Comparing across dates, end to end on a tiny corpus made for it, where every figure can be
// worked out by hand: four posts on two days, made only of country names, so the tokens, sentences
// and mentions can be counted from the text.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { readCsv, zhtext } from '../helpers.js';

const post = (date: string, outlet: string, title: string, body: string) =>
  `---\nlayout: post\ntitle: "${title}"\ndate: ${date}T10:00:00+08:00\ncategories: [ ${outlet} ]\n---\n<p>${body}</p>\n`;

/**
 * 2020-10-14  p1 (甲) 美国 | 美国，中国。       tokens 3, sentences 2; US ×2, CN ×1
 *             p2 (乙) 中国 | 中国，日本。       tokens 3, sentences 2; CN ×2, JP ×1
 * 2020-10-15  p3 (甲) 日本 | 美国，日本。       tokens 3, sentences 2; JP ×2, US ×1
 *             p4 (乙) 日本 | 日本，日本，日本。 tokens 4, sentences 2; JP ×4
 * (the title is a block and a sentence of its own)
 */
function tinyCorpus(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'zhtext-periods-')), 'posts');
  mkdirSync(dir);
  writeFileSync(join(dir, 'p1.md'), post('2020-10-14', '甲', '美国', '美国，中国。'));
  writeFileSync(join(dir, 'p2.md'), post('2020-10-14', '乙', '中国', '中国，日本。'));
  writeFileSync(join(dir, 'p3.md'), post('2020-10-15', '甲', '日本', '美国，日本。'));
  writeFileSync(join(dir, 'p4.md'), post('2020-10-15', '乙', '日本', '日本，日本，日本。'));
  return dir;
}
const tempOut = () => join(mkdtempSync(join(tmpdir(), 'zhtext-periods-out-')), 'out');
const row = (rows: Record<string, string>[], where: Record<string, string>) => {
  const found = rows.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
  assert.equal(found.length, 1, `one row where ${JSON.stringify(where)}`);
  return found[0]!;
};

test('entity timeline by day, by hand: counts, zero rows, rates and their denominators', () => {
  const out = tempOut();
  const run = zhtext('analyze', tinyCorpus(), '--out', out, '--by', 'day', '--quiet');
  assert.equal(run.status, 0, run.stderr);
  const timeline = readCsv(join(out, 'entity_timeline.csv'));
  // 2020-10-14: 2 documents, 6 tokens; US 2 mentions in 1 document: 2/6 × 10,000 = 3333.3333, 1/2 docs
  assert.deepEqual(row(timeline, { period: '2020-10-14', entity_id: 'US' }), {
    period: '2020-10-14',
    entity_id: 'US',
    name: '美国',
    type: 'GPE',
    mentions: '2',
    docs: '1',
    per_10k_tokens: '3333.3333',
    share_of_docs: '0.5',
    period_docs: '2',
    period_tokens: '6',
  });
  // 2020-10-15: 7 tokens; JP 6 mentions in 2 documents: 6/7 × 10,000 = 8571.4286
  assert.equal(row(timeline, { period: '2020-10-15', entity_id: 'JP' }).per_10k_tokens, '8571.4286');
  // CN is not named on 2020-10-15 but has its zero row there, with the day's denominators
  const zero = row(timeline, { period: '2020-10-15', entity_id: 'CN' });
  assert.deepEqual([zero.mentions, zero.docs, zero.per_10k_tokens, zero.share_of_docs, zero.period_docs, zero.period_tokens], ['0', '0', '0', '0', '2', '7']);
  assert.equal(timeline.length, 6, 'three entities × two days');
});

test('bursts by hand: JP on 2020-10-15 against its baseline of 2020-10-14', () => {
  const out = tempOut();
  assert.equal(zhtext('analyze', tinyCorpus(), '--out', out, '--by', 'day', '--quiet').status, 0);
  // baseline: 1 mention in 6 tokens; rate (1 + 0.5)/6 = 0.25; expected 0.25 × 7 = 1.75;
  // z = (6 − 1.75)/√1.75 = 3.2127 ≥ 3, and 6 mentions ≥ 5: a burst. US (1 after 2) is none.
  const bursts = readCsv(join(out, 'bursts.csv'));
  assert.deepEqual(
    bursts.map((b) => [b.period, b.entity_id, b.mentions, b.expected, b.z, b.baseline_mentions, b.baseline_tokens, b.period_tokens]),
    [['2020-10-15', 'JP', '6', '1.75', '3.2127', '1', '6', '7']],
  );
});

test('co-occurrence measures by hand, over sentences', () => {
  const out = tempOut();
  assert.equal(zhtext('analyze', tinyCorpus(), '--out', out, '--quiet').status, 0);
  // 8 sentences; CN in 3 (p1 body, p2 title, p2 body), US in 3 (p1 title, p1 body, p3 body), both in 1:
  // pmi = log2(1·8/(3·3)) = −0.1699; npmi = −0.1699/−log2(1/8) = −0.0566; dice = 2·1/(3+3) = 0.3333;
  // G²: observed 1, 2, 2, 3 against expected 9/8, 15/8, 15/8, 25/8:
  // 2(1 ln(8/9) + 2·2 ln(16/15) + 3 ln(24/25)) = 0.0358
  const pair = row(readCsv(join(out, 'cooccurrence.csv')), { a: 'CN', b: 'US', kind: 'entity' });
  assert.deepEqual(
    [pair.count, pair.units_a, pair.units_b, pair.units, pair.pmi, pair.npmi, pair.llr, pair.dice],
    ['1', '3', '3', '8', '-0.1699', '-0.0566', '0.0358', '0.3333'],
  );
});

test('keyness by hand: 2020-10-14 against 2020-10-15', () => {
  const out = tempOut();
  const run = zhtext('compare', tinyCorpus(), '--out', out, '--a', '2020-10-14', '--b', '2020-10-15', '--min-count', '1', '--quiet');
  assert.equal(run.status, 0, run.stderr);
  const entities = readCsv(join(out, 'keyness.csv')).filter((r) => r.kind === 'entity');
  // totals 6 and 7 tokens. CN 3 and 0: expected 6·3/13 = 1.3846 and 1.6154; G² = 2·3 ln(3/1.3846) = 4.6391;
  // p = erfc(√(4.6391/2)) = 0.03125; log ratio with 0 → 0.5: log2((3/6)/(0.5/7)) = 2.8074.
  // US 2 and 1: G² = 2(2 ln(2/1.3846) + ln(1/1.6154)) = 0.5118, p = 0.4744, log2((2/6)/(1/7)) = 1.2224.
  // JP 1 and 6: expected 3.2308 and 3.7692; G² = 2(ln(1/3.2308) + 6 ln(6/3.7692)) = 3.2332,
  // p = 0.07216, log2((1/6)/(6/7)) = −2.3626. In signed G² order: CN, US, then JP (typical of B).
  assert.deepEqual(
    entities.map((r) => [r.item, r.count_a, r.count_b, r.total_a, r.total_b, r.g2, r.p_value, r.log_ratio, r.low_expected]),
    [
      ['CN', '3', '0', '6', '7', '4.6391', '0.03125', '2.8074', 'yes'],
      ['US', '2', '1', '6', '7', '0.5118', '0.4744', '1.2224', 'yes'],
      ['JP', '1', '6', '6', '7', '3.2332', '0.07216', '-2.3626', 'yes'],
    ],
  );
  assert.deepEqual([entities[0]!.docs_a, entities[0]!.docs_b], ['2', '2'], 'the documents of each side');
  // no pair meets in two sentences on either day: at the default --min-pair-count of 2 there are no
  // edges, so nothing is gained or lost (compare-kwic.test.ts has the diff with edges)
  assert.equal(readCsv(join(out, 'network_diff.csv')).length, 0);
});
