import assert from 'node:assert/strict';
import test from 'node:test';
import { countDocument } from '../../../src/stages/count/index.js';
import { linkSpans, termOf } from '../../../src/stages/count/terms.js';
import type { Doc, Token } from '../../../src/types.js';
import { docWithBlocks } from '../../helpers.js';

/** a document whose tokens are given by hand: [block, start, end, pos] over the block texts */
function handDoc(texts: string[], spans: [number, number, number, string][]): Doc {
  const doc = docWithBlocks(texts);
  doc.tokens = spans.map(([block, start, end, pos]): Token => {
    const text = texts[block]!.slice(start, end);
    return { block, start, end, text, norm: text, pos };
  });
  return doc;
}

// English stop words are read from the dictionaries like Chinese ones (stopwords-en.txt)
const rules = { stopwords: new Set(['表示', 'the']) };

test('terms: content words counted; stop words, function words, numbers, punctuation and single characters out', () => {
  // 经济 合作 表示 了 经济 。 | 2020 年 合作
  const doc = handDoc(
    ['经济合作表示了经济。', '2020年合作'],
    [
      [0, 0, 2, 'n'],
      [0, 2, 4, 'vn'],
      [0, 4, 6, 'v'],
      [0, 6, 7, 'ul'],
      [0, 7, 9, 'n'],
      [0, 9, 10, 'x'],
      [1, 0, 4, 'm'],
      [1, 4, 5, 'm'],
      [1, 5, 7, 'vn'],
    ],
  );
  const tally = countDocument(doc, rules);
  assert.deepEqual(
    [...tally.terms].map(([t, s]) => [t, s.count, s.docs]),
    [
      ['经济', 2, 1],
      ['合作', 2, 1],
    ],
  );
  assert.equal(tally.tokens, 8, 'word tokens: all but the full stop');
  assert.equal(tally.documents, 1);
});

/** block 0: 经济合作经济。合作发展！ (two sentences); block 1: 经济发展 (one) */
const economyDoc = () =>
  handDoc(
    ['经济合作经济。合作发展！', '经济发展'],
    [
      [0, 0, 2, 'n'],
      [0, 2, 4, 'vn'],
      [0, 4, 6, 'n'],
      [0, 6, 7, 'x'],
      [0, 7, 9, 'vn'],
      [0, 9, 11, 'vn'],
      [0, 11, 12, 'x'],
      [1, 0, 2, 'n'],
      [1, 2, 4, 'vn'],
    ],
  );

test('co-occurrence: each pair once per sentence in which both occur', () => {
  // sentence 1: 经济 合作 经济 ; sentence 2: 合作 发展 ; sentence 3 (block 1): 经济 发展
  const doc = economyDoc();
  const pairs = Object.fromEntries([...countDocument(doc, rules).termPairs].map(([k, s]) => [k, s.count]));
  assert.deepEqual(pairs, { '合作\t经济': 1, '发展\t合作': 1, '发展\t经济': 1 });
});

test('units: how many the document has, and how many hold each item, by the unit chosen', () => {
  // block 0: 经济合作经济。合作发展！ (two sentences); block 1: 经济发展 (one)
  const doc = economyDoc();
  const unitsOf = (t: ReturnType<typeof countDocument>) => [t.units, ...['经济', '合作', '发展'].map((w) => t.terms.get(w)!.units)];
  const pairsOf = (t: ReturnType<typeof countDocument>) => Object.fromEntries([...t.termPairs].map(([k, s]) => [k, s.count]));
  // sentences: 3; 经济 in sentences 1 and 3, 合作 in 1 and 2, 发展 in 2 and 3
  assert.deepEqual(unitsOf(countDocument(doc, rules)), [3, 2, 2, 2]);
  // paragraphs: 2; 经济 in both, 合作 in the first, 发展 in both
  const byParagraph = countDocument(doc, rules, { kind: 'paragraph' });
  assert.deepEqual(unitsOf(byParagraph), [2, 2, 1, 2]);
  assert.deepEqual(pairsOf(byParagraph), { '合作\t经济': 1, '发展\t合作': 1, '发展\t经济': 2 });
  const byDocument = countDocument(doc, rules, { kind: 'document' });
  assert.deepEqual(unitsOf(byDocument), [1, 1, 1, 1]);
  // windows of 2 word tokens: block 0 has 5 words (经济 合作 | 经济 合作 | 发展), block 1 has 2 (经济 发展):
  // 3 + 1 = 4 windows; 经济 in windows 1, 2 and 4; 合作 in 1 and 2; 发展 in 3 and 4
  const byWindow = countDocument(doc, rules, { kind: 'window', size: 2 });
  assert.deepEqual(unitsOf(byWindow), [4, 3, 2, 2]);
  assert.deepEqual(pairsOf(byWindow), { '合作\t经济': 2, '发展\t经济': 1 });
});

