// Checks of the shipped entity files (dictionaries/entities/*.tsv) against the rules of
// dictionaries/README.md: header, order, ids, aliases, and no alias shared by two ids.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import * as OpenCC from 'opencc-js';
import { ENTITY_FILES } from '../../../src/resources/knowledge-base.js';
import { createScriptConverter } from '../../../src/resources/script-converter.js';
import { normalizeCharacters } from '../../../src/text/characters.js';
import { compareCodeUnits } from '../../../src/text/compare.js';
import { ROOT } from '../../helpers.js';

const DIR = join(ROOT, 'dictionaries', 'entities');

const HEADERS: Record<string, string> = {
  'countries.tsv': 'id\ttype\tname\taliases\tabbr\twikidata',
  'people.tsv': 'id\ttype\tname\taliases\twikidata\tdescription',
  'organizations.tsv': 'id\ttype\tname\taliases\twikidata\tdescription',
  'places.tsv': 'id\ttype\tname\taliases\twikidata\tdescription',
};
const ID_PATTERN: Record<string, RegExp> = {
  'countries.tsv': /^[A-Z]{2}$/,
  'people.tsv': /^per:[a-z0-9_]+$/,
  'organizations.tsv': /^org:[a-z0-9_]+$/,
  'places.tsv': /^loc:[a-z0-9_]+$/,
};
const TYPE: Record<string, string> = { 'countries.tsv': 'GPE', 'people.tsv': 'PERSON', 'organizations.tsv': 'ORG', 'places.tsv': 'LOC' };

interface Row {
  file: string;
  line: number;
  id: string;
  type: string;
  name: string;
  aliases: string[];
  cells: string[];
}

function readFile(file: string): { header: string; rows: Row[] } {
  const content = readFileSync(join(DIR, file), 'utf8');
  assert.ok(content.endsWith('\n'), `${file}: ends with a newline`);
  assert.ok(!content.includes('\r'), `${file}: LF line ends only`);
  const [header = '', ...lines] = content.slice(0, -1).split('\n');
  const rows = lines.map((text, i) => {
    const cells = text.split('\t');
    const [id = '', type = '', name = '', aliases = ''] = cells;
    return { file, line: i + 2, id, type, name, aliases: aliases.split('|'), cells };
  });
  return { header, rows };
}

const files = ENTITY_FILES.map((file) => ({ file, ...readFile(file) }));

// The knowledge base loader's normalisation (half-width, one middle dot, simplified script) …
const converter = createScriptConverter();
const loaderKey = (alias: string) => converter.normalize(alias);
// … and, as dictionaries/README.md requires, the Taiwan and Hong Kong variants of OpenCC too, since
// a regional form may convert differently from the generic traditional one.
const regional = [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })];
const keys = (alias: string) => new Set([loaderKey(alias), ...regional.map((convert) => convert(normalizeCharacters(alias)))]);

test('the four entity files are the ones the knowledge base loads', () => {
  assert.deepEqual([...ENTITY_FILES].sort(), Object.keys(HEADERS).sort());
});

for (const { file, header, rows } of files) {
  test(`${file}: header, columns and type`, () => {
    assert.equal(header, HEADERS[file], `${file}: header line`);
    const columns = HEADERS[file]!.split('\t').length;
    for (const row of rows) {
      assert.equal(row.cells.length, columns, `${file}:${row.line} (${row.id}): ${row.cells.length} columns, expected ${columns}`);
      assert.equal(row.type, TYPE[file], `${file}:${row.line} (${row.id}): type`);
      assert.ok(row.name !== '', `${file}:${row.line} (${row.id}): empty name`);
    }
  });

  test(`${file}: rows sorted by id in code-point order, ids unique and well formed`, () => {
    for (let i = 1; i < rows.length; i++) {
      const [previous, current] = [rows[i - 1]!, rows[i]!];
      assert.ok(compareCodeUnits(previous.id, current.id) < 0, `${file}:${current.line}: ${current.id} comes after ${previous.id}`);
    }
    for (const row of rows) assert.match(row.id, ID_PATTERN[file]!, `${file}:${row.line}: id ${row.id}`);
  });

  test(`${file}: aliases include the name, none shorter than two characters`, () => {
    for (const row of rows) {
      assert.ok(row.aliases.includes(row.name), `${file}:${row.line} (${row.id}): aliases do not include the name ${row.name}`);
      for (const alias of row.aliases) {
        assert.ok([...alias.trim()].length >= 2, `${file}:${row.line} (${row.id}): alias "${alias}" is shorter than two characters`);
      }
    }
  });
}

test('ids are unique across the four files', () => {
  const seen = new Map<string, string>();
  for (const { file, rows } of files) {
    for (const row of rows) {
      const other = seen.get(row.id);
      assert.equal(other, undefined, `id ${row.id} is in ${other} and in ${file}`);
      seen.set(row.id, file);
    }
  }
});

test('no alias belongs to two ids across the four files after normalisation to simplified', () => {
  const owner = new Map<string, { id: string; file: string; alias: string }>();
  const clashes: string[] = [];
  for (const { file, rows } of files) {
    for (const row of rows) {
      for (const alias of row.aliases) {
        for (const key of keys(alias)) {
          const first = owner.get(key);
          if (!first) owner.set(key, { id: row.id, file, alias });
          else if (first.id !== row.id) {
            clashes.push(`${file}: alias "${alias}" (${key}) of ${row.id} is also alias "${first.alias}" of ${first.id} in ${first.file}`);
          }
        }
      }
    }
  }
  assert.deepEqual(clashes, []);
});

test('stopwords-en.txt is natural’s public English stop-word list, as scripts/english-stopwords.mjs writes it', async () => {
  // natural's index loads storage back-ends that log through dotenv on import: keep them quiet here
  process.env.DOTENV_CONFIG_QUIET = 'true';
  const natural = (await import('natural')).default as unknown as { stopwords: string[] };
  const words = readFileSync(join(ROOT, 'dictionaries', 'stopwords-en.txt'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
  const expected = [...new Set(natural.stopwords.map((w) => w.toLowerCase()))].sort();
  assert.deepEqual(words, expected, 'natural’s list changed: run npm run dictionaries:english and review the diff');
});
