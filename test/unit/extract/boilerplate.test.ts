import assert from 'node:assert/strict';
import test from 'node:test';
import { isBoilerplateLine, isMeaningfulAlt } from '../../../src/stages/extract/boilerplate.js';
import { extract, texts } from './make-doc.js';

test('feed footer, promo, credit and date-stamp lines are boilerplate', () => {
  for (const line of [
    '获取更多RSS：',
    'https://feedx.net',
    'https://feedx.xyz(墙内)',
    'feedx.co\\pw已被污染',
    '点击查看本文英文版。',
    '點擊下載App',
    '延伸阅读：另一篇文章的标题',
    '责任编辑：某某#',
    '© 2020 AFP',
    'The post 某标题 first appeared on Some Site.',
    'Wed, 14 Oct 2020 21:34:23 GMT',
    '2020-10-14T22:46:35Z',
    'March 31, 2020',
    '（完）',
  ]) {
    assert.equal(isBoilerplateLine(line), true, line);
  }
});

test('article sentences that mention the same words are not boilerplate', () => {
  for (const line of [
    '网友点击量超过一百万次，相关新闻引发讨论。',
    '他说，责任编辑应当负责。',
    '2020-10-14是一个星期三。',
    '报道指出，获取更多RSS订阅的用户在增加。',
  ]) {
    assert.equal(isBoilerplateLine(line), false, line);
  }
});

test('alt texts: file names, URLs, numbers and generic words say nothing', () => {
  for (const alt of ['photo', 'Image 3', '1', 'DSC_0012.JPG', 'https://x.test/a.png', 'Presentational grey line', '图片']) {
    assert.equal(isMeaningfulAlt(alt), false, alt);
  }
  assert.equal(isMeaningfulAlt('抗议者在街头集会'), true);
});

test('BBC-style bulleted link lists are dropped, bullets with article text are kept', () => {
  const doc = extract(
    '<div><p>正文。</p><ul class="BulletedList-sc-1 x"><li class="BulletedListItem-sc-1"><a href="/a">相关报道一</a></li>' +
      '<li class="BulletedListItem-sc-1"><a href="/b"> 相关报道二 </a></li></ul>' +
      '<ul class="BulletedList-sc-1 x"><li>要点一：<a href="/c">某公司</a>的计划</li></ul></div>',
    'a/x.html',
  );
  assert.deepEqual(texts(doc), ['正文。', '要点一：某公司的计划']);
});

test('a related photo gallery (相关图集) after the article is dropped; a gallery post keeps its slides', () => {
  const withGallery = extract(
    '<div><p>正文。</p><h3>相关图集：往事回顾</h3><div><img src="a.jpg"><b>第一张</b>：说明一</div><div><img src="b.jpg"><b>第二张</b>：说明二</div></div>',
    'a/x.html',
  );
  assert.deepEqual(texts(withGallery), ['正文。']);
  const galleryPost = extract('<div><div><img src="a.jpg"><br><b>获奖作品</b>：一只狐狸</div></div>', 'a/y.html');
  assert.deepEqual(texts(galleryPost), ['获奖作品：一只狐狸']);
});
