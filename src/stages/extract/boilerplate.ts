// Everything that is on the page but is not the article, as data: CSS selectors of elements to drop,
// selectors of caption elements, and text patterns of lines/blocks to drop. Each rule names the outlet
// it was seen in, so a rule can be checked (or retired) when an outlet changes its markup.
// Rules are kept narrow: an over-broad one silently deletes article text, which is worse than a
// stray credit line.

/** Elements that never hold article text, in any outlet. */
export const NON_TEXT_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'label',
  'nav',
  'link',
  'meta',
];

/** Elements dropped with everything inside them. */
export const REMOVE_SELECTORS: string[] = [
  ...NON_TEXT_TAGS,
  // 联合早报 (waimei and seed): DoubleClick slots and their wrappers
  '[id^="dfp-ad"]',
  '.dfp-tag-wrapper',
  'section#imu',
  // 联合早报: Innity in-article ad slot
  '[id^="innity"]',
  // 联合早报: paywall placeholder (Cxense)
  '.cx_paywall_placeholder',
  '[id^="sph_cdp"]',
  // 中央社 CNA: ad slots under the article
  '[id^="adslot"]',
  '[class*="adslot_"]',
  '.bottomArticleBanner',
  // 中央社 CNA: "延伸閱讀" related-article links
  '.moreArticle',
  // 中央社 CNA: related-story inserts between paragraphs, "看更多"/"關閉" buttons of the glossary box
  '.insertGroup',
  '.seeArticlemore',
  '.closeBox',
  // 德国之声: related-article link appended to a paragraph ("…。 <a rel="ArticleRef">延伸阅读: …</a>");
  // other ArticleRef links are words inside sentences and stay
  'a[rel="ArticleRef"]:contains("延伸阅读")',
  'a[rel="ArticleRef"]:contains("更多阅读")',
  'a[rel="ArticleRef"]:contains("延展阅读")',
  // 中央社 CNA: Infogram chart embed and its "title｜中央社 CNA / Infogram" link footer
  '.infogram-embed',
  'div:has(> a[href*="infogram.com"])',
  // 法广 RFI: hidden newsletter/app self-promotion and the "© 2020 AFP" photo credit
  '.o-self-promo',
  '.t-copyright',
  // 中国数字时代: WordPress "embedded post" card of another article (blockquote + iframe)
  '.wp-embedded-content',
  // 大纪元: DocumentCloud viewer embed (script + PDF/Text download links)
  '.DC-embed',
  // 大纪元: Google Translate browser-extension residue pasted with the article
  '#gtx-anchor',
  '.gtx-bubble',
  '.jfk-bubble',
  // 经济学人en: "This article appeared in the … section of the print edition" footnote
  '#Footnote',
  // BBC (2020 page): ad containers (styled-components class names like AdContainer-sc-8mk8fx-0)
  '[class*="AdContainer"]',
  '[data-e2e="advertisement"]',
  '.dotcom-ad',
  // BBC (2020 page): byline list and "1 小时前" relative timestamp above the article
  '[class*="StyledByline"]',
  '[class*="StyledTimestamp"]',
  // BBC (rthk-agora, older page): MPU ad slots
  '.bbccom_slot',
  '.bbccom_advert',
  '.mpu-ad',
  // BBC (older page): screen-reader-only labels ("图片版权", "Image caption") and photo agency credits
  '.off-screen',
  '.story-image-copyright',
  // BBC (older page): video player and its "你的器材不支持播放多媒体材料" fallback text
  '.media-player',
  '.media-player-wrapper',
  '.player-with-placeholder__caption',
  // 经济学人en: Google Publisher Tag slots and the podcast player embed
  '[id^="gpt-ad"]',
  '[data-test-id="Inline Ad"]',
  // 路透 Reuters: "我们的标准：汤森路透“信任原则”" trust badge
  '[class*="trustBadge"]',
  // 寒冬 Bitter Winter: PayPal donate widget
  '.widget',
  '.donate-us',
  // 自由亚洲电台 RFA: zoom icon link under photos
  '#zoomattribute',
  // 朝日 Asahi: thumbnails of the other photos of a gallery (alt="photo", no text)
  'ul.Thum',
  // generic, not in this corpus: share buttons and related-story carousels of common CMS themes
  // (WordPress Jetpack/YARPP, BBC topic tags) — cheap insurance for other archives
  '.tags-container',
  '.share-tools-list',
  '.sharedaddy',
  '.share-buttons',
  '.social-share',
  '.related-posts',
  '.jp-relatedposts',
  '.yarpp-related',
];

