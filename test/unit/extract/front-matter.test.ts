import assert from 'node:assert/strict';
import test from 'node:test';
import { createExtractStage } from '../../../src/stages/extract/index.js';
import { codes, extract, makeDoc, texts } from './make-doc.js';

test('Jekyll fields: title, date, author, url from `from`, outlet from categories[0], tags ∪ categories', () => {
  const doc = extract(
    [
      '---',
      'layout: post',
      'title: "港口货运量回升 业者仍谨慎"',
      'date: 2020-10-15T02:10:00.000Z',
      'author: 某通讯社',
      'from: https://example.com/news/1',
      'tags: [ 经济, 某通讯社 ]',
      'comments: True',
      'categories: [ 某通讯社, 经济 ]',
      '---',
      '',
      '<p>货运量连续两个月回升。</p>',
    ].join('\n'),
  );
  assert.deepEqual(codes(doc), []);
  assert.deepEqual(doc.meta, {
    tags: ['经济', '某通讯社'],
    title: '港口货运量回升 业者仍谨慎',
    author: '某通讯社',
    outlet: '某通讯社',
    outletId: '某通讯社',
    outletWritten: '某通讯社',
    url: 'https://example.com/news/1',
    date: '2020-10-15T10:10:00+08:00',
    day: '2020-10-15',
  });
});

test('outlet falls back to tags[0], then author', () => {
  const withTags = extract('---\ntitle: 甲\ndate: 2020-10-14\ntags: [ 乙台 ]\nauthor: 丙报\n---\n\n正文。\n');
  assert.equal(withTags.meta.outlet, '乙台');
  const authorOnly = extract('---\ntitle: 甲\ndate: 2020-10-14\nauthor: 丙报\n---\n\n正文。\n');
  assert.equal(authorOnly.meta.outlet, '丙报');
  assert.deepEqual(authorOnly.meta.tags, []);
});

test('a bare-string category (rthk-agora) is one tag and the outlet', () => {
  const doc = extract('---\nlayout: post\ntitle: 標題\ndate: 2020-03-31 22:12:50.000000000 +08:00\ncategories: rthk\n---\n\n內文。\n');
  assert.equal(doc.meta.outlet, 'rthk');
  assert.deepEqual(doc.meta.tags, ['rthk']);
  assert.equal(doc.meta.day, '2020-03-31');
});

test('a multi-line YAML title (block scalar) is collapsed to one line', () => {
  const doc = extract('---\nlayout: post\ntitle: |2-\n\n  國際反應：\n  各方表態\ndate: 2020-04-15 20:54:43 +08:00\ncategories: dw\n---\n\n<p>正文。</p>\n');
  assert.equal(doc.meta.title, '國際反應： 各方表態');
  assert.deepEqual(doc.blocks[0], { kind: 'title', text: '國際反應： 各方表態', norm: '國際反應： 各方表態' });
});

test('scalars stay strings (FAILSAFE schema): an unquoted date is read by our parser, in the analysis zone', () => {
  // js-yaml's default schema would make this a Date at UTC midnight, i.e. 08:00 in UTC+8
  const doc = extract('---\ntitle: 123\ndate: 2020-10-14 23:30:00\n---\n\n正文。\n');
  assert.equal(doc.meta.title, '123');
  assert.equal(doc.meta.date, '2020-10-14T23:30:00+08:00');
});

test('unparsable YAML is fatal front-matter-invalid with the parser reason and the file line', () => {
  const doc = extract('---\ntitle: "未闭合的引号\ndate: 2020-10-14\ntags: [a, b\n---\n\n正文。\n');
  assert.deepEqual(codes(doc), ['front-matter-invalid']);
  assert.equal(doc.messages[0]!.severity, 'fatal');
  assert.match(doc.messages[0]!.reason, /line \d+/);
  assert.match(doc.messages[0]!.place ?? '', /^line \d+$/);
  assert.deepEqual(doc.blocks, []);
});

test('bad indentation names the line it is on', () => {
  const doc = extract('---\ntitle: 甲\n  date: 2020-10-14\n---\n\n正文。\n');
  assert.deepEqual(codes(doc), ['front-matter-invalid']);
  assert.equal(doc.messages[0]!.place, 'line 3');
});

test('front matter without a closing line, or that is not key: value fields, is front-matter-invalid', () => {
  assert.deepEqual(codes(extract('---\ntitle: 甲\n\n正文没有结束线。\n')), ['front-matter-invalid']);
  assert.deepEqual(codes(extract('---\n- 只是\n- 一个列表\n---\n\n正文。\n')), ['front-matter-invalid']);
});

test('two files with identical bytes get independent, correct metadata (no gray-matter cache sharing)', () => {
  const text = '---\ntitle: 同一篇\ndate: 2020-10-14\ntags: [ 甲 ]\n---\n\n正文。\n';
  const stage = createExtractStage({ tzOffsetMinutes: 480 });
  const a = makeDoc(text, 'x/2020-10-14-a.md');
  const b = makeDoc(text, 'y/2020-10-14-b.md');
  stage.run(a);
  a.meta.tags.push('被改动');
  stage.run(b);
  assert.deepEqual(b.meta.tags, ['甲']);
  assert.notEqual(a.meta, b.meta);
  assert.deepEqual(texts(b), ['同一篇', '正文。']);
});
