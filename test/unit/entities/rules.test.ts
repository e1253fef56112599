// Recognition by rule (src/stages/entities/rules.ts) with the real dictionaries, on sentences
// written for these tests. Each test names what the rule must find and what it must leave alone.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { nameEntityId } from '../../../src/entity-ids.js';
import { loadResources } from '../../../src/pipeline/resources.js';
import { loadNameLexicon, NAME_FILES } from '../../../src/resources/name-lexicon.js';
import { createEntitiesStage } from '../../../src/stages/entities/index.js';
import { createNormalizeStage } from '../../../src/stages/normalize/index.js';
import { createSegmentStage } from '../../../src/stages/segment/index.js';
import type { Doc, Mention } from '../../../src/types.js';
import { docWithBlocks } from '../../helpers.js';

const resources = loadResources({ recognizer: 'rules' });
const stages = [createNormalizeStage(resources.converter), createSegmentStage(resources.segmenter), createEntitiesStage(resources.kb, resources.recognizers)];

function tag(...texts: string[]): Doc {
  const doc = docWithBlocks(texts);
  for (const s of stages) s.run(doc);
  return doc;
}
const spans = (doc: Doc) => doc.mentions.map((m) => `${m.surface}/${m.type}`);
const find = (doc: Doc, surface: string): Mention | undefined => doc.mentions.find((m) => m.surface === surface);

test('the rule tables are loaded once with the knowledge base, and listed with its files', () => {
  const names = resources.kb.names;
  assert.ok(names, 'dictionaries/names is read');
  assert.equal(names.surnames.get('王'), false);
  assert.equal(names.surnames.get('和'), true, '和 is a surname only with a cue');
  assert.ok(names.surnames.has('欧阳') && names.surnames.has('司马'), 'compound surnames');
  assert.equal(names.orgSuffixes.get('大学'), 'strong');
  assert.equal(names.orgSuffixes.get('市委'), 'alone');
  for (const file of NAME_FILES)
    assert.ok(
      resources.kb.files.some((f) => f.endsWith(join('names', file))),
      file,
    );
});

test('a Chinese name after a title: the mention is the name, the title is kept apart', () => {
  const doc = tag('局长刘建华说，工作已经完成。');
  const m = find(doc, '刘建华');
  assert.ok(m, spans(doc).join(' '));
  assert.equal(m.type, 'PERSON');
  assert.equal(m.source, 'rule');
  assert.equal(m.title, '局长');
  assert.equal(m.entity, nameEntityId('PERSON', '刘建华'));
  assert.equal(doc.blocks[0]!.text.slice(m.start, m.end), '刘建华');
});

test('a Chinese name before a reporting verb or a form of address', () => {
  assert.ok(find(tag('校长陈明华指出，会议很成功。'), '陈明华'));
  const doc = tag('赵明华先生说，他很满意。');
  assert.equal(find(doc, '赵明华')?.type, 'PERSON');
  assert.equal(find(doc, '赵明华')?.title, undefined, 'nothing before the name: no title');
});

test('a surname glued to a form of address is the name by itself (李老师 → 李)', () => {
  const doc = tag('李老师说，明天放假。');
  const m = doc.mentions.find((x) => x.type === 'PERSON');
  assert.equal(m?.surface, '李');
});

test('compound surnames give the whole name', () => {
  assert.deepEqual(spans(tag('欧阳修认为文章应当平易。')), ['欧阳修/PERSON']);
  assert.deepEqual(spans(tag('司马光说，此事可行。')), ['司马光/PERSON']);
});

test('names in a list beside a known name', () => {
  const doc = tag('记者王芳、李强报道');
  assert.equal(find(doc, '王芳')?.type, 'PERSON');
  assert.equal(find(doc, '王芳')?.title, '记者');
});

test('a transliterated name after a country and a title; the country stays a country', () => {
  const doc = tag('俄罗斯外长科兹洛夫指出，谈判有进展。');
  assert.deepEqual(spans(doc), ['俄罗斯/GPE', '科兹洛夫/PERSON']);
  assert.equal(find(doc, '科兹洛夫')?.title, '外长');
  const doc2 = tag('法国总统杜邦表示欢迎。');
  assert.equal(find(doc2, '杜邦')?.type, 'PERSON');
  assert.equal(find(doc2, '杜邦')?.title, '总统');
});