/**
 * Elements whose text is a photo caption: they become one `caption` block instead of paragraphs.
 * (figcaption is always one.)
 */
export const CAPTION_SELECTORS: string[] = [
  'figcaption',
  // 中央社 CNA: caption under the lead photo
  '.picinfo',
  // feed-generated posts (美国之音, 德国之声, 纽约时报): <div><small style="color: #999;">caption</small></div>
  'small[style*="#999"]',
  // 自由亚洲电台 RFA
  '.image-caption',
  // 路透 Reuters (rthk-agora): caption under the lead photo
  '[class*="Image_caption"]',
  // 美国之音 VOA
  '.imageCaption',
  // BBC (older page)
  '.media-caption',
  // 朝日 Asahi
  '.Caption',
  // WordPress themes (寒冬, 中国数字时代)
  '.wp-caption-text',
];

/**
 * Headings of related-link lists. An element whose whole text is one of these is dropped together
 * with the list it heads (its parent when the parent is mostly links, else the link lists after it).
 */
export const LINK_LIST_HEADINGS: RegExp[] = [
  // 中央社 CNA "延伸閱讀"; simplified form on 联合早报-style pages; 聚焦新聞 / 相关新闻 on HK and CN portals
  /^(延伸閱讀|延伸阅读|聚焦新聞|聚焦新闻|相关新闻|相關新聞|相关阅读|相關閱讀|推荐阅读|推薦閱讀|相关报道|相關報導|更多新闻|更多新聞|相关主题|相關主題|Related (stories|articles|topics))\s*[:：]?$/i,
];

/**
 * Headings of related photo galleries: the heading and the gallery slides after it (elements that
 * start with an <img>) are dropped. A post that is itself a gallery has no such heading.
 */
export const GALLERY_HEADINGS: RegExp[] = [
  // 德国之声 / DW: "相关图集：图片回顾中共建政70年之三：十年浩劫" + <div><img><b>title</b>：caption</div>…
  /^(相关图集|相關圖集)[:：]/,
];

/**
 * Lists that are "related stories" when every item is nothing but a link (checked in html.ts), so a
 * list of links that is the article itself (CCTV新闻联播's run-down of the bulletin) is not touched.
 */
export const LINK_ONLY_LISTS: string[] = [
  // 自由亚洲电台 RFA: <ul><li><b><a class="external-link">related story</a></b></li></ul> mid-article
  'ul:has(a.external-link)',
  // BBC (2020 page): bulleted lists of links to other BBC stories between paragraphs
  'ul[class*="BulletedList"]',
];

/**
 * Text markers of boilerplate containers: the smallest element whose text starts with one of these
 * is dropped whole (its links and line breaks included).
 */
export const CONTAINER_MARKERS: RegExp[] = [
  // feedx feed footer (纽约时报, BBC, and other waimei/rthk-agora feeds): "获取更多RSS：https://feedx.net …"
  /^获取更多RSS/,
  /^獲取更多RSS/,
];

/**
 * Whole lines (parts between <br>s, or whole paragraphs) that are dropped. Anchored: a pattern must
 * match the entire line, so article sentences that merely mention these words survive.
 */
