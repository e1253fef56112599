// report.html opened in a real browser (Debian's chromium, driven by playwright-core), as a reader
// opens it: from disk, at a laptop's width and a phone's. No console error, no request beyond the
// file itself, every chart drawn with marks, and the labels the corpus's own (read from its CSV).
// Screenshots are kept in build/screenshots for a person to look at.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { keynessOf } from '../../src/aggregate/keyness.js';
import { htmlOf } from '../../src/export/html-report.js';
import { markdownOf } from '../../src/export/report.js';
import { ROOT, readCsv, zhtext } from '../helpers.js';
import { faultsOf, launchBrowser, openReport } from './page.js';

const SHOTS = join(ROOT, 'build', 'screenshots');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
let browser: Browser;
const out = mkdtempSync(join(tmpdir(), 'zhtext-report-'));

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

/** opens a report at a width, its screenshot kept in build/screenshots */
const open = (file: string, width: number, shot: string) => openReport(browser, file, width, join(SHOTS, `${shot}.png`));

test('report.html of the sample posts: no error, no request but the file, every chart drawn with the corpus’s labels, at a laptop’s width and a phone’s', async () => {
  // Ukraine, far down entities.csv, asked for with --focus, is charted over time beside the top entities
  const run = zhtext('analyze', 'data', '--out', join(out, 'sample'), '--by', 'day', '--focus', 'UA', '--quiet');
  assert.equal(run.status, 0, run.stderr);
  const file = join(out, 'sample', 'report.html');
  for (const [name, width] of [
    ['sample-laptop', 1280],
    ['sample-phone', 390],
  ] as const) {
    const seen = await open(file, width, name);
    const { problems, requests, charts, pageWidth, marked } = seen;
    assert.deepEqual(problems, [], name);
    // no two labels of a chart meet, none is cut off
    assert.deepEqual(seen.collisions, [], name);
    assert.deepEqual(requests, [pathToFileURL(file).href], 'the file asks for nothing else');
    const names = charts.map((c) => c.name);
    for (const expected of [
      'documents-per-day',
      'documents-per-outlet',
      'top-keywords',
      'top-people',
      'top-places',
      'top-organizations',
      'entity-pairs',
      'bursts',
    ]) {
      assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    }
    for (const c of charts) {
      assert.ok(c.marks > 0, `${c.name} has marks`);
      // a wide chart may scroll inside its figure on a phone; the others fit the page
      if (!c.wide) assert.ok(c.width <= width, `${c.name} fits the page (${c.width} of ${width})`);
    }
    // the page itself never scrolls sideways (a wide chart scrolls in its own figure)
    assert.ok(pageWidth <= width, `page ${pageWidth} wide at ${width}`);
    // the labels are the corpus's: the first people, places and organizations of entities.csv
    const entities = readCsv(join(out, 'sample', 'entities.csv'));
    const labelsOf = (chart: string) => charts.find((c) => c.name === chart)!.labels;
    const firstOf = (types: string[]) => entities.find((e) => types.includes(e.type!))!.name!;
    assert.ok(labelsOf('top-people').includes(firstOf(['PERSON'])), labelsOf('top-people').join(' '));
    assert.ok(labelsOf('top-places').includes(firstOf(['GPE', 'LOC'])));
    assert.ok(labelsOf('top-organizations').includes(firstOf(['ORG'])));
    // the network's labels are entities of the corpus, the first among them
    assert.ok(labelsOf('entity-network').includes(entities[0]!.name!));
    assert.ok(labelsOf('entity-network').every((label) => entities.some((e) => e.name === label)));
    // the evidence under the people's chart marks a form of the first person in each sentence
    const person = entities.find((e) => e.type === 'PERSON')!;
    assert.ok(marked.length > 0 && marked.some((m) => person.surfaces!.split('|').includes(m)), marked.join(' '));
    const ukraine = entities.find((e) => e.entity_id === 'UA')!.name!;
    assert.ok(labelsOf('entity-timeline').includes(ukraine), labelsOf('entity-timeline').join(' '));
    assert.ok(labelsOf('entity-timeline').includes(entities[0]!.name!));
    const terms = readCsv(join(out, 'sample', 'terms.csv'));
    assert.ok(terms.some((t) => labelsOf('top-keywords').includes(t.term!)));
  }
});

