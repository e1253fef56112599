import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import test from 'node:test';
import { loadResources } from '../../../src/pipeline/resources.js';
import { processSegmenter } from '../../../src/resources/segmenter.js';
import { createNormalizeStage } from '../../../src/stages/normalize/index.js';
import { createSegmentStage } from '../../../src/stages/segment/index.js';
import { docWithBlocks, MINI_DICTIONARIES } from '../../helpers.js';

const resources = loadResources({ dictionaryDir: MINI_DICTIONARIES });
const normalize = createNormalizeStage(resources.converter);
const segment = createSegmentStage(resources.segmenter);

test('token offsets point at their surface in the original block text', () => {
  const doc = docWithBlocks(['中國外交部長王毅會見俄羅斯外長。', '第二段 文字']);
  normalize.run(doc);
  segment.run(doc);
  assert.ok(doc.tokens.length > 5);
  for (const t of doc.tokens) {
    assert.equal(doc.blocks[t.block]!.text.slice(t.start, t.end), t.text);
    assert.equal(doc.blocks[t.block]!.norm.slice(t.start, t.end), t.norm);
  }
  assert.ok(
    doc.tokens.some((t) => t.block === 1),
    'the second block is segmented too',
  );
  assert.ok(!doc.tokens.some((t) => t.norm.trim() === ''), 'whitespace is not a token');
});

test('traditional and simplified forms of one sentence give the same tokens', () => {
  const trad = docWithBlocks(['俄羅斯通報了最新進展']);
  const simp = docWithBlocks(['俄罗斯通报了最新进展']);
  for (const d of [trad, simp]) {
    normalize.run(d);
    segment.run(d);
  }
  assert.deepEqual(
    trad.tokens.map((t) => t.norm),
    simp.tokens.map((t) => t.norm),
  );
  assert.equal(trad.tokens[0]!.text, '俄羅斯');
});

test('every knowledge-base alias is one token, with the entity part of speech', () => {
  const doc = docWithBlocks(['印度尼西亚和北大西洋公约组织']);
  normalize.run(doc);
  segment.run(doc);
  assert.deepEqual(
    doc.tokens.map((t) => t.norm),
    ['印度尼西亚', '和', '北大西洋公约组织'],
  );
  assert.equal(doc.tokens[0]!.pos, 'ns');
  assert.equal(doc.tokens[2]!.pos, 'nt');
});

test('the user dictionary is loaded', () => {
  const doc = docWithBlocks(['北京冬奥会开幕']);
  normalize.run(doc);
  segment.run(doc);
  assert.ok(doc.tokens.some((t) => t.norm === '冬奥会'));
});

test('one segmenter configuration per process: the same again is shared, another is refused', () => {
  const again = loadResources({ dictionaryDir: MINI_DICTIONARIES });
  assert.deepEqual(again.segmenter.tag('王毅会见'), resources.segmenter.tag('王毅会见'));
  assert.throws(() => processSegmenter({ userDicts: [], words: [{ word: '某某某', tag: 'nr' }] }), /different dictionary in this process/);
});

test('the generated word list is written to a folder of this process and removed once loaded', () => {
  const leftovers = readdirSync(tmpdir()).filter((name) => name.startsWith(`zhtext-segmenter-${process.pid}-`));
  assert.deepEqual(leftovers, []);
});
