// The incremental cache as a user meets it: a rerun reads every document from the cache and writes
// the same bytes; what only the corpus-wide steps read (periods, filters, --dedupe) reuses every
// entry; a new file costs that file; a changed dictionary, --tz or --entities file invalidates every
// entry made with the old one; a damaged entry is reported, computed again and stored anew; a moved
// archive keeps its entries; the cache cannot be written, the run goes on.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { DocCache } from '../../src/cache/doc-cache.js';
import { ROOT, readCsv, writeCorpus, zhtext } from '../helpers.js';

const base = mkdtempSync(join(tmpdir(), 'zhtext-cache-'));
const corpus = join(base, 'posts');
writeCorpus(corpus, 24);
const FILES = readdirSync(corpus).length;

interface Run {
  out: string;
  stats: { hits: number; computed: number; corrupt: number };
  stderr: string;
}

let runs = 0;
function analyze(cache: string, inputs: string, ...args: string[]): Run {
  const out = join(base, `out-${++runs}`);
  const run = zhtext('analyze', inputs, ...args, '--out', out, '--cache', cache, '--quiet');
  assert.equal(run.status, 1, run.stderr); // the corpus holds a broken post
  return { out, stats: JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).timing.cache, stderr: run.stderr };
}

function assertSameTables(a: string, b: string, label: string): void {
  for (const name of readdirSync(a)) {
    if (name === 'run.json' || name === 'parquet') continue;
    assert.ok(readFileSync(join(a, name)).equals(readFileSync(join(b, name))), `${label}: ${name} differs`);
  }
  for (const name of readdirSync(join(a, 'parquet'))) {
    assert.ok(readFileSync(join(a, 'parquet', name)).equals(readFileSync(join(b, 'parquet', name))), `${label}: parquet/${name} differs`);
  }
  const withoutTiming = (dir: string) => ({ ...JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')), timing: null });
  assert.deepEqual(withoutTiming(a), withoutTiming(b), `${label}: run.json apart from timing`);
}

test('a rerun reads every document from the cache and writes the same bytes, with one worker or two', () => {
  const cache = join(base, 'cache-rerun');
  const first = analyze(cache, corpus, '--workers', '2');
  assert.deepEqual(first.stats, { hits: 0, computed: FILES, corrupt: 0, dir: cache });
  const second = analyze(cache, corpus, '--workers', '1');
  assert.deepEqual(second.stats, { hits: FILES, computed: 0, corrupt: 0, dir: cache });
  assertSameTables(first.out, second.out, 'cached rerun');
  const uncached = join(base, 'uncached');
  assert.equal(zhtext('analyze', corpus, '--out', uncached, '--no-cache', '--quiet').status, 1);
  assertSameTables(first.out, uncached, 'without a cache');
  assert.equal(JSON.parse(readFileSync(join(uncached, 'run.json'), 'utf8')).timing.cache.dir, null);
});

test('options only the corpus-wide steps read reuse every entry; --tz and a new file do not', () => {
  const cache = join(base, 'cache-options');
  analyze(cache, corpus);
  assert.equal(analyze(cache, corpus, '--by', 'week', '--dedupe', '--from', '2020-10-15').stats.hits, FILES);
  const tz = analyze(cache, corpus, '--tz', '+00:00').stats;
  assert.equal(tz.hits, 0, 'a day depends on the time zone');
  const grown = join(base, 'grown');
  cpSync(corpus, grown, { recursive: true });
  writeFileSync(
    join(grown, '2020-10-18-new.md'),
    '---\ntitle: "新的一天"\ndate: 2020-10-18T10:00:00+08:00\ncategories: [ 路透 ]\n---\n<p>德国总理默克尔会见了法国总统马克龙。</p>\n',
  );
  const next = analyze(cache, grown);
  assert.equal(next.stats.computed, 1, 'the new file only');
  assert.equal(next.stats.hits, FILES);
  assert.ok(readCsv(join(next.out, 'documents.csv')).some((d) => d.title === '新的一天'));
});

test('a moved archive keeps its entries, and the documents carry their new paths', () => {
  const cache = join(base, 'cache-moved');
  analyze(cache, corpus);
  const moved = join(base, 'moved', 'elsewhere');
  cpSync(corpus, moved, { recursive: true });
  const run = analyze(cache, moved);
  assert.equal(run.stats.hits, FILES);
  const paths = readCsv(join(run.out, 'documents.csv')).map((d) => d.path);
  assert.ok(
    paths.every((p) => p!.startsWith(moved)),
    paths[0],
  );
});

test('a changed dictionary or entity file invalidates the entries made with the old one, and the new word counts', () => {
  const cache = join(base, 'cache-dictionary');
  const dictionaries = join(base, 'dictionaries');
  cpSync(join(ROOT, 'dictionaries'), dictionaries, { recursive: true });
  const before = analyze(cache, corpus, '--dictionary-dir', dictionaries);
  assert.equal(before.stats.computed, FILES);
  assert.ok(!readCsv(join(before.out, 'terms.csv')).some((t) => t.term === '边境局势'));
  // documentation is not read by the stages: editing it changes nothing
  appendFileSync(join(dictionaries, 'README.md'), '\nA note.\n');
  assert.equal(analyze(cache, corpus, '--dictionary-dir', dictionaries).stats.hits, FILES);
  appendFileSync(join(dictionaries, 'jieba', 'user.dict.txt'), '边境局势 100000 n\n');
  const after = analyze(cache, corpus, '--dictionary-dir', dictionaries);
  assert.deepEqual([after.stats.hits, after.stats.computed], [0, FILES]);
  assert.ok(
    readCsv(join(after.out, 'terms.csv')).some((t) => t.term === '边境局势'),
    'the new word is a term',
  );
  assert.equal(analyze(cache, corpus, '--dictionary-dir', dictionaries).stats.hits, FILES, 'then cached again');

  const entities = join(base, 'extra.tsv');
  writeFileSync(entities, 'id\ttype\tname\taliases\nper:test_person\tPERSON\t默克尔\t默克尔\n');
  assert.equal(analyze(cache, corpus, '--dictionary-dir', dictionaries, '--entities', entities).stats.computed, FILES);
  assert.equal(analyze(cache, corpus, '--dictionary-dir', dictionaries, '--entities', entities).stats.hits, FILES);
});

test('a damaged entry is reported, computed again and stored anew; the tables are unchanged', () => {
  const cache = join(base, 'cache-damaged');
  const first = analyze(cache, corpus);
  const entries = readdirSync(join(cache, 'v1'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  assert.ok(entries.length > FILES, 'an entry a document, and the resources');
  // damage every entry of one document: flip a byte in the middle of each of the three largest
  const largest = entries
    .map((e) => join(e.parentPath, e.name))
    .sort((a, b) => readFileSync(b).length - readFileSync(a).length)
    .slice(0, 3);
  for (const file of largest) {
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1]! ^= 0xff;
    writeFileSync(file, bytes);
  }
  const second = analyze(cache, corpus);
  assert.deepEqual([second.stats.corrupt, second.stats.computed, second.stats.hits], [3, 3, FILES - 3]);
  const notes = readCsv(join(second.out, 'messages.csv')).filter((m) => m.code === 'cache-entry-corrupt');
  assert.equal(notes.length, 3);
  assert.match(notes[0]!.reason!, /checksum/);
  for (const name of ['documents.csv', 'terms.csv', 'entities.csv', 'cooccurrence.csv', 'entity_mentions.csv']) {
    assert.ok(readFileSync(join(first.out, name)).equals(readFileSync(join(second.out, name))), name);
  }
  assert.equal(analyze(cache, corpus).stats.hits, FILES, 'stored anew');
});

test('entries are keyed by content and file name, and are written whole', () => {
  const fingerprint = 'f'.repeat(64);
  const bytes = Buffer.from('---\ntitle: x\n---\n正文');
  assert.equal(DocCache.keyOf(fingerprint, '/a/2020-01-01-x.md', bytes), DocCache.keyOf(fingerprint, '/b/c/2020-01-01-x.md', bytes));
  assert.notEqual(DocCache.keyOf(fingerprint, '/a/2020-01-01-x.md', bytes), DocCache.keyOf(fingerprint, '/a/2020-01-02-x.md', bytes));
  assert.notEqual(DocCache.keyOf(fingerprint, '/a/x.md', bytes), DocCache.keyOf('e'.repeat(64), '/a/x.md', bytes));
  assert.notEqual(DocCache.keyOf(fingerprint, '/a/x\n.md', bytes), DocCache.keyOf(fingerprint, '/b/x\n.md', bytes), 'a line break keeps the whole path');
  const cache = new DocCache(join(base, 'cache-unit'));
  assert.deepEqual(cache.readReady('00ab'), { missing: true });
  cache.writeReady('00ab', { dictionaryFiles: ['a.tsv'] });
  assert.deepEqual(cache.readReady('00ab'), { found: { dictionaryFiles: ['a.tsv'] } });
  const file = join(cache.dir, '00', '00ab');
  writeFileSync(file, readFileSync(file).subarray(0, 20));
  assert.deepEqual(cache.readReady('00ab'), { corrupt: 'the entry has no valid header' });
  assert.deepEqual(
    readdirSync(join(cache.dir, '00')).filter((f) => f.endsWith('.tmp')),
    [],
    'no temporary file is left',
  );
});

test('a cache that cannot be written: the run goes on, says so, even when quiet, and writes the same tables', () => {
  const first = analyze(join(base, 'cache-writable'), corpus);
  // where the entries' folder should be, a file: no entry can be written, whoever runs the test
  const cache = join(base, 'cache-blocked');
  mkdirSync(cache);
  writeFileSync(join(cache, 'v1'), 'not a folder');
  const run = analyze(cache, corpus);
  assert.match(run.stderr, /zhtext: warning: cannot write to the cache .*v1: .*not all stored/);
  assert.equal(run.stats.computed, FILES);
  for (const name of ['documents.csv', 'terms.csv', 'entities.csv', 'cooccurrence.csv']) {
    assert.ok(readFileSync(join(first.out, name)).equals(readFileSync(join(run.out, name))), name);
  }
});
