// HTML → blocks. cheerio (parse5) builds the tree, css-select finds elements by selectors compiled once; we undo a second level of entity escaping, drop
// the boilerplate elements listed in boilerplate.ts, then walk the tree once in document order,
// cutting a block at every block-level element so no text is lost or read twice.
import { type CheerioAPI, load } from 'cheerio';
import { compile, selectAll as cssSelectAll, selectOne as cssSelectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import type { BlockBuilder } from './blocks.js';
import { CAPTION_SELECTORS, CONTAINER_MARKERS, GALLERY_HEADINGS, LINK_LIST_HEADINGS, LINK_ONLY_LISTS, NON_TEXT_TAGS, REMOVE_SELECTORS } from './boilerplate.js';
import { cleanText, decodeEntities } from './text.js';

/** What the HTML says about itself, besides its text (used for bare HTML files and as date fallback). */
export interface HtmlInfo {
  title?: string;
  /** candidate publication dates, best first (article:published_time, <time datetime>, …) */
  dates: string[];
  author?: string;
  outlet?: string;
  url?: string;
  /** the HTML nested deeper than MAX_DEPTH elements, this deep: what lay deeper was flattened to its text */
  flattenedFrom?: number;
}

/**
 * Elements nested deeper than this have their subtree flattened to its text nodes (and line breaks),
 * in order: the tree walks below recurse, and a page of 10,000 nested <div>s must be read, not
 * overflow the stack. Real pages nest a few dozen deep.
 */
export const MAX_DEPTH = 200;

/** Markup tags that, when they appear inside text (after one decoding), mean the body was escaped twice. */
const ESCAPED_MARKUP = /<\/?(p|div|section|span|br|img|h[1-6]|figure|figcaption|ul|ol|li|a|strong|em|b|i|blockquote|table|article)(\s[^<>]*)?\/?>/i;

/** Whether a string holds HTML markup of its own (as opposed to prose or Markdown). */
export function looksLikeHtml(text: string): boolean {
  return /<(p|div|html|body|head|article|section|span|br|img|h[1-6]|ul|ol|li|figure|table|blockquote|a\s)[\s>/]|<!doctype html/i.test(text);
}

/** Whether text is markup escaped as entities (&lt;p&gt;…), as in the seed post. */
export function looksEscaped(text: string): boolean {
  return ESCAPED_DEEPER.test(text);
}

/** markup escaped once or more (&lt;p&gt;, &amp;lt;p&amp;gt;, …) */
const ESCAPED_DEEPER = /&(?:amp;)*lt;\/?(p|div|section|span|br|img|h[1-6]|figure)(\s|&(?:amp;)*gt;|\/)/i;

// Elements that end the current block and start a new one.
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const SKIP_TAGS = new Set([...NON_TEXT_TAGS, 'head', 'title']);
// Selectors compiled once (css-select, which cheerio's $(selector) uses, compiling them at every call:
// a third of extraction's time when it did).
const query = (selector: string) => compile<AnyNode, Element>(selector);
type CompiledQuery = ReturnType<typeof query>;
const selectAll = (q: CompiledQuery, root: AnyNode): Element[] => cssSelectAll<AnyNode, Element>(q, root);
const selectOne = (q: CompiledQuery, root: AnyNode): Element | null => cssSelectOne<AnyNode, Element>(q, root);
const Q = {
  remove: query(REMOVE_SELECTORS.join(',')),
  captions: query(CAPTION_SELECTORS.join(',')),
  linkOnlyLists: query(LINK_ONLY_LISTS.join(',')),
  body: query('body'),
  title: query('title'),
  h1: query('h1'),
  div: query('div'),
  containers: query('div, p, section, footer, aside'),
  linkListHeadings: query('div, p, h2, h3, h4, h5, h6, span, strong, b, dt, li'),
  galleryHeadings: query('h1, h2, h3, h4, h5, h6, p, div'),
  publishedProperty: query('meta[property="article:published_time"]'),
  publishedName: query('meta[name="article:published_time"]'),
  datePublished: query('meta[itemprop="datePublished"]'),
  pubdate: query('meta[name="pubdate"]'),
  time: query('time[datetime]'),
  author: query('meta[name="author"]'),
  siteName: query('meta[property="og:site_name"]'),
  canonical: query('link[rel="canonical"]'),
  ogUrl: query('meta[property="og:url"]'),
};

/** every element of the document the query matches, in document order */
function all($: CheerioAPI, q: CompiledQuery): Element[] {
  return selectAll(q, $.root().get(0)!);
}

/** the first element of the document the query matches, as a selection (empty when none) */
function first($: CheerioAPI, q: CompiledQuery) {
  const el = selectOne(q, $.root().get(0)!);
  return $(el ? [el] : []);
}

export function extractHtml(html: string, out: BlockBuilder): HtmlInfo {
  const $ = load(html);
  let deepest = flattenDeep($.root().get(0)!);
  unescapeMarkupText($);
  deepest = Math.max(deepest, flattenDeep($.root().get(0)!));
  const info = readInfo($);
  if (deepest > MAX_DEPTH) info.flattenedFrom = deepest;
  // Bare HTML (or a post without a title field): <title> / <h1> is the title, and the <h1> in the
  // body repeating it is then not a paragraph too.
  if (out.title === undefined && info.title !== undefined) out.setTitle(info.title);
  $(all($, Q.remove)).remove();
  removeFeedHeader($);
  // The text-driven passes look at every element's text: run them only when their words occur.
  if (mentions(html, CONTAINER_MARKERS)) removeMarkedContainers($);
  if (mentions(html, LINK_LIST_HEADINGS)) removeLinkLists($);
  removeLinkOnlyLists($);
  if (mentions(html, GALLERY_HEADINGS)) removeRelatedGalleries($);
  const walker = new Walker(out, new Set(all($, Q.captions)));
  walker.walkChildren(selectOne(Q.body, $.root().get(0)!) ?? $.root().get(0)!);
  walker.flush();
  return info;
}

/**
 * Flattens every element at MAX_DEPTH to its text nodes and <br>s, in document order, without
 * recursion; returns how deep the tree went (at most MAX_DEPTH afterwards).
 */
function flattenDeep(root: AnyNode): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (!('children' in node)) continue;
    if (depth === MAX_DEPTH && node.children.length > 0) {
      const kept: AnyNode[] = [];
      const below: [AnyNode, number][] = node.children.map((c) => [c, depth + 1] as [AnyNode, number]).reverse();
      while (below.length > 0) {
        const [n, d] = below.pop()!;
        deepest = Math.max(deepest, d);
        if (n.type === 'text' || (n.type === 'tag' && n.name === 'br')) kept.push(n);
        else if ('children' in n && !(n.type === 'tag' && SKIP_TAGS.has(n.name)))
          for (let k = n.children.length - 1; k >= 0; k--) below.push([n.children[k]!, d + 1]);
      }
      kept.forEach((n, k) => {
        n.parent = node;
        n.prev = kept[k - 1] ?? null;
        n.next = kept[k + 1] ?? null;
      });
      node.children = kept;
      continue;
    }
    for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Whether the raw HTML contains a match of one of the (anchored) patterns anywhere. */
function mentions(html: string, patterns: RegExp[]): boolean {
  return patterns.some((re) => new RegExp(re.source.replace(/^\^/, '').replace(/\$$/, ''), re.flags).test(html));
}

/**
 * The seed post's body is HTML escaped a second time: after parsing, whole paragraphs are text nodes
 * reading "<p>…</p>". Such text nodes are parsed again in place, so the markup inside them goes
 * through the same boilerplate rules as the rest; text escaped further still (&amp;lt;p&amp;gt;) has
 * a level of entities undone a round first, up to four rounds in all.
 */
function unescapeMarkupText($: CheerioAPI): void {
  for (let round = 0; round < 4; round++) {
    const escaped: AnyNode[] = [];
    let decoded = false;
    const visit = (node: AnyNode): void => {
      if (node.type === 'text') {
        if (ESCAPED_MARKUP.test(node.data)) escaped.push(node);
        else if (ESCAPED_DEEPER.test(node.data)) {
          // escaped more than once (&amp;lt;p&amp;gt;): one level of entities undone a round
          node.data = decodeEntities(node.data);
          decoded = true;
        }
      } else if ('children' in node && !(node.type === 'tag' && SKIP_TAGS.has(node.name))) {
        for (const child of node.children) visit(child);
      }
    };
    visit($.root().get(0)!);
    if (escaped.length === 0 && !decoded) return;
    for (const node of escaped) $(node).replaceWith((node as unknown as { data: string }).data);
  }
}

function readInfo($: CheerioAPI): HtmlInfo {
  const info: HtmlInfo = { dates: [] };
  const attr = (q: CompiledQuery, name: string): string | undefined => {
    const v = first($, q).attr(name);
    return v === undefined ? undefined : cleanText(v) || undefined;
  };
  const title = cleanText(first($, Q.title).text()) || cleanText(first($, Q.h1).text());
  if (title) info.title = title;
  for (const d of [
    attr(Q.publishedProperty, 'content'),
    attr(Q.publishedName, 'content'),
    attr(Q.datePublished, 'content'),
    attr(Q.pubdate, 'content'),
    attr(Q.time, 'datetime'),
  ]) {
    if (d !== undefined && !info.dates.includes(d)) info.dates.push(d);
  }
  const author = attr(Q.author, 'content');
  if (author) info.author = author;
  const outlet = attr(Q.siteName, 'content');
  if (outlet) info.outlet = outlet;
  const url = attr(Q.canonical, 'href') ?? attr(Q.ogUrl, 'content');
  if (url) info.url = url;
  return info;
}

// A date-ish string: the feeds' header line always carries one.
const DATE_IN_TEXT = /\d{4}-\d{2}-\d{2}|\d{4}年|\bGMT\b|\b\d{1,2} [A-Z][a-z]{2} \d{4}\b|\b[A-Z][a-z]+ \d{1,2}, \d{4}\b/;

/**
 * The feeds behind waimei and rthk-agora (路透, 美国之音, 德国之声, 纽约时报, BBC) start the body with
 * `<div><i>author<br>date</i></div>`: a header, not article text. Only the first element of its
 * container, only when it is nothing but one <i>, and only when it holds a date.
 */
function removeFeedHeader($: CheerioAPI): void {
  for (const el of all($, Q.div)) {
    const kids = el.children.filter((c) => !(c.type === 'text' && c.data.trim() === ''));
    const only = kids[0];
    if (kids.length !== 1 || only?.type !== 'tag' || only.name !== 'i') continue;
    const parent = el.parent;
    const firstElement = parent && 'children' in parent ? parent.children.find((c) => c.type === 'tag') : el;
    if (firstElement !== el) continue;
    if (DATE_IN_TEXT.test($(only).text())) $(el).remove();
  }
}

/** Drops the smallest elements whose text starts with a CONTAINER_MARKERS pattern (feedx footer). */
function removeMarkedContainers($: CheerioAPI): void {
  const marked: Element[] = [];
  for (const el of all($, Q.containers)) {
    const text = cleanText($(el).text());
    if (!CONTAINER_MARKERS.some((re) => re.test(text))) continue;
    // keep only the innermost: an ancestor that also matches is left alone
    if (selectAll(Q.containers, el).some((inner) => CONTAINER_MARKERS.some((re) => re.test(cleanText($(inner).text()))))) continue;
    marked.push(el);
  }
  for (const el of marked) $(el).remove();
}

/** Drops "延伸閱讀"-style headings with the link list they introduce. */
function removeLinkLists($: CheerioAPI): void {
  const headings: Element[] = [];
  for (const el of all($, Q.linkListHeadings)) {
    const text = cleanText($(el).text());
    if (text.length <= 20 && LINK_LIST_HEADINGS.some((re) => re.test(text))) headings.push(el);
  }
  for (const heading of headings) {
    if (!heading.parent) continue; // already removed with an outer match
    const parent = $(heading).parent();
    // The heading's box holds the list: drop it all when, besides the heading, it is mostly links.
    const parentText = cleanText(parent.text()).length - cleanText($(heading).text()).length;
    const linkText = cleanText(parent.find('a').text()).length;
    if (parent.length && !parent.is('body') && parentText > 0 && linkText >= parentText * 0.8) {
      parent.remove();
      continue;
    }
    // Else the list follows the heading: drop following siblings that are link lists.
    let next = $(heading).next();
    while (next.length && isLinkList(next)) {
      const after = next.next();
      next.remove();
      next = after;
    }
    $(heading).remove();
  }
}

/** Drops GALLERY_HEADINGS headings and the image slides that follow them. */
function removeRelatedGalleries($: CheerioAPI): void {
  for (const el of all($, Q.galleryHeadings)) {
    if (!el.parent) continue;
    const text = cleanText($(el).text());
    if (text.length > 60 || !GALLERY_HEADINGS.some((re) => re.test(text))) continue;
    let next = $(el).next();
    while (next.length && next.children().first().is('img')) {
      const after = next.next();
      next.remove();
      next = after;
    }
    $(el).remove();
  }
}

/** Drops LINK_ONLY_LISTS lists in which every item's text is its link's text. */
function removeLinkOnlyLists($: CheerioAPI): void {
  for (const el of all($, Q.linkOnlyLists)) {
    const items = $(el).children('li').toArray();
    const allLinks =
      items.length > 0 &&
      items.every((li) => {
        const text = cleanText($(li).text());
        return text === '' || cleanText($(li).find('a').text()) === text;
      });
    if (allLinks) $(el).remove();
  }
}

function isLinkList(el: ReturnType<CheerioAPI>): boolean {
  const text = cleanText(el.text()).length;
  if (text === 0) return true;
  return cleanText(el.find('a').addBack('a').text()).length >= text * 0.8;
}

/** One pass over the tree, in document order, feeding the block builder. */
class Walker {
  private parts: string[] = [];

  constructor(
    private readonly out: BlockBuilder,
    private readonly captionElements: Set<Element>,
    private readonly inCaption = false,
  ) {}

  walkChildren(node: AnyNode): void {
    if ('children' in node) for (const child of node.children) this.walk(child);
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const raw = this.parts.join('');
    this.parts = [];
    if (this.inCaption) this.out.addCaption(raw);
    else this.out.addParagraphs(raw);
  }

  private walk(node: AnyNode): void {
    if (node.type === 'text') {
      // HTML whitespace (including source line breaks) is one space; only <br> breaks a line.
      this.parts.push(node.data.replace(/[\t\n\f\r ]+/g, ' '));
      return;
    }
    if (node.type === 'cdata') {
      this.walkChildren(node);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') {
      if (node.type === 'root') this.walkChildren(node);
      return; // comments, doctype, processing instructions
    }
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (SKIP_TAGS.has(name)) return;
    if (name === 'br') {
      this.parts.push('\n');
      return;
    }
    if (name === 'img' || name === 'area') {
      const alt = el.attribs.alt ?? '';
      const title = el.attribs.title ?? '';
      if (this.inCaption) return;
      if (alt.trim() || title.trim()) {
        this.flush();
        this.out.addAltCaption(alt.trim() || title);
        if (title.trim() && cleanText(title) !== cleanText(alt)) this.out.addAltCaption(title);
      }
      return;
    }
    if (name === 'pre') {
      this.flush();
      this.parts.push(textWithLineBreaks(el));
      this.flush();
      return;
    }
    if (!this.inCaption && this.captionElements.has(el)) {
      this.flush();
      const caption = new Walker(this.out, this.captionElements, true);
      caption.walkChildren(el);
      caption.flush();
      return;
    }
    if (BLOCK_TAGS.has(name)) {
      this.flush();
      this.walkChildren(el);
      this.flush();
      return;
    }
    // Inline element (a, span, strong, font, …): its text joins the current block.
    this.walkChildren(el);
  }
}

/** Text of a <pre>, whose line breaks are real. */
function textWithLineBreaks(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (node.type === 'tag' && node.name === 'br') return '\n';
  if ('children' in node) return node.children.map(textWithLineBreaks).join('');
  return '';
}
