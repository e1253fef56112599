import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { CsvWriter, escapeFormula, toCsv } from '../../../src/export/csv.js';

test('CSV starts with a UTF-8 byte-order mark and a header', () => {
  const csv = toCsv(['term', 'count'], [['经济', 3]]);
  assert.equal(csv, '\uFEFFterm,count\n经济,3\n');
});

test('cells that would start a formula are escaped, full-width forms too; numbers are not', () => {
  for (const s of ['=1+1', '+86', '-x', '@SUM(A1)', '＝1', '＋1', '－1', '＠a', '\tx']) assert.equal(escapeFormula(s), `'${s}`);
  assert.equal(escapeFormula('中国'), '中国');
  assert.equal(toCsv(['a', 'b'], [['=HYPERLINK("x")', -3]]), '\uFEFFa,b\n"\'=HYPERLINK(""x"")",-3\n');
});

test('commas, quotes and line breaks are quoted', () => {
  assert.equal(toCsv(['path'], [['a,b\nc']]), '\uFEFFpath\n"a,b\nc"\n');
});

test('the writer gives csv-stringify’s bytes: quoting, formulas, numbers, other cells, batches', async () => {
  const pieces = [
    '',
    'a',
    '中文',
    ',',
    '"',
    '""',
    '\n',
    '\r',
    '\r\n',
    ' ',
    '\t',
    '=',
    '+',
    '-',
    '@',
    '＝',
    '＋',
    '－',
    '＠',
    "'",
    ';',
    '\u2028',
    '\uFEFF',
    'x,y',
    '𠀀',
  ];
  const numbers = [0, -0, 1, -3, 1.5, -0.0001, 12345.6789, 1e21, 1e-7, 2 ** 31, Number.NaN, Number.POSITIVE_INFINITY];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const cell = (): unknown => {
    const r = random(10);
    if (r < 6) return Array.from({ length: random(4) }, () => pieces[random(pieces.length)]).join('');
    if (r < 9) return numbers[random(numbers.length)];
    return [null, undefined, true, false][random(4)];
  };
  const columns = ['a', 'b', 'c'];
  const rows = Array.from({ length: 10_000 }, () => Array.from({ length: 2 + random(3) }, cell) as (string | number)[]);
  const path = join(mkdtempSync(join(tmpdir(), 'zhtext-csv-')), 't.csv');
  const writer = new CsvWriter(path, columns);
  for (const row of rows) if (!writer.write(row)) await writer.wait();
  await writer.close();
  assert.equal(readFileSync(path, 'utf8'), toCsv(columns, rows));
  const empty = join(mkdtempSync(join(tmpdir(), 'zhtext-csv-')), 'e.csv');
  const none = new CsvWriter(empty, columns);
  await none.close();
  assert.equal(readFileSync(empty, 'utf8'), toCsv(columns, []));
});