test('entity mentions and entity pairs', () => {
  const doc = handDoc(['中俄会谈。普丁说。'], []);
  doc.mentions = [
    { entity: 'CN', type: 'GPE', block: 0, start: 0, end: 2, surface: '中俄', source: 'compound' },
    { entity: 'RU', type: 'GPE', block: 0, start: 0, end: 2, surface: '中俄', source: 'compound' },
    { entity: 'per:putin', type: 'PERSON', block: 0, start: 5, end: 7, surface: '普丁', source: 'kb' },
  ];
  const tally = countDocument(doc, rules);
  assert.deepEqual(tally.entities.get('RU'), { mentions: 1, docs: 1, units: 1, surfaces: new Map([['中俄', 1]]) });
  assert.deepEqual([...tally.entityPairs.keys()], ['CN\tRU'], 'Putin is in another sentence');
});

test('an ambiguous mention (a bare 国会) is in no count and no pair', () => {
  const doc = handDoc(['美国国会开会。'], []);
  doc.mentions = [
    { entity: 'US', type: 'GPE', block: 0, start: 0, end: 2, surface: '美国', source: 'kb' },
    { entity: 'org~国会', type: 'ORG', block: 0, start: 2, end: 4, surface: '国会', source: 'rule', ambiguous: true },
  ];
  const tally = countDocument(doc, rules);
  assert.deepEqual([...tally.entities.keys()], ['US']);
  assert.equal(tally.entityPairs.size, 0);
});

test('termOf: English words lower-cased, English stop words out', () => {
  assert.equal(termOf('Economy', 'eng', rules), 'economy');
  assert.equal(termOf('the', 'eng', rules), undefined);
  assert.equal(termOf('中', 'x', rules), undefined);
  assert.equal(termOf('王毅', 'x', rules), '王毅');
  assert.equal(termOf('昨天', 't', rules), undefined);
});

test('web and mail addresses in the text are not terms', () => {
  const text = '网站（https://www.example.gov.tw/news）或来信info@example.org查询';
  assert.deepEqual(
    linkSpans(text).map((l) => text.slice(l.start, l.end)),
    ['https://www.example.gov.tw/news', 'info@example.org'],
  );
  // 网站 ( https : // www . example …) 或 来信 info @ example . org 查询
  const doc = handDoc(
    [text],
    [
      [0, 0, 2, 'n'],
      [0, 3, 8, 'eng'],
      [0, 11, 14, 'eng'],
      [0, 15, 22, 'eng'],
      [0, 36, 38, 'n'],
      [0, 38, 42, 'eng'],
      [0, 54, 56, 'v'],
    ],
  );
  assert.deepEqual([...countDocument(doc, rules).terms.keys()], ['网站', '来信', '查询']);
});

test('an address stays out however it is written: a full-width colon, a bare domain, a path, capitals', () => {
  const cases: [string, string[]][] = [
    ['视频见https：//www.youtube.com/playlist?list=PL-So5dawJ。', ['https：//www.youtube.com/playlist?list=PL-So5dawJ']],
    ['http://https：//www.youtube.com/x', ['http://https：//www.youtube.com/x']],
    ['（圖取自facebook.com/DDG52）', ['facebook.com/DDG52']],
    ['（图取自美国陆军网页army.mil）', ['army.mil']],
    ['DW.COM', ['DW.COM']],
    ['pic.twitter.com/u6L5ACrzOX 评论', ['pic.twitter.com/u6L5ACrzOX']],
    ['新北市衛生局網頁health.ntpc.gov.tw）', ['health.ntpc.gov.tw']],
  ];
  for (const [text, links] of cases)
    assert.deepEqual(
      linkSpans(text).map((l) => text.slice(l.start, l.end)),
      links,
      text,
    );
  // English prose with a lost space after a full stop, abbreviations and decimals are no addresses
  for (const text of ['the government said.It was', 'U.S. officials', 'No.1 and 3.5 percent', 'Mr.Smith arrived', 'e.g. this']) {
    assert.deepEqual(linkSpans(text), [], text);
  }
});
