import assert from 'node:assert/strict';
import test from 'node:test';
import { createScriptConverter } from '../../../src/resources/script-converter.js';
import { classifyScript, createNormalizeStage } from '../../../src/stages/normalize/index.js';
import { toHalfWidth } from '../../../src/text/characters.js';
import { docWithBlocks } from '../../helpers.js';

const converter = createScriptConverter();
const normalize = createNormalizeStage(converter);

test('traditional text is read as traditional and converted to simplified of the same length', () => {
  const doc = docWithBlocks(['蓬佩奧表示，這裏的國際關係複雜。', '臺灣與香港的經濟']);
  normalize.run(doc);
  assert.equal(doc.script, 'traditional');
  assert.equal(doc.blocks[0]!.norm, '蓬佩奥表示，这里的国际关系复杂。');
  for (const b of doc.blocks) assert.equal(b.norm.length, b.text.length);
  assert.equal(doc.blocks[0]!.text, '蓬佩奧表示，這裏的國際關係複雜。', 'the original text is kept');
});

test('simplified text stays as it is', () => {
  const doc = docWithBlocks(['中国外交部长王毅会见俄罗斯外长。']);
  normalize.run(doc);
  assert.equal(doc.script, 'simplified');
  assert.equal(doc.blocks[0]!.norm, doc.blocks[0]!.text);
});

test('text with no Han characters has script none; a document with both scripts is mixed', () => {
  const english = docWithBlocks(['The Economist on trade']);
  normalize.run(english);
  assert.equal(english.script, 'none');
  const mixed = docWithBlocks(['這裏的國際關係', '这里的国际关系']);
  normalize.run(mixed);
  assert.equal(mixed.script, 'mixed');
});

test('classifyScript uses a 90% share of script-specific characters', () => {
  assert.equal(classifyScript(9, 1, 100), 'traditional');
  assert.equal(classifyScript(8, 2, 100), 'mixed');
  assert.equal(classifyScript(1, 9, 100), 'simplified');
  assert.equal(classifyScript(0, 0, 5), 'simplified');
  assert.equal(classifyScript(0, 0, 0), 'none');
});

test('full-width letters and digits become half-width; other full-width forms stay', () => {
  assert.equal(toHalfWidth('ＡＰＥＣ峰会２０２０年，（注）'), 'APEC峰会2020年，（注）');
  const doc = docWithBlocks(['Ｇ７峰會']);
  normalize.run(doc);
  assert.equal(doc.blocks[0]!.norm, 'G7峰会');
});

test('the dots between parts of a foreign name become one form', () => {
  const doc = docWithBlocks(['喬‧拜登與唐納德・川普']);
  normalize.run(doc);
  assert.equal(doc.blocks[0]!.norm, '乔·拜登与唐纳德·川普');
});

test('a compatibility ideograph becomes the unified one', () => {
  const doc = docWithBlocks(['台\uF963市']);
  normalize.run(doc);
  assert.equal(doc.blocks[0]!.norm, '台北市');
  assert.equal(doc.blocks[0]!.text, '台\uF963市');
});
