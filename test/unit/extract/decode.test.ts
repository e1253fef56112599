import assert from 'node:assert/strict';
import test from 'node:test';
import { codes, extract, texts } from './make-doc.js';

test('a file with a NUL byte is binary-file, fatal, and gets no blocks', () => {
  const doc = extract(Buffer.from([0x68, 0x69, 0x00, 0x21]), 'a/notes.md');
  assert.deepEqual(codes(doc), ['binary-file']);
  assert.equal(doc.messages[0]!.severity, 'fatal');
  assert.deepEqual(doc.blocks, []);
});

test('image, PDF, ZIP and gzip signatures are binary-file even without NUL bytes', () => {
  const samples: [string, number[]][] = [
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41]],
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0, 0x41]],
    ['gif', [...Buffer.from('GIF89a text')]],
    ['pdf', [...Buffer.from('%PDF-1.7 text')]],
    ['zip', [0x50, 0x4b, 0x03, 0x04, 0x41]],
    ['gzip', [0x1f, 0x8b, 0x08, 0x41]],
  ];
  for (const [name, bytes] of samples) {
    const doc = extract(Buffer.from(bytes), `a/${name}.md`);
    assert.deepEqual(codes(doc), ['binary-file'], name);
    assert.match(doc.messages[0]!.reason, /signature/, name);
  }
});

test('invalid UTF-8 (a GBK-encoded file) is utf8-invalid and names the byte offset', () => {
  // "中文" in GBK is D6 D0 CE C4: not valid UTF-8
  const doc = extract(Buffer.from([0x41, 0x42, 0xd6, 0xd0, 0xce, 0xc4]), 'a/gbk.txt');
  assert.deepEqual(codes(doc), ['utf8-invalid']);
  assert.equal(doc.messages[0]!.severity, 'fatal');
  assert.match(doc.messages[0]!.reason, /offset 2/);
});

test('a BOM is stripped and CRLF line ends are normalised before front matter is read', () => {
  const text = '\ufeff---\r\ntitle: 标题一\r\ndate: 2020-10-14\r\n---\r\n\r\n第一段文字。\r\n\r\n第二段文字。\r\n';
  const doc = extract(text, 'a/post.md');
  assert.deepEqual(codes(doc), []);
  assert.equal(doc.meta.title, '标题一');
  assert.deepEqual(texts(doc), ['标题一', '第一段文字。', '第二段文字。']);
});

test('a path holding a newline gives the path-newline warning and the file is still read', () => {
  const doc = extract('---\ntitle: 标题\ndate: 2020-04-15\n---\n\n正文在这里。\n', 'rthk/2020-04-15-DW-\n标题.html');
  assert.deepEqual(codes(doc), ['path-newline']);
  assert.equal(doc.messages[0]!.severity, 'warning');
  assert.deepEqual(texts(doc, 'paragraph'), ['正文在这里。']);
  assert.equal(doc.meta.day, '2020-04-15');
});