test('a person of the knowledge base gets its title too', () => {
  const doc = tag('外交部长王毅表示');
  const m = find(doc, '王毅');
  assert.equal(m?.entity, 'per:wang_yi');
  assert.equal(m?.source, 'kb');
  assert.equal(m?.title, '外交部长');
});

test('organisations by suffix take in the place before them', () => {
  assert.deepEqual(spans(tag('他在上海师范大学任教。')), ['上海师范大学/ORG']);
  const doc = tag('河北省文化厅发布通知。');
  assert.deepEqual(spans(doc), ['河北省文化厅/ORG'], '河北省 is inside the organisation, not counted again');
  assert.equal(doc.mentions[0]!.entity, nameEntityId('ORG', '河北省文化厅'));
  // the organisation inside a title word: 局长 is not part of the name
  assert.deepEqual(spans(tag('杭州市教育局局长出席')), ['杭州市教育局/ORG']);
});

test('a bare organisation word names an organisation (市委), a generic phrase does not', () => {
  assert.equal(find(tag('市委决定召开会议。'), '市委')?.type, 'ORG');
  assert.deepEqual(spans(tag('各级干部都要学习。')), [], '干部 ends in 部 but is no organisation');
  assert.deepEqual(spans(tag('全部工作已经结束。')), []);
});

test('places by suffix and area words', () => {
  assert.deepEqual(spans(tag('她去了青浦县。')), ['青浦县/LOC']);
  assert.deepEqual(spans(tag('黄河流域降雨')), ['黄河/LOC'], '流域 is not part of the name');
});

test('a surname character inside an ordinary word is no name', () => {
  for (const text of ['他很高兴。', '他张开双臂。', '把行李放下。', '王国的历史很长。', '高兴地说']) {
    assert.deepEqual(spans(tag(text)), [], text);
  }
});

test('days of the week and bare organisation heads are no entities', () => {
  assert.deepEqual(spans(tag('两国代表周二举行会谈')), [], '周二 is Tuesday, not a person named 周');
  assert.deepEqual(spans(tag('测试通讯社：消息')), [], 'a bare 通讯社 names no agency');
});

test('a transliterated word after a locative is a place, not a person', () => {
  const doc = tag('会议在图卢兹举行');
  assert.equal(
    doc.mentions.some((m) => m.type === 'PERSON'),
    false,
    spans(doc).join(' '),
  );
});

test('names never run across blocks; offsets point at the surface', () => {
  const doc = tag('局长', '刘建华说');
  const m = find(doc, '刘建华');
  assert.ok(m);
  assert.equal(m.block, 1);
  assert.equal(m.title, undefined, 'the title is in another block');
  const doc2 = tag('局长刘建华说，河北省文化厅发布通知。', '法国总统杜邦表示欢迎。');
  assert.ok(doc2.mentions.length >= 4);
  for (const x of doc2.mentions) assert.equal(doc2.blocks[x.block]!.text.slice(x.start, x.end), x.surface);
});

test('the lexicon reports a bad organisation-suffix kind', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-names-'));
  mkdirSync(join(dir, 'names'));
  for (const f of NAME_FILES) writeFileSync(join(dir, 'names', f), '# empty\n');
  writeFileSync(join(dir, 'names', 'org-suffixes.txt'), '大学\tbig\n');
  assert.throws(() => loadNameLexicon(join(dir, 'names'), (s) => s), /needs "strong", "named" or "alone"/);
  assert.equal(
    loadNameLexicon(join(dir, 'missing'), (s) => s),
    undefined,
  );
});

