// Which tokens are terms: content words (nouns, verbs, adjectives, idioms, abbreviations, English
// words and the segmenter's new words), not stop words, punctuation, numbers or single Han characters.
import { createRequire } from 'node:module';

// natural's index loads storage back-ends that print to stdout on import; its word list alone is enough
const require = createRequire(import.meta.url);
const { words: naturalEnglishStopwords } = require('natural/lib/natural/util/stopwords') as { words: string[] };

/** jieba parts of speech kept as content words; 'x' is also jieba's tag for words it found by HMM */
const CONTENT_POS = /^(n[a-z]*|v|vn|vd|a|an|eng|j|i|l|x)$/;
const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[A-Za-z]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** English function words, from natural's list; Chinese ones come from dictionaries/stopwords.txt */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(naturalEnglishStopwords);

export interface TermRules {
  stopwords: ReadonlySet<string>;
}

/** the term key of a token, or undefined when the token is not a term */
export function termOf(norm: string, pos: string, rules: TermRules): string | undefined {
  if (!CONTENT_POS.test(pos)) return undefined;
  if (HAN.test(norm)) {
    if ([...norm].length < 2 || rules.stopwords.has(norm)) return undefined;
    return norm;
  }
  if (!LATIN_LETTER.test(norm)) return undefined;
  const lower = norm.toLowerCase();
  if (lower.length < 2 || ENGLISH_STOPWORDS.has(lower) || rules.stopwords.has(lower)) return undefined;
  return lower;
}

/** a token that counts as a word (holds a letter or digit), for the documents' token counts */
export function isWordToken(norm: string): boolean {
  return WORD_CHAR.test(norm);
}

/** web addresses (with a scheme or www.) and mail addresses: ASCII runs, as quoted in Chinese text */
const LINK = /(?:https?:\/\/|www\.)[!-~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function linkSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(LINK)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}
