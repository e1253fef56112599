// Markdown and plain text → blocks. RTHK posts in rthk-agora are Markdown paragraphs separated by
// blank lines; the syntax characters (links, emphasis, heading marks) are not words and must not
// reach the segmenter, while the words inside them must.
import type { BlockBuilder } from './blocks.js';
import { isMeaningfulAlt } from './boilerplate.js';
import { decodeEntities } from './text.js';

// ![alt](url "title") — an image: its alt text may be a caption
const IMAGE = /!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g;
// [text](url "title") and [text][ref] — keep the text
const LINK = /\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)|\[([^\]]+)\]\[[^\]]*\]/g;
// <https://…> autolinks and inline HTML tags (Markdown allows both)
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;
const TAG = /<\/?[a-zA-Z][^<>]*>/g;

/** A Markdown body: one block per paragraph, list item or heading; images become captions. */
export function extractMarkdown(body: string, out: BlockBuilder): void {
  const lines = body.split('\n');
  let para: string[] = [];
  let inFence = false;
  const flush = (): void => {
    if (para.length > 0) out.addParagraphs(para.join('\n'));
    para = [];
  };
  for (const rawLine of lines) {
    // fenced code: kept as text, without the fences
    if (/^\s*(```|~~~)/.test(rawLine)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      para.push(rawLine);
      continue;
    }
    const line = rawLine.replace(/^ {0,3}(>\s?)+/, ''); // blockquote marks
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (/^ {0,3}([-*_])( *\1){2,} *$/.test(line)) {
      flush();
      continue;
    } // horizontal rule
    if (/^ {0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    if (/^ {0,3}(=+|-+)\s*$/.test(line)) {
      flush();
      continue;
    } // setext underline: the line above stays a block
    const heading = /^ {0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$/.exec(line);
    if (heading) {
      flush();
      para.push(inline(heading[1]!, out));
      flush();
      continue;
    }
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush(); // each list item is its own block
      para.push(inline(item[1]!, out));
      continue;
    }
    // Markdown hard break: two trailing spaces or a backslash. Other single newlines are spaces.
    para.push(inline(line, out));
  }
  flush();
}

/** Inline Markdown → plain text. Image alts are emitted as caption blocks, in order. */
function inline(text: string, out: BlockBuilder): string {
  let t = text.replace(IMAGE, (_m, alt: string) => {
    if (isMeaningfulAlt(alt.trim())) out.addAltCaption(alt);
    return ' ';
  });
  t = t.replace(LINK, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '');
  t = t.replace(AUTOLINK, '$1').replace(TAG, ' ');
  // emphasis and code: **x**, __x__, *x*, _x_ (not inside words: snake_case stays), ~~x~~, `x`
  t = t
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/`+([^`]+)`+/g, '$1');
  // backslash escapes: \* → *
  t = t.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
  return decodeEntities(t);
}

/**
 * Plain text: the first non-empty line is the title, the rest are paragraphs separated by blank
 * lines. No syntax is stripped: a '*' in plain text is text.
 */
export function extractPlainText(text: string, out: BlockBuilder): string | undefined {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return undefined;
  const title = lines[first]!;
  const rest = lines.slice(first + 1).join('\n');
  for (const para of rest.split(/\n[^\S\n]*\n/)) out.addParagraphs(para.replace(/\n/g, ' '));
  return title;
}
