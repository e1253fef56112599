// The library API: runAnalyze writes the folder the command line writes; analyzeTables gives the
// same tables as typed rows without one; Excel's row limit is said where it cuts a table.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { analyzeTables, runAnalyze } from '../../src/index.js';
import { readCsv, readParquet, writeCorpus } from '../helpers.js';

const base = mkdtempSync(join(tmpdir(), 'zhtext-library-'));
const corpus = join(base, 'posts');
writeCorpus(corpus, 20);

test('analyzeTables gives every table of runAnalyze, row for row, typed', async () => {
  const out = join(base, 'out');
  const progress: number[] = [];
  const summary = await runAnalyze({ inputs: [corpus], out, by: 'day', workers: 2 }, { onDocument: (done) => progress.push(done) });
  assert.equal(summary.files, 24);
  assert.deepEqual(
    progress,
    Array.from({ length: 24 }, (_, i) => i + 1),
    'progress in input order',
  );
  const seen: string[] = [];
  for await (const table of analyzeTables({ inputs: [corpus], by: 'day', workers: 1 })) {
    seen.push(table.name);
    const rows = [];
    for await (const row of table.rows) rows.push(row);
    const csv = readCsv(join(out, `${table.name}.csv`));
    assert.equal(rows.length, csv.length, table.name);
    assert.deepEqual(
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]))),
      csv,
      table.name,
    );
    if (table.name === 'terms') {
      const first = rows[0] as { term: string; count: number | null };
      assert.equal(typeof first.count, 'number');
    }
  }
  assert.deepEqual(seen.sort(), [
    'bursts',
    'cooccurrence',
    'documents',
    'entities',
    'entity_mentions',
    'entity_timeline',
    'messages',
    'term_timeline',
    'terms',
  ]);
});

test('a table cut at the CSV row limit is said so in messages.csv and report.md', async () => {
  const out = join(base, 'cut');
  await runAnalyze({ inputs: [corpus], out }, { csvRowLimit: 50 });
  const mentions = readCsv(join(out, 'entity_mentions.csv'));
  assert.equal(mentions.length, 50);
  const cut = readCsv(join(out, 'messages.csv')).filter((m) => m.code === 'csv-truncated');
  assert.ok(cut.some((m) => m.path === 'entity_mentions.csv' && /holds the first 50 of \d+ rows/.test(m.reason!)));
  assert.ok(cut.some((m) => m.path === 'cooccurrence.csv'));
  const report = readFileSync(join(out, 'report.md'), 'utf8');
  assert.match(report, /entity_mentions\.csv holds the first 50 of its \d+ rows \(Excel opens no more\); parquet\/entity_mentions\.parquet holds them all/);
  // cooccurrence.csv holds the first rows and its Parquet file all, as the library gives them
  let all: Record<string, unknown>[] = [];
  for await (const table of analyzeTables({ inputs: [corpus] })) {
    const rows = [];
    for await (const row of table.rows) rows.push(row);
    if (table.name === 'cooccurrence') all = rows;
  }
  assert.ok(all.length > 50);
  const asText = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])));
  assert.deepEqual(readCsv(join(out, 'cooccurrence.csv')), asText(all.slice(0, 50)));
  assert.deepEqual(await readParquet(join(out, 'parquet', 'cooccurrence.parquet')), all);
});
