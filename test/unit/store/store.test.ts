// The store: counts summed by key however many times they are flushed, rows kept as appended
// (numbers, strings, missing numbers), integer columns read back in bulk.
import assert from 'node:assert/strict';
import test from 'node:test';
import { Store } from '../../../src/store/store.js';

test('counts are summed by key across many flushes, for two- and three-part keys', async () => {
  const store = await Store.open();
  try {
    const pairs = await store.counts('pairs', ['a', 'b'], ['count', 'docs']);
    const triples = await store.counts('triples', ['p', 'a', 'b'], ['n']);
    // 300,000 adds: more than one buffer of rows; key (i % 1000, i % 7) is hit i/7000 times or so
    const expected = new Map<string, [number, number]>();
    for (let i = 0; i < 300_000; i++) {
      const a = i % 1000;
      const b = i % 7;
      pairs.add(a, b, 0, 2, 1);
      const e = expected.get(`${a},${b}`) ?? [0, 0];
      expected.set(`${a},${b}`, [e[0] + 2, e[1] + 1]);
      triples.add(i % 3, a, 2_000_000_000, 1);
    }
    await pairs.finish(store);
    await triples.finish(store);
    const got = new Map<string, [number, number]>();
    for await (const [a, b, count, docs] of store.rows('SELECT a, b, count, docs FROM pairs')) got.set(`${a},${b}`, [count as number, docs as number]);
    assert.deepEqual(got, expected);
    assert.equal(Number(await store.value('SELECT count(*) FROM triples')), 3000);
    assert.equal(Number(await store.value('SELECT sum(n) FROM triples')), 300_000);
    assert.equal(Number(await store.value('SELECT max(b) FROM triples')), 2_000_000_000, 'a key part up to 2³¹ − 1');
    assert.equal(Number(await store.value("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%_partial'")), 0, 'partial tables dropped');
  } finally {
    store.close();
  }
});

test('rows come back as appended: strings, integers, doubles, and null for a missing number', async () => {
  const store = await Store.open();
  try {
    const table = await store.table('t', [
      { name: 's', type: 'VARCHAR' },
      { name: 'i', type: 'INTEGER' },
      { name: 'x', type: 'DOUBLE' },
    ]);
    const rows: [string, number, number | null][] = [];
    for (let k = 0; k < 5000; k++) rows.push([k % 3 === 0 ? `中文「${k}」,"引号"` : '', 1 - k, k % 5 === 0 ? null : k / 7]);
    for (const row of rows) table.append(row);
    table.close();
    const back: unknown[][] = [];
    for await (const row of store.rows('SELECT s, i, x FROM t')) back.push(row);
    assert.deepEqual(back, rows, 'in insertion order, every value the same');
  } finally {
    store.close();
  }
});

test('number columns appended in bulk: integers and doubles as they were, -0 and NaN included', async () => {
  const store = await Store.open();
  try {
    const table = await store.numbers('n', [
      { name: 'i', type: 'INTEGER' },
      { name: 'x', type: 'DOUBLE' },
    ]);
    const i = Int32Array.from({ length: 5000 }, (_, k) => k * 7 - 3000);
    const x = Float64Array.from({ length: 5000 }, (_, k) => (k === 1 ? -0 : k === 2 ? Number.NaN : k / 3));
    table.append([i.subarray(0, 3000), x.subarray(0, 3000)], 3000);
    table.append([i.subarray(3000), x.subarray(3000)], 2000);
    assert.throws(() => table.append([x, i], 1), TypeError, 'a column of the wrong kind');
    table.close();
    const back: unknown[][] = [];
    for await (const row of store.rows('SELECT i, x FROM n')) back.push(row);
    assert.deepEqual(
      back,
      [...i].map((v, k) => [v, x[k]]),
    );
    assert.ok(Object.is(back[1]![1], -0));
  } finally {
    store.close();
  }
});

test('integer columns read in bulk, chunk by chunk', async () => {
  const store = await Store.open();
  try {
    await store.run('CREATE TABLE n AS SELECT i::INTEGER AS i, (i * 3)::INTEGER AS j FROM range(10000) t(i)');
    let total = 0;
    let rows = 0;
    for await (const [i, j] of store.integerChunks('SELECT i, j FROM n ORDER BY i')) {
      for (let k = 0; k < i!.length; k++) {
        assert.equal(j![k], i![k]! * 3);
        total += i![k]!;
      }
      rows += i!.length;
    }
    assert.equal(rows, 10000);
    assert.equal(total, (9999 * 10000) / 2);
  } finally {
    store.close();
  }
});

test('a closed store leaves no folder behind', async () => {
  const store = await Store.open();
  const folder = (store as unknown as { folder: string }).folder;
  const { existsSync } = await import('node:fs');
  assert.ok(existsSync(folder));
  store.close();
  assert.ok(!existsSync(folder));
});
