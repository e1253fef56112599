// The extract stage: raw file → metadata and clean text blocks. It decides the file's kind by its
// content (Jekyll post, bare HTML, plain text), not by its extension, because the archives name
// HTML posts .md and Markdown posts .html alike.

import { addMessage } from '../../messages.js';
import { timeZoneMinutes } from '../../options.js';
import type { Outlet, OutletTable } from '../../resources/outlets.js';
import { dayNumber } from '../../text/periods.js';
import type { Block, Doc, DocMeta, Stage } from '../../types.js';
import { BlockBuilder } from './blocks.js';
import { dateInFileName, looksLikeDate, parseDate } from './dates.js';
import { decodeSource } from './decode.js';
import { hasFrontMatter, parseFrontMatter } from './front-matter.js';
import { extractHtml, type HtmlInfo, looksEscaped, looksLikeHtml, MAX_DEPTH } from './html.js';
import { extractMarkdown, extractPlainText } from './markdown.js';
import { stripPostHeader } from './post-body.js';
import { cleanText, decodeEntities } from './text.js';

export interface ExtractOptions {
  /** fixed UTC offset in minutes of the analysis time zone (480 = UTC+8) */
  tzOffsetMinutes: number;
}

/** Without an outlet table, every outlet name is an outlet of its own. */
export function createExtractStage(options: ExtractOptions, outlets?: OutletTable): Stage {
  // checked as every other time zone option is: a library caller gets the command line's error
  const tz = timeZoneMinutes(options.tzOffsetMinutes);
  const resolveOutlet = outlets?.resolve ?? ((name: string) => ({ id: name, name }));
  return { name: 'extract', run: (doc) => extract(doc, tz, resolveOutlet) };
}

/** the outlet's display name and id, and its name as the source wrote it */
function setOutlet(meta: DocMeta, written: string, resolveOutlet: (name: string) => Outlet): void {
  const outlet = resolveOutlet(written);
  meta.outlet = outlet.name;
  meta.outletId = outlet.id;
  meta.outletWritten = written;
}

export type SourceKind = 'post' | 'html' | 'text';

/** Kind by content: front matter first line → post; markup → bare HTML; else plain text. */
export function detectKind(text: string): SourceKind {
  if (hasFrontMatter(text)) return 'post';
  if (looksLikeHtml(text) || looksEscaped(text)) return 'html';
  return 'text';
}

function extract(doc: Doc, tz: number, resolveOutlet: (name: string) => Outlet): void {
  // A line break in a file name breaks line-based tools downstream (CSV, grep); say so, go on.
  if (/[\n\r]/.test(doc.path)) {
    addMessage(doc, 'path-newline', `the file name holds a line break: ${JSON.stringify(doc.path)}`);
  }
  const decoded = decodeSource(doc.source);
  if (!decoded.ok) {
    addMessage(doc, decoded.code, decoded.reason);
    return;
  }
  if (decoded.note) addMessage(doc, decoded.note.code, decoded.note.reason);
  const text = decoded.text;
  const out = new BlockBuilder();
  const meta = doc.meta;
  let html: HtmlInfo | undefined;
  let frontMatterDate: string | undefined;
  let dateNotText = false;

  switch (detectKind(text)) {
    case 'post': {
      const fm = parseFrontMatter(text);
      if (!fm.ok) {
        addMessage(doc, 'front-matter-invalid', fm.reason, fm.line === undefined ? undefined : `line ${fm.line}`);
        return;
      }
      const f = fm.fields;
      const title = f.title === undefined ? undefined : cleanText(decodeEntities(f.title)) || undefined;
      if (title !== undefined) meta.title = title;
      if (f.author !== undefined) meta.author = f.author;
      if (f.outlet !== undefined) setOutlet(meta, f.outlet, resolveOutlet);
      if (f.url !== undefined) meta.url = f.url;
      meta.tags = f.tags;
      frontMatterDate = f.date;
      dateNotText = f.dateNotText === true;
      out.setTitle(title);
      const body = stripPostHeader(fm.body, title, f.url);
      if (looksLikeHtml(body) || looksEscaped(body)) html = extractHtml(body, out);
      else extractMarkdown(body, out);
      if (meta.title === undefined && out.title !== undefined) meta.title = out.title;
      break;
    }
    case 'html': {
      html = extractHtml(text, out);
      if (out.title !== undefined) meta.title = out.title;
      if (html.author !== undefined) meta.author = html.author;
      const outlet = html.outlet ?? html.author;
      if (outlet !== undefined) setOutlet(meta, outlet, resolveOutlet);
      if (html.url !== undefined) meta.url = html.url;
      break;
    }
    case 'text': {
      const title = extractPlainText(text, out);
      const clean = title === undefined ? '' : cleanText(title);
      if (clean !== '') meta.title = clean;
      break;
    }
  }

  if (html?.flattenedFrom !== undefined) {
    addMessage(doc, 'html-too-deep', `the HTML nests ${html.flattenedFrom} elements deep: below ${MAX_DEPTH}, each element's text was read as one run`);
  }
  readDate(doc, tz, frontMatterDate, dateNotText, html?.dates ?? []);

  const blocks: Block[] = [];
  if (meta.title !== undefined) blocks.push({ kind: 'title', text: meta.title, norm: meta.title });
  const body = out.finish();
  blocks.push(...body);
  doc.blocks = blocks;
  // a post whose source gave only a headline (images, a video, an empty page) is read as its title
  if (body.length === 0 && meta.title !== undefined) {
    addMessage(doc, 'title-only', 'no article text is left after removing markup and boilerplate: only the title is counted');
  } else if (body.length === 0) {
    addMessage(doc, 'body-empty', 'no title, and no paragraph or caption text is left after removing markup and boilerplate');
  }
}

