// Jekyll front matter → fields. gray-matter finds the block; js-yaml's FAILSAFE schema parses it so
// every scalar stays a string (the default schema turns dates into Date objects in the machine's
// zone and `True`/`1.0` into other types), and we read dates ourselves in dates.ts.
import { createRequire } from 'node:module';
import matter from 'gray-matter';

// js-yaml (the version gray-matter uses) has no bundled types: load it through require with the two
// members used here typed by hand (v3 and v4 both have load() and FAILSAFE_SCHEMA).
interface YamlMark {
  line: number;
  column: number;
}
interface YamlModule {
  load(text: string, options: { schema: unknown; filename?: string }): unknown;
  FAILSAFE_SCHEMA: unknown;
}
const yaml = createRequire(import.meta.url)('js-yaml') as YamlModule;

export interface FrontMatterFields {
  title?: string;
  date?: string;
  author?: string;
  outlet?: string;
  url?: string;
  tags: string[];
  /** the date field was present but not a single string (a list or a map) */
  dateNotText?: boolean;
}

export type FrontMatterResult = { ok: true; fields: FrontMatterFields; body: string; bodyLine: number } | { ok: false; reason: string; line?: number };

/** The first line of a Jekyll post is exactly `---` (trailing spaces allowed). */
export function hasFrontMatter(text: string): boolean {
  return /^---[ \t]*(\n|$)/.test(text);
}

export function parseFrontMatter(text: string): FrontMatterResult {
  // gray-matter treats a file with no closing delimiter as all front matter; say so instead.
  const close = /\n(---|\.\.\.)[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) return { ok: false, reason: 'the front matter has no closing --- line', line: 1 };

  let file: matter.GrayMatterFile<string>;
  try {
    // Passing options is also what keeps gray-matter from caching by input string (its cache
    // would hand back the same mutable object for two identical files).
    file = matter(text, {
      excerpt: false,
      engines: { yaml: { parse: (s: string) => yaml.load(s, { schema: yaml.FAILSAFE_SCHEMA }) as object } },
    });
  } catch (error) {
    const e = error as { reason?: string; mark?: YamlMark; message?: string };
    // gray-matter hands the parser everything after the opening `---`, starting with that line's
    // own newline: YAML line 0 is file line 1, and mark.line is 0-based.
    const line = e.mark ? e.mark.line + 1 : undefined;
    const reason = e.reason ?? String(e.message ?? error).split('\n')[0]!;
    return { ok: false, reason: line === undefined ? reason : `${reason} (line ${line})`, ...(line === undefined ? {} : { line }) };
  }
  const data: unknown = file.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'the front matter is not a set of key: value fields', line: 2 };
  }
  const d = data as Record<string, unknown>;
  const fields: FrontMatterFields = { tags: [] };
  const title = text1(d.title);
  if (title) fields.title = title;
  if (d.date !== undefined && d.date !== null) {
    if (typeof d.date !== 'string') fields.dateNotText = true;
    else if (d.date.trim() !== '') fields.date = d.date.trim(); // `date: ""` counts as no date
  }
  const author = text1(d.author);
  if (author) fields.author = author;
  const url = text1(d.from);
  if (url) fields.url = url;

  const tags = list(d.tags);
  const categories = list(d.categories);
  // outlet: whichever of categories[0], tags[0], author the post has, in that order.
  const outlet = categories[0] ?? tags[0] ?? fields.author;
  if (outlet) fields.outlet = outlet;
  fields.tags = [...new Set([...tags, ...categories])];

  const bodyLine = text.slice(0, text.length - file.content.length).split('\n').length;
  return { ok: true, fields, body: file.content, bodyLine };
}

/** A scalar field as one line of text (multi-line YAML titles exist: `title: |2-`). */
function text1(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

/** tags/categories are a YAML list or one bare string (`categories: rthk`). */
function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    const t = text1(item);
    if (t !== undefined) out.push(t);
  }
  return out;
}