export const DROP_LINE_PATTERNS: RegExp[] = [
  // feedx footer pieces when they are not inside their own element
  /^获取更多RSS.*$/,
  /^https?:\/\/feedx\.[a-z]+\S*(\s*\((墙外|墙内)\))?$/,
  /^feedx\.\S*已被污染$/,
  // 纽约时报: "点击查看本文英文版。" link; app promos on CN portals "点击下载…", "點擊…"
  /^(点击|點擊|点此|點此)(查看|下载|下載|进入|進入|收听|收聽|阅读|閱讀|订阅|訂閱|这里|這裡|此处|此處|关注|關注|打开|打開).{0,60}$/,
  // 德国之声: copyright notice under every article
  /^©\s*\d{4}\s*年?\s*德国之声版权声明.*$/,
  /^©\s*\d{4}\s*年?\s*德國之聲版權聲明.*$/,
  // 寒冬 Bitter Winter: WordPress feed trailer "The post … first appeared on Bitter Winter."
  /^The post .* first appeared on .*\.$/,
  // 经济学人en: podcast listen/subscribe links
  /^Listen on: .*$/,
  /^Please subscribe to The Economist for full access.*$/,
  // 路透 Reuters: "我们的标准：汤森路透“信任原则”" when the badge class is missing
  /^我们的标准[:：]\s*汤森路透“信任原则”$/,
  // 德国之声 (rthk-agora and waimei): "延伸阅读: <link>", "延展阅读：<link>", "更多阅读：<link>" related-article lines
  /^(延伸阅读|延伸閱讀|延展阅读|延展閱讀|更多阅读|更多閱讀|相关阅读|相關閱讀|相关新闻|相關新聞|推荐阅读|推薦閱讀)\s*[:：].*$/,
  // 德国之声: "相关图集：…" links to photo galleries
  /^(相关图集|相關圖集)[:：].*$/,
  // 路透 Reuters: "详情点选：here", "参看数据详情，可点选国家卫健委网站 here" (link pointers)
  /^.{0,40}(点选|點選)[:：]?\s*.{0,20}\bhere$/,
  // 大纪元: programme credits "大纪元《新闻看点》制作组"
  /^.{0,10}《[^》]{1,15}》制作组$/,
  // image credits or end marks alone on a line: 大纪元 caption "（大纪元）", "（网络图片）", 美国之音 "（美国之音）",
  // 路透 "（完）" — a short parenthesis with nothing else is never a sentence
  /^[（(][^（）()]{1,12}[）)]$/,
  // 德国之声: disclaimer under commentaries
  /^德国之声致力于为您提供客观中立的新闻报[道导].*$/,
  /^德國之聲致力於為您提供客觀中立的新聞報[道導].*$/,
  // 美国之音 (时事大家谈): disclaimer framed by "=====" lines
  /^=*\s*嘉宾和观众听众发表的都是个人观点，并不代表美国之音。?\s*=*$/,
  // 纽约时报 (daily briefing): newsletter outro
  /^感谢阅读今天的简报.*$/,
  // 大纪元 (video programmes): outro asking for tips and subscriptions
  /^好，如果您有爆料信息.*$/,
  // 德国之声: disclaimer under press reviews
  /^\[摘编自其它媒体，不代表德国之声观点\]$/,
  // 大纪元: live-stream promo block ("网络收看方式：" + channel links + donation appeal)
  /^网络收看方式[:：]$/,
  /^大纪元新闻网[:：]\s*https?:\/\/\S+.*$/,
  /^大纪元(YouTube|脸书)直播[:：].*$/,
  /^【支持】为真相护航.*$/,
  /^新唐人大纪元《直播节目》制作组$/,
  // 大纪元 (新闻解毒) and 美国之音 (时事大家谈): channel/subscription promos with links
  /^欢迎订阅YouTube频道[:：].*$/,
  /^(推特|脸书|臉書)专页[:：]\s*\S+.*$/,
  /^《[^》]{1,20}》YouTube播放列表[:：]\s*\S+$/,
  // 经济学人en: subscription and newsletter promos, print-edition note
  /^For full access to print, digital and audio editions of The Economist.*$/,
  /^Editor’s note: Some of our covid-19 coverage is free.*$/,
  /^Dig deeper: Read the best of our 2020 campaign coverage.*$/,
  /^This article appeared in the .* section of the print edition.*$/,
  // 法广: agency photo credit left as a paragraph ("© 2020 AFP"); same shape for other agencies
  /^©\s*\d{4}\s+[A-Za-z][A-Za-z .&/-]{0,30}$/,
  // 中央社 CNA: video credit under embedded videos ("影片來源：MLB")
  /^(影片|視頻|视频)(來源|来源)[:：].{0,30}$/,
  // staff credit lines, not article text: 大纪元 "责任编辑：李穹#", 自由亚洲电台 "记者：乔龙 责编：… 网编：…",
  // 路透 "编译 刘静；审校 李军" / "发稿 …; 审校 …" / "作者 …" / "采写 …；撰写 …",
  // 德国之声 "邹宗翰/杨威廉 (法新社、路透社)", 寒冬 "寒冬記者 鄭潔"
  /^.{0,30}(责任编辑|責任編輯)\s*[:：].{0,20}$/,
  /^[（(]?.{0,40}(责编|責編|编辑|編輯)[:：\s].{0,30}(网编|網編)[:：\s].{0,10}[）)]?$/,
  /^(编译|編譯|发稿|發稿|采写|採寫|撰写|撰寫|审校|審校|记者|記者)[^。，！？]{0,40}(审校|審校|撰写|撰寫)[^。，！？]{0,30}$/,
  /^(审校|審校)\s*[\p{Script=Han}]{2,4}$/u,
  /^作者\s*[\p{Script=Han}·]{2,6}$/u,
  /^[\p{Script=Han}]{2,4}\s*\/\s*[\p{Script=Han}]{2,4}\s*[（(][^（）()]{1,30}[）)]$/u,
  /^寒冬記者\s*[\p{Script=Han}]{2,4}$/u,
  // generic: a line that is nothing but a URL (德国之声 podcast feed and iTunes links)
  /^(https?:\/\/|www\.)\S+$/,
  // bare date/time stamps the feeds put above articles (路透 "2020-10-14T22:46:35Z", 美国之音
  // "Wed, 14 Oct 2020 21:34:23 GMT", 法广 "14/10/2020 - 09:34", 朝日 "March 31, 2020",
  // 经济学人en "Oct 14th 2020", BBC "2020年 3月 31日")
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/,
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(:\d{2})?( GMT| UTC| [+-]\d{4})?$/,
  /^\d{1,2}\/\d{1,2}\/\d{4}( - \d{1,2}:\d{2})?$/,
  /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$/,
  /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(st|nd|rd|th)? \d{4}$/,
  /^\d{4}年\s*\d{1,2}月\s*\d{1,2}日$/,
];

/** Alt/title texts that say nothing about the picture (so they do not become captions). */
export const MEANINGLESS_ALT: RegExp[] = [
  /^(photo|image|img|picture|pic|icon|logo|thumbnail|banner|null|undefined|none|untitled|图片|圖片|照片|图|圖)\s*\d*$/i,
  // 大纪元: numbered images (alt="1")
  /^[\d\s._-]+$/,
  // BBC: divider image between sections
  /^presentational (grey|gray)? ?line$/i,
  /^presentational/i,
  // file names and URLs used as alt text
  /\.(jpe?g|png|gif|webp|svg|bmp)(\?.*)?$/i,
  /^(https?:)?\/\//i,
];

/** True when a line is feed/outlet boilerplate by one of the anchored patterns. */
export function isBoilerplateLine(line: string): boolean {
  return DROP_LINE_PATTERNS.some((re) => re.test(line));
}

export function isMeaningfulAlt(alt: string): boolean {
  return alt.length >= 2 && /[\p{L}\p{N}]/u.test(alt) && !MEANINGLESS_ALT.some((re) => re.test(alt));
}
