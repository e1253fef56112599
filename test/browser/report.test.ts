// report.html opened in a real browser (Debian's chromium, driven by playwright-core), as a reader
// opens it: from disk, at a laptop's width and a phone's. No console error, no request beyond the
// file itself, every chart drawn with marks, and the labels the corpus's own (read from its CSV).
// Screenshots are kept in build/screenshots for a person to look at.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { htmlOf } from '../../src/export/html-report.js';
import { ROOT, readCsv, zhtext } from '../helpers.js';

const CHROMIUM = process.env.ZHTEXT_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'build', 'screenshots');
let browser: Browser;
const out = mkdtempSync(join(tmpdir(), 'zhtext-report-'));

before(async () => {
  assert.ok(existsSync(CHROMIUM), `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium fonts-noto-cjk), or set ZHTEXT_CHROMIUM`);
  // (the flags keep a headless browser from calling out of a closed network)
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

/** opens a report at a width; what the page said and asked for, and its charts */
async function open(file: string, width: number, shot: string) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
  const charts = await page.$$eval('svg.chart', (svgs) =>
    svgs.map((svg) => ({
      name: svg.getAttribute('aria-label'),
      // the data's marks: filled shapes (axes and grid lines are strokes)
      marks: [...svg.querySelectorAll('path')].filter((p) => (p.getAttribute('fill') ?? 'none') !== 'none').length,
      labels: [...svg.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      width: svg.getBoundingClientRect().width,
      wide: svg.classList.contains('wide'),
    })),
  );
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const marked = await page.$$eval('.evidence mark', (marks) => marks.map((m) => m.textContent ?? ''));
  await page.close();
  return { problems, requests, charts, pageWidth, marked };
}

test('report.html of the sample posts: no error, no request but the file, every chart drawn with the corpus’s labels, at a laptop’s width and a phone’s', async () => {
  // Ukraine, far down entities.csv, asked for with --focus, is charted over time beside the top entities
  const run = zhtext('analyze', 'data', '--out', join(out, 'sample'), '--by', 'day', '--focus', 'UA', '--quiet');
  assert.equal(run.status, 0, run.stderr);
  const file = join(out, 'sample', 'report.html');
  // an entity absent from the period before the last and mentioned in the last rose, however small
  // the earlier period is (the Log Ratio's 0.5 for a zero count would point it the other way)
  const markdown = readFileSync(join(out, 'sample', 'report.md'), 'utf8');
  assert.match(markdown, /\| ↑ 中国外交部 † \| 0 \| 5 \|/);
  for (const [name, width] of [
    ['sample-laptop', 1280],
    ['sample-phone', 390],
  ] as const) {
    const { problems, requests, charts, pageWidth, marked } = await open(file, width, name);
    assert.deepEqual(problems, [], name);
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

test('compare’s report.html: each side’s keyness and the network’s gains and losses drawn, with the names of keyness.csv', async () => {
  const dir = join(out, 'compare');
  const run = zhtext('compare', 'data', '--out', dir, '--by', 'day', '--min-count', '1', '--min-pair-count', '1', '--quiet');
  assert.equal(run.status, 0, run.stderr);
  const { problems, requests, charts, pageWidth } = await open(join(dir, 'report.html'), 390, 'compare-phone');
  assert.deepEqual(problems, []);
  assert.equal(requests.length, 1);
  assert.ok(pageWidth <= 390);
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
    evidence: new Map([['per:x', [{ day: '2021-06-02', outlet: '测试电台', before: '外交部长', match: '王毅', after: '<说>' }]]]),
  };
  assert.equal(htmlOf(data), htmlOf(data));
  // the evidence line: where it was read, the match marked, the text escaped
  assert.match(htmlOf(data), /2021-06-02 · 测试电台<\/span> 外交部长<mark>王毅<\/mark>&lt;说&gt;<\/li>/);
});