test("the rules' word lists come from rule-words.txt: a missing list or a line without a name is reported with the file", () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtext-names-'));
  mkdirSync(join(dir, 'names'));
  for (const f of NAME_FILES) writeFileSync(join(dir, 'names', f), '# empty\n');
  const words = join(dir, 'names', 'rule-words.txt');
  writeFileSync(words, 'team-ends: 球队\n');
  assert.throws(
    () => loadNameLexicon(join(dir, 'names'), (s) => s),
    (e: Error) => e.message.includes(words) && e.message.includes('"generic-heads" is missing'),
  );
  writeFileSync(words, '球队 公司\n');
  assert.throws(() => loadNameLexicon(join(dir, 'names'), (s) => s), /expected "name: entries…"/);
  // the package's file: sets of words, and tables of characters
  const lex = resources.kb.names!;
  assert.ok(lex.words.genericHeads.has('公司'));
  assert.equal(lex.words.travelVerbs['访'.charCodeAt(0)], 1);
  assert.equal(lex.words.travelVerbs['说'.charCodeAt(0)], 0);
  assert.equal(lex.words.followerEnds['府'.charCodeAt(0)], 1, '政府 follows places');
});

test('an unknown word of a surname and a common given name is a name without a cue; jieba-tagged ordinary nouns are not', () => {
  // names jieba does not know come out as one unknown word: read by the given-name table
  const doc = tag('王芳在关键时刻站了出来。');
  assert.equal(find(doc, '王芳')?.type, 'PERSON', spans(doc).join(' '));
  // 安全性 and 许可证 are in jieba's dictionary as nr; their last characters never end a given name
  const plain = tag('公众对核电安全性的疑虑，以及出口许可证的管理。');
  assert.deepEqual(
    plain.mentions.filter((m) => m.type === 'PERSON').map((m) => m.surface),
    [],
  );
});

test('a name glued to the verb after it is cut before the verb (赵华说 → 赵华)', () => {
  const doc = tag('法学班班长赵华说，形象很好。');
  assert.ok(find(doc, '赵华'), spans(doc).join(' '));
});

test('a known person glued to a word (邓小平理论) is the person, with the knowledge-base id', () => {
  const doc = tag('要认真学习邓小平理论。');
  const m = find(doc, '邓小平');
  assert.ok(m, spans(doc).join(' '));
  assert.equal(m.entity, resources.kb.aliases.get('邓小平'));
});

test('surname with 某, 老 or a form of address: the surname alone is the name (郑某, 老王)', () => {
  assert.equal(find(tag('同村郑某叫来看热闹的人。'), '郑')?.type, 'PERSON');
  assert.equal(find(tag('老王的女儿要考大学了。'), '王')?.type, 'PERSON');
  // 老师 is a word, not 老 and a surname
  assert.equal(tag('老师们都来了。').mentions.length, 0);
});

test('a verb after a title is not a name (法官展开调查)', () => {
  const doc = tag('当地法官展开调查，原因不明。');
  assert.deepEqual(
    doc.mentions.filter((m) => m.type === 'PERSON').map((m) => m.surface),
    [],
  );
});

test('one-character place forms inside words: 在京, 赴藏, 京剧, 美军, 俄总统', () => {
  const beijing = resources.kb.aliases.get('北京');
  const m = find(tag('代表团今天离京回国。'), '京');
  assert.equal(m?.entity, beijing);
  assert.equal(find(tag('他录制了一批京剧唱段。'), '京')?.entity, beijing);
  assert.equal(find(tag('大学生毕业后赴藏工作。'), '藏')?.entity, resources.kb.aliases.get('西藏'));
  assert.equal(find(tag('美军士兵撤离了。'), '美')?.entity, 'US');
  assert.equal(find(tag('俄总统表示欢迎。'), '俄')?.entity, 'RU');
  assert.equal(find(tag('欧盟对华投资稳定增长。'), '华')?.entity, 'CN');
  // an ordinary word with one of those characters stays ordinary
  assert.equal(
    tag('这里的京东商城很大。').mentions.some((x) => x.surface === '京'),
    false,
  );
});

test('an alias with an area word or an era prefix counts the name alone (中东地区 → 中东, 新中国 → 中国)', () => {
  const region = find(tag('新中国成立以来，国家发生了巨变。'), '中国');
  assert.equal(region?.entity, 'CN');
});

test('a generic phrase with an organisation head is no organisation; a named one is', () => {
  const generic = tag('许多保险公司和电脑公司参加了。');
  assert.deepEqual(
    generic.mentions.filter((m) => m.type === 'ORG').map((m) => m.surface),
    [],
  );
  const named = tag('俄罗斯国家统计委员会公布了数据。');
  assert.ok(find(named, '俄罗斯国家统计委员会'), spans(named).join(' '));
  // a title is no organisation: 财政部 and 副部长, not 财政部副部
  const titled = tag('财政部副部长金人庆说。');
  assert.ok(!titled.mentions.some((m) => m.surface.includes('副部')), spans(titled).join(' '));
});

