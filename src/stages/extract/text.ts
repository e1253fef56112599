// Small text helpers shared by the HTML, Markdown and plain-text readers, so every block is cleaned
// the same way whatever the input format.
import { load } from 'cheerio';

// Zero-width and invisible formatting characters: they split words for the segmenter and are
// invisible to a reader (RFA pastes U+200B inside words; Word exports leave U+FEFF and soft hyphens);
// control characters (C0 other than whitespace, C1) are never text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const INVISIBLE = /[\u200b-\u200d\u2060\u2061-\u2064\ufeff\u00ad\u180e]|[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
// \s in JS covers ASCII space, NBSP, U+3000 ideographic space and the other Unicode spaces.
const SPACES = /\s+/g;

/** Drop invisible characters, collapse every run of whitespace to one space, trim. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** True when the text has at least one letter or digit (a block of only "|" or "•" is not text). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** Decode HTML character references in plain text (titles, Markdown) using cheerio's decoder. */
export function decodeEntities(text: string): string {
  if (!ENTITY.test(text)) return text;
  // Escape '<' so the text cannot turn into markup while being decoded.
  return load(text.replace(/</g, '&lt;'), null, false).text();
}
