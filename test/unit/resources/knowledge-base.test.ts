import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { DictionaryError } from '../../../src/errors.js';
import { loadKnowledgeBase, segmenterWords } from '../../../src/resources/knowledge-base.js';
import { createScriptConverter } from '../../../src/resources/script-converter.js';
import { MINI_DICTIONARIES } from '../../helpers.js';

const converter = createScriptConverter();
const userFile = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'zhtext-kb-')), 'mine.tsv');
  writeFileSync(path, content);
  return path;
};

test('aliases in any script are indexed in simplified form; one-character aliases are not', () => {
  const kb = loadKnowledgeBase(MINI_DICTIONARIES, converter);
  assert.equal(kb.aliases.get('俄罗斯'), 'RU');
  assert.equal(kb.aliases.get('俄国'), 'RU', '俄國 is indexed as 俄国');
  assert.equal(kb.aliases.get('普丁'), 'per:vladimir_putin');
  assert.equal(kb.abbreviations.get('中'), 'CN');
  assert.equal(
    [...kb.aliases.keys()].some((a) => a.length < 2),
    false,
  );
  assert.deepEqual(kb.compounds.get('港澳'), ['HK', 'MO']);
  assert.deepEqual(kb.compounds.get('美德'), []);
});

test('a user file extends the base and replaces an entry with the same id', () => {
  const path = userFile('id\ttype\tname\taliases\nper:wang_yi\tPERSON\t王毅\t王部长\nper:new_person\tPERSON\t张三丰\t\n');
  const kb = loadKnowledgeBase(MINI_DICTIONARIES, converter, [path]);
  assert.equal(kb.aliases.get('王部长'), 'per:wang_yi');
  assert.equal(kb.aliases.get('张三丰'), 'per:new_person');
  assert.equal(kb.aliases.get('普京'), 'per:vladimir_putin', 'the rest of the base stays');
  assert.deepEqual(kb.files.slice(-3), [path, join(MINI_DICTIONARIES, 'entities', 'compounds.tsv'), join(MINI_DICTIONARIES, 'entities', 'shared-names.tsv')]);
});

test('every alias and curated compound goes to the segmenter with the entity part of speech', () => {
  const words = segmenterWords(loadKnowledgeBase(MINI_DICTIONARIES, converter));
  assert.ok(words.some((w) => w.word === '普京' && w.tag === 'nr'));
  assert.ok(words.some((w) => w.word === '北约' && w.tag === 'nt'));
  assert.ok(words.some((w) => w.word === '港澳'));
  assert.ok(!words.some((w) => /\s/.test(w.word)), 'multi-word English names are matched across tokens instead');
});

test('a malformed entity file is a dictionary error naming the file', () => {
  const noType = userFile('id\tname\taliases\nx\ty\tz\n');
  assert.throws(
    () => loadKnowledgeBase(MINI_DICTIONARIES, converter, [noType]),
    (e: unknown) => e instanceof DictionaryError && e.message.includes(noType) && e.message.includes('type'),
  );
  const badType = userFile('id\ttype\tname\taliases\nx\tANIMAL\t熊猫\t\n');
  assert.throws(() => loadKnowledgeBase(MINI_DICTIONARIES, converter, [badType]), /ANIMAL/);
});

test('a shared name lists its readings, the default first, with places and cue words apart', () => {
  const shared = loadKnowledgeBase(MINI_DICTIONARIES, converter).sharedNames.get('民主党')!;
  assert.deepEqual(
    shared.readings.map((r) => r.id),
    ['org:democrats_us', 'org:democrats_hk'],
  );
  assert.deepEqual([...shared.readings[1]!.places], ['HK']);
  assert.deepEqual(shared.readings[1]!.cues, ['立法会']);
  assert.deepEqual([...shared.qualifiers], ['人民', '社会']);
});

test('a shared name whose first reading is not the entity it is an alias of is a dictionary error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-kb-'));
  mkdirSync(join(dir, 'entities'));
  for (const f of ['countries.tsv', 'organizations.tsv']) copyFileSync(join(MINI_DICTIONARIES, 'entities', f), join(dir, 'entities', f));
  writeFileSync(join(dir, 'entities', 'shared-names.tsv'), 'name\tid\tcontext\n民主党\torg:democrats_hk\tHK\n');
  assert.throws(
    () => loadKnowledgeBase(dir, converter),
    (e: unknown) => e instanceof DictionaryError && e.message.includes('shared-names.tsv') && e.message.includes('org:democrats_us'),
  );
  writeFileSync(join(dir, 'entities', 'shared-names.tsv'), 'name\tid\tcontext\n民主党\torg:nobody\tHK\n');
  assert.throws(() => loadKnowledgeBase(dir, converter), /unknown id org:nobody/);
});