test('Japanese names: run on into a given name, or the family name with a title after it', () => {
  const full = tag('日本首相桥本龙太郎在今天晚上会见了代表团。');
  assert.equal(find(full, '桥本龙太郎')?.type, 'PERSON', spans(full).join(' '));
  const family = tag('而桥本首相则在会谈中表示欢迎。');
  assert.equal(find(family, '桥本')?.type, 'PERSON', spans(family).join(' '));
});

test('a bare body name that many countries have is tagged but given no entity to count (国会, 外交部)', () => {
  const doc = tag('国会昨天通过了法案，外交部表示欢迎。');
  const congress = find(doc, '国会');
  assert.equal(congress?.type, 'ORG', spans(doc).join(' '));
  assert.equal(congress?.ambiguous, true);
  assert.equal(find(doc, '外交部')?.ambiguous, true);
  // a place before a generic head names no body: 中国公司 is Chinese companies
  const generic = tag('许多中国公司参加了展览。');
  assert.equal(find(generic, '中国')?.type, 'GPE', spans(generic).join(' '));
  assert.ok(!generic.mentions.some((m) => m.type === 'ORG'), spans(generic).join(' '));
});

test('a country opening a word (中国京剧, 中国武术) or a country form after a verb in a word (驻华大使) is the country', () => {
  const art = tag('他首先建立中国武术专项。');
  assert.equal(find(art, '中国')?.entity, 'CN', spans(art).join(' '));
  const envoy = tag('新任驻华大使昨天抵达。');
  const m = find(envoy, '华');
  assert.equal(m?.entity, 'CN', spans(envoy).join(' '));
  assert.equal(m.end - m.start, 1);
  // a currency named after a country is no mention of it
  assert.ok(!find(tag('削减15亿挪威克朗。'), '挪威'));
});

test('a part of a full name the document gives (亨特·拜登 … 亨特) is the same person', () => {
  const doc = tag('亨特·拜登的电子邮件曝光。', '亨特表示，他没有做错事。');
  const full = find(doc, '亨特·拜登');
  assert.ok(full && full.source === 'kb', spans(doc).join(' '));
  const part = doc.mentions.find((m) => m.surface === '亨特' && m.block === 1);
  assert.equal(part?.entity, full.entity, spans(doc).join(' '));
  // without the full name in the document the part keeps a rule id of its own
  assert.notEqual(find(tag('亨特表示，他没有做错事。'), '亨特')?.entity, full.entity);
});

test('a known body with a company word is that body (微软公司); a country with 队 is its team (智利队)', () => {
  const doc = tag('微软公司宣布了新产品。');
  assert.equal(find(doc, '微软公司')?.entity, resources.kb.aliases.get('微软'), spans(doc).join(' '));
  assert.equal(find(tag('智利队以2比0获胜。'), '智利队')?.type, 'ORG');
});

test('a county named without 县 or 市, which jieba tags as a place, is that division (江阴 → 江阴市)', () => {
  const doc = tag('读书节把江阴的家庭读书活动推向高潮。');
  const m = find(doc, '江阴');
  assert.equal(m?.entity, resources.kb.aliases.get('江阴市'), spans(doc).join(' '));
});

test('ordinary words are not read as one-character country forms or places (加剧, 保护法, 贫困县)', () => {
  assert.equal(
    tag('金融危机加剧了失业。').mentions.some((m) => m.entity === 'CA'),
    false,
  );
  assert.equal(
    tag('检查环境保护法的执行情况。').mentions.some((m) => m.entity === 'FR'),
    false,
  );
  const poor = tag('这里是国定贫困县，交通不便。');
  assert.deepEqual(
    poor.mentions.map((m) => m.surface),
    [],
    spans(poor).join(' '),
  );
  // a province's form before 剧 is the province
  assert.equal(find(tag('他爱看豫剧。'), '豫')?.entity, resources.kb.aliases.get('河南'));
});
