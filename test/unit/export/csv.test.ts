import assert from 'node:assert/strict';
import test from 'node:test';
import { escapeFormula, toCsv } from '../../../src/export/csv.js';

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
