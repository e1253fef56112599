import assert from 'node:assert/strict';
import test from 'node:test';
import { codes, extract, outline, texts } from './make-doc.js';

// A waimei-style post in the real shape (front matter, epoch comment, title link line, rule, <div>
// body with ad slots, a script, an iframe, a paywall slot and the feedx footer); text is made up.
const WAIMEI_POST = `---
layout: post
title: "河流治理计划公布 三座城市率先试点"
date: 2020-10-14T13:35:00.000Z
author: 某日报
from: https://example.com/news/story-1
tags: [ 某日报 ]
comments: True
categories: [ 某日报 ]
---
<!--1602682500000-->
[河流治理计划公布 三座城市率先试点](https://example.com/news/story-1)
------

<div>
<div class="figure-media"><img src="a.jpg" title="工人在河边清理垃圾。" alt="工人在河边清理垃圾。"></div>      <figcaption>工人在河边清理垃圾。</figcaption>
<p>当局周三公布了新的河流治理计划。</p><section id="imu"><div id="dfp-ad-imu1-wrapper" class="dfp-tag-wrapper"><div id="dfp-ad-imu1">广告位一</div></div></section>
<p>计划先在三座城市试点，&nbsp;为期两年。</p><div id="innity-in-post">广告位二</div>
<div class="pcBox adslot_infinite" id="adslot_pcBox_EndAd2">广告位三</div>
<section aria-label="广告 2" data-e2e="advertisement" class="AdContainer-sc-8mk8fx-0 itFDSt"><div>广告位四</div></section>
<script>var promo = "<p>脚本里的字</p>";</script><iframe src="https://example.com/player">播放器</iframe>
<div class="cx_paywall_placeholder" id="sph_cdp_40">付费墙</div>
<br><hr><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" target="_blank">https://feedx.net(墙外)</a> <br><a href="https://feedx.xyz">https://feedx.xyz(墙内)</a><br>feedx.co\\pw已被污染</div>
</div>
`;

test('a waimei-style post: header lines, ad slots, script, iframe, paywall and feed footer are all gone', () => {
  const doc = extract(WAIMEI_POST);
  assert.deepEqual(codes(doc), []);
  assert.deepEqual(outline(doc), [
    'title: 河流治理计划公布 三座城市率先试点',
    'caption: 工人在河边清理垃圾。',
    'paragraph: 当局周三公布了新的河流治理计划。',
    'paragraph: 计划先在三座城市试点， 为期两年。',
  ]);
  for (const b of doc.blocks) assert.equal(b.norm, b.text, 'norm is a copy of text until normalize runs');
  assert.equal(doc.meta.day, '2020-10-14');
  assert.equal(doc.meta.url, 'https://example.com/news/story-1');
});

test('the same caption as img alt, img title and figcaption gives one caption block', () => {
  const doc = extract(
    '<div><figure><img alt="市民排队接受检测。" title="市民排队接受检测。"><figcaption> 市民排队接受检测。 </figcaption></figure><p>正文。</p></div>',
    'a/x.html',
  );
  assert.deepEqual(texts(doc, 'caption'), ['市民排队接受检测。']);
});

test('an alt text followed by a caption that adds a credit keeps only the longer caption', () => {
  const doc = extract('<div><img alt="议员在会上发言"><div class="picinfo">议员在会上发言（资料照）</div><p>正文。</p></div>', 'a/x.html');
  assert.deepEqual(texts(doc, 'caption'), ['议员在会上发言（资料照）']);
});

test('meaningless alt texts and English alts in a Chinese article are not captions; English articles keep theirs', () => {
  const zh = extract('<div><img alt="photo"><img alt="IMG_2031.jpg"><img alt="A crowd on a street"><p>中文的正文内容。</p></div>', 'a/x.html');
  assert.deepEqual(texts(zh, 'caption'), []);
  const en = extract('<div><img alt="A crowd on a street"><p>The article is in English.</p></div>', 'a/y.html');
  assert.deepEqual(texts(en, 'caption'), ['A crowd on a street']);
});

