import assert from 'node:assert/strict';
import test from 'node:test';
import { codes, extract, outline, texts } from './make-doc.js';

test('an RTHK-style post: plain Markdown paragraphs separated by blank lines', () => {
  const doc = extract(
    '---\nlayout: post\ntitle: 新增病床陸續啟用\ndate: 2020-03-31 22:12:50.000000000 +08:00\ncategories: rthk\n---\n\n' +
      '醫院表示，本星期可以啟用多張病床。\n\n\u3000\u3000 \n\n局方又表示，會繼續\n增加人手。\n',
    'rthk-agora/2020-03-31-RTHK-新增病床陸續啟用.md',
  );
  assert.deepEqual(codes(doc), []);
  assert.deepEqual(outline(doc), ['title: 新增病床陸續啟用', 'paragraph: 醫院表示，本星期可以啟用多張病床。', 'paragraph: 局方又表示，會繼續 增加人手。']);
  assert.equal(doc.meta.date, '2020-03-31T22:12:50+08:00');
});

test('Markdown syntax is stripped: links keep their text, images become captions, emphasis and heading marks go', () => {
  const doc = extract(
    '---\ntitle: 标题\ndate: 2020-04-15\n---\n\n' +
      '## 会议结论\n\n' +
      '官员在[记者会](https://example.com/a "说明")上说，**措施**会_继续_执行，变量名 snake_case 不变。\n\n' +
      '![市民在公园散步](https://example.com/p.jpg)\n\n' +
      '![](https://example.com/q.jpg)\n\n' +
      '- 第一条\n- 第二条 `代码`\n\n' +
      '1. 编号一\n\n' +
      '> 引用的话\n\n' +
      '***\n\n' +
      '最后一句 &amp; 结束\\*。\n',
  );
  assert.deepEqual(outline(doc), [
    'title: 标题',
    'paragraph: 会议结论',
    'paragraph: 官员在记者会上说，措施会继续执行，变量名 snake_case 不变。',
    'caption: 市民在公园散步',
    'paragraph: 第一条',
    'paragraph: 第二条 代码',
    'paragraph: 编号一',
    'paragraph: 引用的话',
    'paragraph: 最后一句 & 结束*。',
  ]);
});

test('a plain text file: first line is the title, blank lines separate paragraphs', () => {
  const doc = extract('\n晚间新闻摘要\n\n今天有三件事。\n第二行接着说。\n\n第二段。\n', 'notes/2020-10-15-summary.txt');
  assert.deepEqual(outline(doc), ['title: 晚间新闻摘要', 'paragraph: 今天有三件事。 第二行接着说。', 'paragraph: 第二段。']);
  assert.deepEqual(codes(doc), ['date-from-filename']);
  assert.equal(doc.meta.day, '2020-10-15');
});

test('plain text keeps characters that would be Markdown syntax', () => {
  const doc = extract('标题行\n\n价格 *上涨* 了 [注]\n', '2020-10-15-a.txt');
  assert.deepEqual(texts(doc, 'paragraph'), ['价格 *上涨* 了 [注]']);
});

test('a text file with only a title line is read as its title, with a title-only warning', () => {
  const doc = extract('只有标题\n', '2020-10-15-a.txt');
  assert.deepEqual(codes(doc), ['date-from-filename', 'title-only']);
  assert.deepEqual(outline(doc), ['title: 只有标题']);
});

test('a post with neither a title nor any text is fatal body-empty', () => {
  const doc = extract('---\ntitle: \'\'\ndate: 2020-10-15\n---\n\n<div><img src="a.jpg"></div>\n', 'posts/2020-10-15-x.md');
  assert.deepEqual(codes(doc), ['body-empty']);
  assert.equal(doc.messages[0]!.severity, 'fatal');
});

test('kind is decided by content, not extension: HTML in a .md post and Markdown in a .html post', () => {
  const md = extract('---\ntitle: 甲\ndate: 2020-10-14\n---\n\n<div><p>HTML 正文。</p></div>\n', 'a/x.md');
  assert.deepEqual(texts(md, 'paragraph'), ['HTML 正文。']);
  const html = extract('---\ntitle: 乙\ndate: 2020-10-14\n---\n\n[链接文字](https://example.com) 之后的内容。\n', 'a/x.html');
  assert.deepEqual(texts(html, 'paragraph'), ['链接文字 之后的内容。']);
});