/** days apart a file's date and its name's may be without a word: a post saved the day after, or read in another time zone */
const NAME_DAYS_APART = 1;

/** says so when the date read is days away from the one in the file's name (the date read is kept) */
function disagreement(doc: Doc, day: string): void {
  const fromName = dateInFileName(doc.path);
  const [a, b] = [fromName === undefined ? undefined : dayNumber(fromName.slice(0, 10)), dayNumber(day)];
  if (a === undefined || b === undefined || Math.abs(a - b) <= NAME_DAYS_APART) return;
  addMessage(doc, 'date-mismatch', `the date ${day} is ${Math.abs(a - b)} days from the file name's ${fromName!.slice(0, 10)}: the date in the file was used`);
}

/** Front matter date, else an HTML date, else the file name's; sets meta.date/day or says why not. */
function readDate(doc: Doc, tz: number, frontMatter: string | undefined, notText: boolean, htmlDates: string[]): void {
  const set = (r: { date: string; day: string }): void => {
    doc.meta.date = r.date;
    doc.meta.day = r.day;
  };
  if (notText) {
    addMessage(doc, 'date-invalid', 'the front matter date is not a single value', 'front matter');
    return;
  }
  if (frontMatter !== undefined) {
    const r = parseDate(frontMatter, tz);
    if (r.ok) {
      set(r);
      disagreement(doc, r.day);
    } else addMessage(doc, 'date-invalid', r.reason, 'front matter');
    return;
  }
  let invalid: string | undefined;
  for (const candidate of htmlDates) {
    const r = parseDate(candidate, tz);
    if (r.ok) {
      set(r);
      disagreement(doc, r.day);
      return;
    }
    if (invalid === undefined && looksLikeDate(candidate)) invalid = r.reason;
  }
  const fromName = dateInFileName(doc.path);
  if (fromName !== undefined) {
    const r = parseDate(fromName, tz);
    if (r.ok) {
      set(r);
      addMessage(doc, 'date-from-filename', `no date in the file; used ${fromName} from its name`);
    } else {
      addMessage(doc, 'date-invalid', `the date in the file name: ${r.reason}`, 'file name');
    }
    return;
  }
  if (invalid !== undefined) addMessage(doc, 'date-invalid', `the date in the HTML: ${invalid}`, 'html');
  else addMessage(doc, 'date-missing', 'no date in front matter or HTML, and the file name does not start with YYYY-MM-DD');
}
