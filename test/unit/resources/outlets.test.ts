// One outlet, one name: every name an outlet goes by resolves to one id and display name.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { DictionaryError } from '../../../src/errors.js';
import { loadOutletTable } from '../../../src/resources/outlets.js';
import { createScriptConverter } from '../../../src/resources/script-converter.js';
import { readTsv } from '../../../src/resources/tsv.js';
import { ROOT } from '../../helpers.js';

const converter = createScriptConverter();
const table = loadOutletTable([join(ROOT, 'dictionaries', 'outlets.tsv')], converter);

test('the names of one outlet, in either script and any case, are one outlet', () => {
  for (const name of ['路透', 'reuters', 'Reuters', ' REUTERS ', '路透社']) assert.deepEqual(table.resolve(name), { id: 'reuters', name: '路透社' }, name);
  for (const name of ['德国之声', '德國之聲', 'dw', 'DW']) assert.equal(table.resolve(name).id, 'dw', name);
  for (const name of ['BBC', 'bbc']) assert.equal(table.resolve(name).id, 'bbc', name);
  assert.equal(table.resolve('(臺)中央社CNA').id, 'cna');
  assert.equal(table.resolve('（臺）中央社ＣＮＡ').id, 'cna', 'full-width brackets and letters');
});

test('a name the table does not know is an outlet of its own, as written', () => {
  assert.deepEqual(table.resolve('某某日报'), { id: '某某日报', name: '某某日报' });
  assert.deepEqual(table.resolve(''), { id: '', name: '' });
});

test('every outlet of the shared corpus has a table id (its names as the archives write them)', () => {
  // the names in the front matter of ../shared/corpus and ../shared/corpus-month
  const written = [
    'rthk',
    '(臺)中央社CNA',
    '法广',
    '联合早报',
    '大纪元',
    '路透',
    'reuters',
    '美国之音',
    '经济学人en',
    '德国之声',
    'dw',
    '自由亚洲电台',
    'BBC',
    '中国数字时代',
    'Solidot',
    'bbc',
    '纽约时报',
    'asahi',
    '维权网',
    '寒冬',
    'CCTV新闻联播',
  ];
  for (const name of written) assert.match(table.resolve(name).id, /^[a-z0-9-]+$/, `${name} has a table id`);
  assert.equal(new Set(written.map((n) => table.resolve(n).id)).size, 18, 'reuters, dw and bbc arrive under two names each');
});

test('a name given to two outlets is refused, naming the file', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'zhtext-outlets-')), 'outlets.tsv');
  writeFileSync(file, 'id\tname\taliases\na\t甲报\t甲\nb\t乙报\t甲\n');
  assert.throws(
    () => loadOutletTable([file], converter),
    (e: unknown) => e instanceof DictionaryError && e.message.includes(file) && e.message.includes('"甲"'),
  );
});

test('the table file is sorted by id and every id is lower-case ASCII', () => {
  const ids = readTsv(join(ROOT, 'dictionaries', 'outlets.tsv'), ['id', 'name', 'aliases']).map((r) => r.id!);
  assert.deepEqual(ids, [...ids].sort());
  for (const id of ids) assert.match(id, /^[a-z0-9-]+$/);
});
