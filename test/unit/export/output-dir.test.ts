// The output folder: tables cut at the CSV row limit keep their first rows and the Parquet file all;
// nothing is published until the run is done, a failed run leaves what was there before, and a run
// killed while publishing is finished by the next.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { OutputFolder } from '../../../src/export/output-dir.js';
import { Store } from '../../../src/store/store.js';
import { readCsv, readParquet } from '../../helpers.js';

const COLUMNS = [
  { name: 'term', type: 'VARCHAR' },
  { name: 'count', type: 'INTEGER' },
  { name: 'share', type: 'DOUBLE' },
] as const;
const rows = Array.from({ length: 10 }, (_, i) => [`词${i}`, 10 - i, i % 2 === 0 ? i / 4 : ''] as (string | number)[]);

test('a table past the CSV row limit keeps its first rows in the CSV and all in Parquet', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'zhtext-out-')), 'out');
  const store = await Store.open();
  try {
    const folder = new OutputFolder(out, store, 4);
    const written = await folder.writeTable('terms', COLUMNS, rows);
    assert.deepEqual(written, { name: 'terms', rows: 10, csvRows: 4 });
    assert.deepEqual(folder.truncated, [written]);
    await folder.settle();
    folder.publish();
    const csv = readCsv(join(out, 'terms.csv'));
    assert.deepEqual(
      csv.map((r) => r.term),
      ['词0', '词1', '词2', '词3'],
    );
    const parquet = await readParquet(join(out, 'parquet', 'terms.parquet'));
    assert.equal(parquet.length, 10);
    assert.deepEqual(parquet[9], { term: '词9', count: 1, share: null });
    assert.deepEqual(parquet[8], { term: '词8', count: 2, share: 2 });
  } finally {
    store.close();
  }
});

test('an empty table is a header; a formula-like cell is made inert in the CSV only', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'zhtext-out-')), 'out');
  const store = await Store.open();
  try {
    const folder = new OutputFolder(out, store);
    await folder.writeTable('empty', COLUMNS, []);
    await folder.writeTable('formula', COLUMNS, [['=1+1', 1, 0.5]]);
    await folder.settle();
    folder.publish();
    assert.equal(readFileSync(join(out, 'empty.csv'), 'utf8'), '\uFEFFterm,count,share\n');
    assert.equal(readFileSync(join(out, 'formula.csv'), 'utf8'), "\uFEFFterm,count,share\n'=1+1,1,0.5\n");
    assert.deepEqual(await readParquet(join(out, 'parquet', 'formula.parquet')), [{ term: '=1+1', count: 1, share: 0.5 }]);
  } finally {
    store.close();
  }
});

test('a failed run leaves the previous outputs, or no folder where there was none', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'zhtext-out-'));
  const previous = join(parent, 'previous');
  mkdirSync(previous);
  writeFileSync(join(previous, 'terms.csv'), 'old');
  const fresh = join(parent, 'fresh');
  for (const out of [previous, fresh]) {
    const folder = new OutputFolder(out, undefined);
    const sink = await folder.openTable('terms', COLUMNS);
    sink.write(['新', 1, 1]);
    await folder.discard();
  }
  assert.deepEqual(readdirSync(previous), ['terms.csv']);
  assert.equal(readFileSync(join(previous, 'terms.csv'), 'utf8'), 'old');
  assert.ok(!existsSync(fresh));
});

test('the store writes Parquet files while the run goes on: publish waits for settle, which reports a failure', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'zhtext-out-'));
  const store = await Store.open();
  try {
    const out = join(parent, 'ok');
    const folder = new OutputFolder(out, store);
    await folder.writeTable('terms', COLUMNS, rows);
    assert.throws(() => folder.publish(), /settle/);
    await folder.settle();
    folder.publish();
    assert.equal((await readParquet(join(out, 'parquet', 'terms.parquet'))).length, 10);
    assert.equal(Number(await store.value("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'out_terms'")), 0, 'its table dropped');

    const failed = join(parent, 'failed');
    const broken = new OutputFolder(failed, store);
    const sink = await broken.openTable('broken', COLUMNS, 'SELECT * FROM no_such_table');
    sink.write(['词', 1, 1]);
    await sink.close();
    await assert.rejects(broken.settle(), /no_such_table/);
    await broken.discard();
    assert.ok(!existsSync(failed));
  } finally {
    store.close();
  }
});

test('the staging folder of a killed run is removed by the next run into the folder; a running one is left alone', async () => {
  const out = mkdtempSync(join(tmpdir(), 'zhtext-out-'));
  // a process number no process has (above Linux's largest), and this test's own
  const killed = join(out, '.zhtext-staging-4194305');
  const running = join(out, `.zhtext-staging-${process.ppid}`);
  for (const dir of [killed, running]) {
    mkdirSync(dir);
    writeFileSync(join(dir, 'terms.csv'), 'half');
  }
  const folder = new OutputFolder(out, undefined);
  folder.writeText('report.md', 'new');
  folder.publish();
  assert.ok(!existsSync(killed));
  assert.ok(existsSync(running));
  assert.equal(readFileSync(join(out, 'report.md'), 'utf8'), 'new');
});

test('a run killed while moving its files into place: the next run into the folder finishes the moves first', () => {
  const out = mkdtempSync(join(tmpdir(), 'zhtext-out-'));
  for (const name of ['terms.csv', 'entities.csv', 'report.md']) writeFileSync(join(out, name), `old ${name}`);
  // a process that is gone, as a killed run's is
  const dead = spawnSync('true').pid!;
  const staging = join(out, `.zhtext-staging-${dead}`);
  mkdirSync(join(staging, 'parquet'), { recursive: true });
  const files = ['terms.csv', 'entities.csv', 'report.md', 'parquet/terms.parquet'];
  for (const name of files) writeFileSync(join(staging, name), `new ${name}`);
  writeFileSync(join(staging, '.complete.json'), JSON.stringify(files));
  // killed after the first move
  renameSync(join(staging, 'terms.csv'), join(out, 'terms.csv'));
  // and a staging folder of a run killed before it was complete: never published
  const unfinished = join(out, `.zhtext-staging-${spawnSync('true').pid!}`);
  mkdirSync(unfinished);
  writeFileSync(join(unfinished, 'terms.csv'), 'half a ta');

  new OutputFolder(out, undefined);
  assert.deepEqual(readdirSync(out).sort(), ['entities.csv', 'parquet', 'report.md', 'terms.csv']);
  for (const name of files) assert.equal(readFileSync(join(out, name), 'utf8'), `new ${name}`);
});
