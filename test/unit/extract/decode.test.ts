import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { ROOT } from '../../helpers.js';
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

test('bytes that are not UTF-8 and too few to tell an encoding by are utf8-invalid, naming the byte offset', () => {
  // "中文" in GBK is D6 D0 CE C4: not valid UTF-8, and six bytes say nothing sure of their encoding
  const doc = extract(Buffer.from([0x41, 0x42, 0xd6, 0xd0, 0xce, 0xc4]), 'a/gbk.txt');
  assert.deepEqual(codes(doc), ['utf8-invalid']);
  assert.equal(doc.messages[0]!.severity, 'fatal');
  assert.match(doc.messages[0]!.reason, /offset 2/);
});

const FIXTURES = join(ROOT, 'test', 'fixtures', 'encodings');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const POST = fixture('post.md').toString('utf8');

test('a post saved in GBK, GB18030 or Big5 is detected, read as the same text, and says which encoding was assumed', () => {
  for (const [legacy, utf8, encoding] of [
    ['gbk.md', 'post.md', 'GB18030'],
    ['gb18030.md', 'post-gb18030.md', 'GB18030'],
    ['big5.md', 'post-traditional.md', 'Big5'],
  ] as const) {
    const doc = extract(fixture(legacy), 'a/legacy.md');
    assert.deepEqual(codes(doc), ['encoding-detected'], legacy);
    assert.equal(doc.messages[0]!.severity, 'warning');
    assert.match(doc.messages[0]!.reason, new RegExp(`read as ${encoding}, detected with confidence \\d+%`), legacy);
    assert.deepEqual(texts(doc), texts(extract(fixture(utf8), 'a/legacy.md')), legacy);
  }
});

test('UTF-16 with a byte-order mark, little- or big-endian, is read as the same text, with a note', () => {
  const le = Buffer.from(`\ufeff${POST}`, 'utf16le');
  const be = Buffer.from(le).swap16();
  for (const [name, bytes] of [
    ['UTF-16LE', le],
    ['UTF-16BE', be],
  ] as const) {
    const doc = extract(bytes, 'a/wide.md');
    assert.deepEqual(codes(doc), ['encoding-bom'], name);
    assert.match(doc.messages[0]!.reason, new RegExp(`read as ${name}`));
    assert.deepEqual(texts(doc), texts(extract(POST, 'a/wide.md')), name);
  }
});

test('bytes of a Western encoding are refused with the likeliest encoding named, not read as mojibake', () => {
  const latin1 = Buffer.from('Le président a déclaré mardi que la coopération avec le Japon et la Corée continuerait. '.repeat(4), 'latin1');
  const doc = extract(latin1, 'a/latin.md');
  assert.deepEqual(codes(doc), ['utf8-invalid']);
  assert.match(doc.messages[0]!.reason, /nor GB18030, GBK or Big5; the likeliest encoding, (ISO-8859-1|windows-1252)/);
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
