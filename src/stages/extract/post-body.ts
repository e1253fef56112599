// The feed archivers put a header between the front matter and the article: an epoch-milliseconds
// comment, a Markdown link repeating the title, and a `------` rule. Left in, the title would be
// counted twice and the link URL would reach the text.
import { cleanText, decodeEntities } from './text.js';

const EPOCH_COMMENT = /^\s*<!--\s*\d{9,}\s*-->\s*$/;
const LINK_LINE = /^\s*\[(.*)\]\((\S*)\)\s*$/;
const RULE = /^\s*(-{3,}|={3,})\s*$/;

/** Removes the archiver header lines at the top of a post body (only there, only when they match). */
export function stripPostHeader(body: string, title: string | undefined, url: string | undefined): string {
  const lines = body.split('\n');
  let i = 0;
  const skipBlank = (): void => {
    while (i < lines.length && lines[i]!.trim() === '') i++;
  };
  skipBlank();
  if (i < lines.length && EPOCH_COMMENT.test(lines[i]!)) {
    i++;
    skipBlank();
  }
  const link = i < lines.length ? LINK_LINE.exec(lines[i]!) : null;
  if (link && isSameTitle(link[1]!, link[2]!, title, url)) {
    i++;
    if (i < lines.length && RULE.test(lines[i]!)) i++;
  }
  return lines.slice(i).join('\n');
}

function isSameTitle(text: string, href: string, title: string | undefined, url: string | undefined): boolean {
  if (url !== undefined && href === url) return true;
  if (title === undefined) return false;
  const norm = (s: string): string => cleanText(decodeEntities(s.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')));
  return norm(text) === norm(title);
}
