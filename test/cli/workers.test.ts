// Every core, the same tables: analyze, compare and kwic give byte-identical files whatever the number
// of worker threads (and so whatever order the documents finish in), Parquet files included, and
// every Parquet table holds the rows of its CSV table. (No cache here: each run computes every document.)
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { readCsv, readParquet, writeCorpus, zhtext } from '../helpers.js';

const base = mkdtempSync(join(tmpdir(), 'zhtext-workers-'));
const corpus = join(base, 'posts');
writeCorpus(corpus, 48);

/** every file under a folder, by path relative to it */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

function assertSameFiles(a: string, b: string, label: string): void {
  const [fa, fb] = [filesOf(a), filesOf(b)];
  assert.deepEqual([...fa.keys()].sort(), [...fb.keys()].sort(), `${label}: the same files`);
  for (const [name, bytes] of fa) {
    if (name === 'run.json') continue;
    assert.ok(bytes.equals(fb.get(name)!), `${label}: ${name} differs`);
  }
  const withoutTiming = (dir: string) => ({ ...JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')), timing: null });
  assert.deepEqual(withoutTiming(a), withoutTiming(b), `${label}: run.json apart from timing`);
}

test('analyze --by day --dedupe: 1, 2 and 3 workers write the same bytes', () => {
  const outs = [1, 2, 3].map((w) => {
    const out = join(base, `analyze-${w}`);
    const run = zhtext('analyze', corpus, '--out', out, '--by', 'day', '--dedupe', '--workers', String(w), '--no-cache', '--quiet');
    assert.equal(run.status, 1, run.stderr);
    return out;
  });
  const run = JSON.parse(readFileSync(join(outs[2]!, 'run.json'), 'utf8'));
  assert.equal(run.timing.workers, 3);
  assert.equal(run.counts.failed, 1);
  assert.equal(run.counts.duplicate, 1);
  assertSameFiles(outs[0]!, outs[1]!, '1 and 2 workers');
  assertSameFiles(outs[0]!, outs[2]!, '1 and 3 workers');
});

test('compare and kwic: 1 and 3 workers give the same', () => {
  const [a, b] = [1, 3].map((w) => {
    const out = join(base, `compare-${w}`);
    assert.equal(zhtext('compare', corpus, '--out', out, '--workers', String(w), '--no-cache', '--quiet').status, 1);
    return out;
  });
  assertSameFiles(a!, b!, 'compare');
  const kwic = [1, 3].map((w) => zhtext('kwic', corpus, 'US', '--workers', String(w), '--no-cache'));
  assert.ok(kwic[0]!.stdout.split('\n').length > 20);
  assert.equal(kwic[0]!.stdout, kwic[1]!.stdout);
});

test('each Parquet table holds the rows of its CSV table, with typed columns', async () => {
  const out = join(base, 'analyze-2');
  for (const name of ['documents', 'terms', 'entities', 'entity_mentions', 'cooccurrence', 'messages', 'entity_timeline', 'term_timeline', 'bursts']) {
    const csv = readCsv(join(out, `${name}.csv`));
    const parquet = await readParquet(join(out, 'parquet', `${name}.parquet`));
    assert.equal(parquet.length, csv.length, `${name}: rows`);
    const asCsv = parquet.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)])));
    // the CSV makes formula-like text inert with a leading ' (none in these posts)
    assert.deepEqual(asCsv, csv, `${name}: values`);
  }
  const terms = await readParquet(join(out, 'parquet', 'terms.parquet'));
  assert.equal(typeof terms[0]!.count, 'number');
  assert.equal(typeof terms[0]!.term, 'string');
  const documents = await readParquet(join(out, 'parquet', 'documents.parquet'));
  assert.ok(
    documents.some((d) => d.similarity === null),
    'an empty number is null',
  );
});
