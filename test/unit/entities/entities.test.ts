import assert from 'node:assert/strict';
import test from 'node:test';
import { loadResources } from '../../../src/pipeline/resources.js';
import { createEntitiesStage } from '../../../src/stages/entities/index.js';
import { createNormalizeStage } from '../../../src/stages/normalize/index.js';
import { createSegmentStage } from '../../../src/stages/segment/index.js';
import type { Doc } from '../../../src/types.js';
import { docWithBlocks, MINI_DICTIONARIES } from '../../helpers.js';

const resources = loadResources({ dictionaryDir: MINI_DICTIONARIES });
const stages = [createNormalizeStage(resources.converter), createSegmentStage(resources.segmenter), createEntitiesStage(resources.kb, resources.recognizers)];

function tag(...texts: string[]): Doc {
  const doc = docWithBlocks(texts);
  for (const s of stages) s.run(doc);
  return doc;
}
const ids = (doc: Doc) => doc.mentions.map((m) => m.entity);

test('compounds of one-character country forms count each country', () => {
  assert.deepEqual(ids(tag('中俄关系')), ['CN', 'RU']);
  assert.deepEqual(ids(tag('俄美会谈')), ['RU', 'US']);
  assert.deepEqual(ids(tag('在中俄印框架内')), ['CN', 'RU', 'IN']);
  // jieba cuts these in different ways: one word, or 中|俄|双方
  assert.deepEqual(ids(tag('中俄关系')), ['CN', 'RU']);
  assert.deepEqual(ids(tag('北约秘书长说，中俄双方')), ['org:nato', 'CN', 'RU']);
  assert.deepEqual(ids(tag('通报了俄美及俄与北约关系')), ['RU', 'US', 'org:nato'], 'jieba glues 俄美及');
});

test('compounds are not read inside ordinary words or dates', () => {
  assert.deepEqual(ids(tag('中美洲国家')), [], '中美洲 is Central America');
  assert.deepEqual(ids(tag('中英文版本')), []);
  assert.deepEqual(ids(tag('2月3日中俄外长会面')), ['CN', 'RU'], '日 after a number is a day');
  assert.deepEqual(ids(tag('昨日中俄外长会面')), ['CN', 'RU']);
  assert.deepEqual(ids(tag('这是一种美德')), [], 'compounds.tsv marks 美德 as an ordinary word');
});

test('X方 is the country X', () => {
  assert.deepEqual(ids(tag('美方表示')), ['US']);
  assert.deepEqual(ids(tag('中方回应')), ['CN']);
});

test('a curated compound reading wins over the one-character forms', () => {
  // 澳 alone is Australia, but 港澳 is Hong Kong and Macao
  assert.deepEqual(ids(tag('港澳居民')), ['HK', 'MO']);
});

test('a longer name is never read as the shorter one inside it', () => {
  assert.deepEqual(ids(tag('印度尼西亚总统')), ['ID']);
});

test('traditional and simplified forms, and other transliterations, get one id', () => {
  const doc = tag('普丁與王毅會面', '普京和蒲亭');
  assert.deepEqual(ids(doc), ['per:vladimir_putin', 'per:wang_yi', 'per:vladimir_putin', 'per:vladimir_putin']);
  assert.equal(doc.mentions[0]!.surface, '普丁');
  assert.equal(doc.mentions[0]!.type, 'PERSON');
  assert.deepEqual(
    doc.mentions.map((m) => m.surface),
    ['普丁', '王毅', '普京', '蒲亭'],
  );
});

test('aliases spanning several tokens match: a middle dot, an English name', () => {
  const doc = tag('弗拉基米尔·普京出席', 'the World Health Organization said, NATO too');
  assert.deepEqual(ids(doc), ['per:vladimir_putin', 'org:who', 'org:nato']);
  const who = doc.mentions[1]!;
  assert.equal(doc.blocks[1]!.text.slice(who.start, who.end), 'World Health Organization');
});

test('each country of a compound is mentioned at its own character; X方 at X', () => {
  const doc = tag('中俄印和美方');
  assert.deepEqual(
    doc.mentions.map((m) => [m.entity, m.surface, m.start, m.end]),
    [
      ['CN', '中', 0, 1],
      ['RU', '俄', 1, 2],
      ['IN', '印', 2, 3],
      ['US', '美', 4, 5],
    ],
  );
});

test('mention offsets point at the surface; sources say how each was found', () => {
  const doc = tag('北約秘書長說，中俄雙方');
  for (const m of doc.mentions) assert.equal(doc.blocks[m.block]!.text.slice(m.start, m.end), m.surface);
  assert.deepEqual(
    doc.mentions.map((m) => [m.entity, m.source]),
    [
      ['org:nato', 'kb'],
      ['CN', 'compound'],
      ['RU', 'compound'],
    ],
  );
});

test('single characters and ordinary words are not entities', () => {
  assert.deepEqual(ids(tag('美好的中午，他在中间')), []);
});

test('a shared name takes the reading its paragraph has cue words for, else the default', () => {
  assert.deepEqual(ids(tag('民主党参议员表示')), ['org:democrats_us']);
  assert.deepEqual(ids(tag('民主党今天表示')), ['org:democrats_us'], 'no evidence: the first reading');
  assert.deepEqual(ids(tag('民主党立法会议员表示')), ['org:democrats_hk']);
  assert.deepEqual(ids(tag('民主黨立法會議員表示')), ['org:democrats_hk'], 'cues match in either script');
  // a place alone is too weak: news of the US party names 香港 often
  assert.deepEqual(ids(tag('民主党批评香港局势')), ['org:democrats_us', 'HK']);
  assert.deepEqual(ids(tag('香港的民主党在立法会表示')), ['HK', 'org:democrats_hk']);
  // the evidence is the mention's own paragraph
  assert.deepEqual(ids(tag('立法会开会', '民主党今天表示')), ['org:democrats_us']);
});

test('a shared name after one of its qualifiers is part of another body, found by rule', () => {
  const doc = tag('人民民主黨表示');
  assert.deepEqual(ids(doc), ['org~人民民主党']);
  assert.equal(doc.mentions[0]!.surface, '人民民主黨');
  assert.equal(doc.mentions[0]!.source, 'rule');
  assert.deepEqual(ids(tag('支持民主党')), ['org:democrats_us'], 'a verb is no qualifier');
});
