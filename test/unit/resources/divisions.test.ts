import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { divisionEntities, loadDivisionTable } from '../../../src/resources/divisions.js';
import { loadKnowledgeBase } from '../../../src/resources/knowledge-base.js';
import { createScriptConverter } from '../../../src/resources/script-converter.js';
import { MINI_DICTIONARIES } from '../../helpers.js';

test('divisions: ids by GB/T 2260 code, shared names by name, short forms for cities only', () => {
  const table = {
    '86': { '130000': '河北省', '220000': '吉林省', '810000': '香港特别行政区' },
    '130000': { '130100': '石家庄市', '130200': '唐山市' },
    '130100': { '130101': '市辖区', '130102': '长安区', '130121': '井陉县' },
    '220000': { '220100': '长春市' },
    '220100': { '220102': '长安区' },
    '810000': { '810001': '中西區' },
  };
  const byName = new Map(divisionEntities(table).map((e) => [e.name, e]));
  assert.equal(byName.get('石家庄市')!.id, 'loc:gb2260-130100');
  assert.deepEqual(byName.get('石家庄市')!.aliases, ['石家庄市', '石家庄']);
  assert.deepEqual(byName.get('井陉县')!.aliases, ['井陉县'], 'counties keep their suffix');
  assert.equal(byName.get('长安区')!.id, 'loc~长安区', 'two divisions share the name');
  assert.ok(!byName.has('市辖区'));
  assert.ok(!byName.has('中西區'), 'Hong Kong is a region of its own');
  assert.equal(byName.get('河北省')!.type, 'LOC');
});

test('the knowledge base holds the divisions, below its own files', () => {
  const kb = loadKnowledgeBase(MINI_DICTIONARIES, createScriptConverter());
  assert.equal(kb.aliases.get('石家庄'), 'loc:gb2260-130100');
  assert.equal(kb.aliases.get('朝阳区'), 'loc~朝阳区');
  assert.ok(divisionEntities(loadDivisionTable()).length > 3000);
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-div-'));
  writeFileSync(join(dir, 'mine.tsv'), 'id\ttype\tname\taliases\nloc:sjz\tLOC\t石家庄\t\n');
  const withUser = loadKnowledgeBase(MINI_DICTIONARIES, createScriptConverter(), [join(dir, 'mine.tsv')]);
  assert.equal(withUser.aliases.get('石家庄'), 'loc:sjz', 'an entity file overrides a division');
});