test('report.html of ../shared/corpus by day: nothing a reader would see wrong at either width, and evidence under the charts', {
  skip: !existsSync(CORPUS) && 'no ../shared/corpus',
}, async () => {
  const dir = join(out, 'corpus');
  const run = zhtext('analyze', CORPUS, '--out', dir, '--by', 'day', '--quiet');
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const file = join(dir, 'report.html');
  for (const width of [1280, 390]) {
    const seen = await open(file, width, `corpus-${width}`);
    assert.deepEqual(faultsOf(file, width, seen), [], `at ${width}`);
  }
  // every chart of a run by day has its evidence; a keyword's lines mark the keyword itself
  const html = readFileSync(file, 'utf8');
  const terms = readCsv(join(dir, 'terms.csv'));
  const evidence = [...html.matchAll(/<svg role="img" aria-label="([^"]+)"[\s\S]*?<\/figure>/g)]
    .filter((m) => m[0].includes('class="evidence"'))
    .map((m) => m[1]);
  for (const chart of [
    'top-keywords',
    'top-people',
    'top-places',
    'top-organizations',
    'entity-network',
    'entity-pairs',
    'entity-timeline',
    'period-keywords',
    'bursts',
  ]) {
    assert.ok(evidence.includes(chart), `${chart} has evidence (${evidence.join(' ')})`);
  }
  const topKeyword = html.match(/aria-label="top-keywords"[\s\S]*?<div class="evidence"><p>([^:]+):[\s\S]*?<\/ul>/)!;
  const marks = [...topKeyword[0].matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]);
  assert.ok(terms.some((t) => t.term === topKeyword[1]));
  // (a traditional post's line marks the keyword as written there)
  assert.ok(marks.length > 0 && marks.some((m) => m === topKeyword[1]), marks.join(' '));
});

