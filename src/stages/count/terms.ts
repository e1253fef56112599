// Which tokens are terms: content words (nouns, verbs, adjectives, idioms, abbreviations, English
// words and the segmenter's new words), not stop words, punctuation, numbers or single Han characters.
/** jieba parts of speech kept as content words; 'x' is also jieba's tag for words it found by HMM */
const CONTENT_POS = /^(n[a-z]*|v|vn|vd|a|an|eng|j|i|l|x)$/;
const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[A-Za-z]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export interface TermRules {
  /** Chinese in simplified form, English in lower case (dictionaries/stopwords.txt and stopwords-en.txt) */
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
  if (lower.length < 2 || rules.stopwords.has(lower)) return undefined;
  return lower;
}

/** a token that counts as a word (holds a letter or digit), for the documents' token counts */
export function isWordToken(norm: string): boolean {
  return WORD_CHAR.test(norm);
}

/** top-level domains a bare address is recognised by (apple.com, pic.twitter.com/…, DW.COM): none an English word, so a missing space after a full stop (said.It) is no address */
const TLDS = 'com|net|org|gov|edu|mil|int|info|biz|io|tv|cc|xyz|cn|tw|hk|mo|jp|kr|sg|uk|de|fr|ru|au|ca|eu|nl|ch';
/**
 * Web and mail addresses as quoted in Chinese text, however written: with a scheme (its colon and
 * slashes may be full-width, https：//…), from www., or a bare domain name with or without a path;
 * the address runs on over ASCII characters (and a full-width colon or slash after a scheme). jieba would cut them into https, www, com …
 */
const LINK = new RegExp(
  [
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`(?:https?|ftp)\s?[:：]\s?[/／]{2}[!-~：／]*`,
    'www[.．][!-~]+',
    String.raw`[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:${TLDS})(?![a-z0-9-])(?:/[!-~]*)?`,
  ].join('|'),
  'gi',
);

export function linkSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(LINK)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}