test('headings, list items, divs with direct text and <br><br> runs are blocks in document order, nothing lost or repeated', () => {
  const doc = extract(
    '<div>开头的一句话。<h2>小标题</h2><ul><li>第一项</li><li>第二项 <b>加粗</b> 结尾</li></ul>' +
      '<div>一段直接写在div里的文字</div>第一行<br>同段第二行<br><br>另一段<br/><br/>再一段</div>',
    'a/x.html',
  );
  assert.deepEqual(texts(doc), ['开头的一句话。', '小标题', '第一项', '第二项 加粗 结尾', '一段直接写在div里的文字', '第一行 同段第二行', '另一段', '再一段']);
});

test('whitespace (NBSP, U+3000, tabs, line breaks in the source) collapses; zero-width characters go; entities decode', () => {
  const doc = extract('<p>\u3000\u3000第一\u00a0\u00a0句\n\t话&nbsp;&amp;&lt;结束&gt;</p><p>商\u200b业\u200d上\ufeff</p><p>&nbsp;\u3000</p>', 'a/x.html');
  assert.deepEqual(texts(doc), ['第一 句 话 &<结束>', '商业上']);
});

test('a body escaped a second time (seed shape) is parsed again, and its ad slots are dropped', () => {
  const body =
    '<div>\n<div class="figure-media"><img alt="两国官员握手。" title="两国官员握手。"></div> <figcaption>两国官员握手。</figcaption>  ' +
    '&lt;p&gt;第一段，双方会面。&lt;/p&gt;&lt;section id="imu"&gt;&lt;div id="dfp-ad-imu1"&gt;广告&lt;/div&gt;&lt;/section&gt;' +
    '&lt;p&gt;第二段&amp;nbsp;内容&amp;amp;细节。&lt;/p&gt;&lt;div id="innity-in-post"&gt;&lt;/div&gt;' +
    '&lt;div id="dfp-ad-midarticlespecial"&gt;广告&lt;/div&gt;&lt;p&gt;第三段。&lt;/p&gt;      &lt;div class="cx_paywall_placeholder" id="sph_cdp_40"&gt;&lt;/div&gt;\n</div>\n';
  const doc = extract(
    `---\ntitle: "会面"\ndate: 2022-02-03T23:00:00.000Z\nfrom: https://example.com/s\ntags: [ 某报 ]\ncategories: [ 某报 ]\n---\n<!--1643929200000-->\n[会面](https://example.com/s)\n------\n\n${body}`,
  );
  assert.deepEqual(outline(doc), [
    'title: 会面',
    'caption: 两国官员握手。',
    'paragraph: 第一段，双方会面。',
    'paragraph: 第二段 内容&细节。',
    'paragraph: 第三段。',
  ]);
  assert.equal(doc.meta.day, '2022-02-04');
});

test('延伸閱讀 link lists and related-story inserts are dropped, the article paragraph before them stays', () => {
  const doc = extract(
    "<div><p>正文最後一段。（編輯：某某）1091014</p><div class='paragraph moreArticle'><div class='moreArticle-title'>延伸閱讀</div>" +
      "<a class='moreArticle-link' href='/a'><span>另一則新聞標題</span></a><a class='moreArticle-link' href='/b'><span>第二則標題</span></a></div>" +
      '<div><h3>相关新闻</h3><ul><li><a href="/c">第三则标题</a></li></ul></div></div>',
    'a/x.html',
  );
  assert.deepEqual(texts(doc), ['正文最後一段。（編輯：某某）1091014']);
});

test('a sentence that merely mentions 相关新闻 or 点击 is kept', () => {
  const doc = extract('<p>网友转发了相关新闻，并点击了链接。</p><p>点击查看原文</p>', 'a/x.html');
  assert.deepEqual(texts(doc), ['网友转发了相关新闻，并点击了链接。']);
});

test('the feed header line <div><i>author<br>date</i></div> and bare date stamps are not text', () => {
  const doc = extract(
    '<div>\n<div><i>某作者<br>2020-10-14T12:13:04.216Z</i></div><p>正文第一段。</p><div>14/10/2020 - 09:34</div><p><i>斜体的正文</i></p></div>',
    'a/x.html',
  );
  assert.deepEqual(texts(doc), ['正文第一段。', '斜体的正文']);
});