test('the periods in report.md and report.html: risers, fallers, keywords by day and network changes, against counts worked by hand', async () => {
  // two days, each post naming one country ten times in sentences otherwise alike
  const dir = join(out, 'two-days');
  mkdirSync(dir, { recursive: true });
  const post = (day: string, country: string) =>
    `---\ntitle: "今日消息"\ndate: ${day}T10:00:00+08:00\ncategories: [ 测试电台 ]\n---\n${Array.from({ length: 5 }, () => `<p>${country}宣布新的政策。${country}官员表示欢迎。</p>`).join('\n')}\n`;
  writeFileSync(join(dir, 'a.md'), post('2021-03-01', '美国'));
  writeFileSync(join(dir, 'b.md'), post('2021-03-02', '俄罗斯'));
  const run = zhtext('analyze', dir, '--out', join(out, 'two-days-out'), '--by', 'day', '--quiet');
  assert.equal(run.status, 0, run.stderr);
  const markdown = readFileSync(join(out, 'two-days-out', 'report.md'), 'utf8');
  const tokens = readCsv(join(out, 'two-days-out', 'documents.csv')).map((d) => Number(d.tokens));
  // Russia rose from 0 to 10 and the United States fell from 10 to 0; G² from each day's tokens. (The
  // Log Ratio's 0.5 for a zero count could point a rise the other way on a small first day: the
  // direction comes from the counts.)
  const g2 = (a: number, b: number) => keynessOf(a, b, tokens[0]!, tokens[1]!).g2.toFixed(1);
  assert.match(markdown, new RegExp(`\\| 1 \\| ↑ 俄罗斯 \\| 0 \\| 10 \\| ${g2(0, 10)} \\|`));
  assert.match(markdown, new RegExp(`\\| 2 \\| ↓ 美国 \\| 10 \\| 0 \\| ${g2(10, 0)} \\|`));
  // each day's keywords: its own country (10 times there, none on the other day) with the same G²
  assert.match(markdown, new RegExp(`\\| 2021-03-02 \\| 1 \\| 俄罗斯 \\(10, ${g2(0, 10)}\\)`));
  // and the evidence of the riser is a sentence of the second day, the country marked
  assert.match(markdown, /### Risers: 俄罗斯 in 2021-03-02\n\n\(entity_mentions.csv has every mention\)\n\n- 2021-03-02 · 测试电台: 【俄罗斯】宣布新的政策。/);
  const file = join(out, 'two-days-out', 'report.html');
  const seen = await open(file, 390, 'two-days-390');
  assert.deepEqual(faultsOf(file, 390, seen), []);
  const labels = (name: string) => seen.charts.find((c) => c.name === name)?.labels ?? [];
  assert.ok(
    labels('risers').some((l) => l.startsWith('俄罗斯 (0→10)')),
    labels('risers').join(' '),
  );
  assert.ok(
    labels('fallers').some((l) => l.startsWith('美国 (10→0)')),
    labels('fallers').join(' '),
  );
  assert.ok(
    labels('period-keywords').some((l) => l.startsWith('俄罗斯 (10)')),
    labels('period-keywords').join(' '),
  );
});

test('compare’s report.html: each side’s keyness and the network’s gains and losses drawn, with the names of keyness.csv', async () => {
  const dir = join(out, 'compare');
  const run = zhtext('compare', 'data', '--out', dir, '--by', 'day', '--min-count', '1', '--min-pair-count', '1', '--quiet');
  assert.equal(run.status, 0, run.stderr);
  const seen = await open(join(dir, 'report.html'), 390, 'compare-phone');
  const { charts } = seen;
  assert.deepEqual(faultsOf(join(dir, 'report.html'), 390, seen), []);
  // evidence under the charts: each day's first entity marked in a sentence of that day (report.md lists the same lines)
  assert.ok(seen.marked.length > 0);
  const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
  const first = markdown.match(/### Entities most typical of (\S+), against rest: (\S+) in \1\n\n.*\n\n- (\S+) · [^:]+: .*【/);
  assert.ok(first, 'an entity evidence section');
  assert.equal(first[3], first[1]);
  const keyness = charts.filter((c) => c.name!.startsWith('keyness-'));
  const network = charts.filter((c) => c.name!.startsWith('network-'));
  assert.ok(keyness.length >= 4 && network.length >= 2, charts.map((c) => c.name).join(' '));
  for (const c of charts) assert.ok(c.marks > 0 || c.labels.length === 0, `${c.name} has marks`);
  // the first term typical of the first side is a term of keyness.csv
  const rows = readCsv(join(dir, 'keyness.csv'));
  const firstTerm = keyness.find((c) => c.name === 'keyness-1-term-a')!.labels[0]!.replace(' †', '');
  assert.ok(
    rows.some((r) => r.name === firstTerm || r.item === firstTerm),
    firstTerm,
  );
});

test('report.html is the same bytes from run to run, and however many reports the process drew before', () => {
  const run = zhtext('analyze', 'data', '--out', join(out, 'again'), '--quiet');
  assert.equal(run.status, 0, run.stderr);
  // two runs of the command give the same file; and drawing twice in one process gives the same text
  const again = zhtext('analyze', 'data', '--out', join(out, 'again2'), '--quiet');
  assert.equal(again.status, 0, again.stderr);
  assert.equal(readFileSync(join(out, 'again', 'report.html'), 'utf8'), readFileSync(join(out, 'again2', 'report.html'), 'utf8'));
  const data = {
    files: 1,
    documents: 1,
    status: { ok: 1, warning: 0, failed: 0, duplicate: 0, excluded: 0, copy: 0 },
    copies: 0,
    tokens: 10,
    distinctTerms: 2,
    entityCount: 1,
    mentionCount: 2,
    scripts: [['simplified', 1]] as [string, number][],
    days: [{ key: '2021-06-02', documents: 1 }],
    outlets: [{ key: '测试电台', documents: 1 }],
    truncated: [],
    csvRowLimit: 0,
    topTerms: [{ term: '外长', count: 2, docs: 1, tfidf: 2 }],
    outletTerms: [[{ term: '外长', count: 2, docs: 1, tfidf: 2 }]],
    dayTerms: [[{ term: '外长', count: 2, docs: 1, tfidf: 2 }]],
    topEntities: [],
    topByKind: { people: [{ id: 'per:x', name: '王毅', type: 'PERSON', mentions: 2, docs: 1, surfaces: ['王毅'] }], places: [], organizations: [] },
    entityPairs: [],
    termPairs: [],
    network: { nodes: [], edges: [] },
    evidence: new Map([
      [
        'top-people',
        {
          title: 'People',
          about: '王毅',
          source: 'entity_mentions.csv',
          lines: [{ day: '2021-06-02', outlet: '测试电台', text: '外交部长王毅<说>', marks: [[4, 6]] as [number, number][] }],
        },
      ],
      [
        'top-keywords',
        {
          title: 'Top keywords',
          about: '外长',
          source: 'kwic',
          lines: [
            {
              day: '',
              outlet: '',
              text: '中美外长会晤',
              marks: [
                [0, 1],
                [1, 2],
                [2, 4],
              ] as [number, number][],
            },
          ],
        },
      ],
    ]),
  };
  assert.equal(htmlOf(data), htmlOf(data));
  // the evidence line: where it was read, the match marked, the text escaped
  assert.match(htmlOf(data), /2021-06-02 · 测试电台<\/span> 外交部长<mark>王毅<\/mark>&lt;说&gt;<\/li>/);
  // marks side by side stay apart; a line without date or outlet says so
  assert.match(htmlOf(data), /undated · \(no outlet\)<\/span> <mark>中<\/mark><mark>美<\/mark><mark>外长<\/mark>会晤<\/li>/);
  assert.match(markdownOf(data), /- undated · \(no outlet\): 【中】【美】【外长】会晤/);
});
