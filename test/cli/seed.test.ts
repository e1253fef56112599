// The post the project started from (data/), through the whole pipeline with the real dictionaries:
// the people, countries and organizations it names, and its day in UTC+8.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { loadResources } from '../../src/pipeline/resources.js';
import { describeEntity } from '../../src/resources/knowledge-base.js';
import { ROOT } from '../helpers.js';

const SEED = 'data/2022-02-04-中俄外长会面双方就乌克兰问题协调立场.md';
const resources = loadResources();
const doc = createPipeline({ tzOffsetMinutes: 480 }, resources).process({ path: SEED, bytes: readFileSync(join(ROOT, SEED)) });
const found = (type: string) => new Set(doc.mentions.filter((m) => m.type === type).map((m) => describeEntity(resources.kb, m.entity).name));
const ids = new Set(doc.mentions.map((m) => m.entity));

test('the seed post is dated 2022-02-04 in UTC+8', () => {
  assert.deepEqual(doc.messages, []);
  assert.equal(doc.meta.date, '2022-02-04T07:00:00+08:00');
  assert.equal(doc.meta.day, '2022-02-04');
  assert.equal(doc.meta.outlet, '联合早报');
});

test('people: 王毅, 拉夫罗夫, 习近平, 普京', () => {
  for (const name of ['王毅', '拉夫罗夫', '习近平', '普京']) assert.ok(found('PERSON').has(name), name);
});

test('countries: CN, RU, UA, AF, US, IN (中俄印 and 俄美 count each)', () => {
  for (const id of ['CN', 'RU', 'UA', 'AF', 'US', 'IN']) assert.ok(ids.has(id), id);
  // each country at its own character of the compound
  const at = (text: string) => {
    const block = doc.blocks.findIndex((b) => b.text.includes(text));
    const start = doc.blocks[block]!.text.indexOf(text);
    return doc.mentions.filter((m) => m.block === block && m.start >= start && m.end <= start + text.length).map((m) => `${m.surface}:${m.entity}`);
  };
  assert.deepEqual(at('中俄印'), ['中:CN', '俄:RU', '印:IN']);
  assert.deepEqual(at('俄美'), ['俄:RU', '美:US']);
});

test('organizations: the SCO, NATO, BRICS, the UN', () => {
  const orgs = [...ids].filter((id) => describeEntity(resources.kb, id).type === 'ORG');
  for (const alias of ['上海合作组织', '北约', '金砖国家', '联合国']) {
    const id = resources.kb.aliases.get(alias);
    assert.ok(id && orgs.includes(id), `${alias} → ${id}`);
  }
  assert.equal(resources.kb.aliases.get('上合组织'), resources.kb.aliases.get('上海合作组织'), 'short and long form, one id');
});

test('no markup, entity or ad slot reaches the text; the title is not counted twice', () => {
  const text = doc.blocks.map((b) => b.text).join('\n');
  assert.doesNotMatch(text, /<|>|&lt;|&gt;|&amp;|dfp-ad|innity|paywall/);
  assert.equal(doc.blocks.filter((b) => b.text === '中俄外长会面双方就乌克兰问题协调立场').length, 1);
  assert.equal(doc.blocks[0]!.kind, 'title');
  assert.ok(doc.blocks.some((b) => b.kind === 'caption' && b.text.startsWith('中国外交部长王毅')));
});