test('bare HTML: <title> is the title and an <h1> repeating it is not a paragraph', () => {
  const doc = extract(
    '<!DOCTYPE html><html><head><title>山区公路通车</title><meta name="author" content="某记者"><style>p{color:red}</style></head>' +
      '<body><nav>首页 | 新闻</nav><h1>山区公路通车</h1><p>新公路今天通车。</p><form><input value="搜索"><button>搜索</button></form></body></html>',
    'site/2020-10-14-road.html',
  );
  assert.deepEqual(outline(doc), ['title: 山区公路通车', 'paragraph: 新公路今天通车。']);
  assert.equal(doc.meta.author, '某记者');
  assert.deepEqual(codes(doc), ['date-from-filename']);
});

test('bare HTML without <title> takes the <h1>', () => {
  const doc = extract('<div><h1>海上搜救结束</h1><p>搜救行动今天结束。</p></div>', '2020-10-14-a.html');
  assert.deepEqual(texts(doc), ['海上搜救结束', '搜救行动今天结束。']);
  assert.equal(doc.meta.title, '海上搜救结束');
});

test('a post whose body is only boilerplate is fatal body-empty', () => {
  const doc = extract(
    '---\ntitle: \'\'\ndate: 2020-04-15 21:54:31 +08:00\ncategories: dw\n---\n\n<br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a><br></div>\n',
  );
  assert.deepEqual(codes(doc), ['body-empty']);
  assert.equal(doc.messages[0]!.severity, 'fatal');
  assert.equal(doc.meta.title, undefined);
});

test('an English-only post is fine', () => {
  const doc = extract(
    '---\ntitle: Shipping rebounds\ndate: 2020-10-14T17:31:24Z\ncategories: [ 某周刊en ]\n---\n\n<div><p>Container volumes rose for a second month.</p><div id="gpt-ad-slot-1" data-test-id="Inline Ad"></div></div>\n',
  );
  assert.deepEqual(codes(doc), []);
  assert.deepEqual(texts(doc), ['Shipping rebounds', 'Container volumes rose for a second month.']);
});

test('a related-article link appended to a paragraph goes; the same kind of link on a word in a sentence stays', () => {
  const doc = extract(
    '<p>他呼吁各方克制。 <a href="/x" rel="ArticleRef">延伸阅读: 另一篇评论的标题</a></p>' +
      '<p>外界称之为<a href="/y" rel="ArticleRef">战狼</a>外交。</p><p><a href="/z" rel="ArticleRef">更多阅读：第三篇</a></p>',
    'a/x.html',
  );
  assert.deepEqual(texts(doc), ['他呼吁各方克制。', '外界称之为战狼外交。']);
});

test('a page of 10,000 nested <div>s is read, not a stack overflow: the text below the depth limit is kept, with a warning', () => {
  const page = (depth: number) =>
    `<html><body><p>第一段。</p>${'<div>'.repeat(depth)}深处的文字。<br>第二行。${'</div>'.repeat(depth)}<p>最后一段。</p></body></html>`;
  const doc = extract(page(10_000), 'a/2020-10-14-deep.html');
  assert.deepEqual(codes(doc), ['html-too-deep', 'date-from-filename']);
  assert.match(doc.messages[0]!.reason, /nests 1000\d elements deep/);
  // the same text as the page nested three deep
  const shallow = extract(page(3), 'a/2020-10-14-deep.html');
  assert.deepEqual(codes(shallow), ['date-from-filename']);
  assert.deepEqual(texts(doc), texts(shallow));
  assert.equal(texts(doc).length, 3);
});

test('markup escaped three times is read as markup, in HTML and in a Markdown post', () => {
  const thrice = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = thrice(thrice(thrice('<p>第一段。</p><p>第二段。</p>')));
  assert.match(body, /^&amp;amp;lt;p&amp;amp;gt;/);
  for (const [name, source] of [
    ['a/2020-10-14-escaped.html', body],
    ['a/2020-10-14-escaped.md', `---\ntitle: 标题\n---\n${body}\n`],
  ] as const) {
    const doc = extract(source, name);
    assert.deepEqual(
      texts(doc).filter((t) => t !== '标题'),
      ['第一段。', '第二段。'],
      name,
    );
  }
});
