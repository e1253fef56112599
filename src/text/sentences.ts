// Sentence spans of a block: a sentence ends after 。！？；!?; or an ellipsis, and takes any closing
// quotes or brackets that follow it. The same spans serve co-occurrence and mention contexts, so a
// "sentence" longer than MAX_SENTENCE (a post of one unpunctuated 20 MB line) is cut into pieces no
// longer, at the last comma, pause or space in each where there is one: every mention's context and
// every unit's pairs stay bounded. The longest sentence of ../shared/corpus is 1,304 characters.
import { lastAtOrBefore } from './search.js';

const TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"', "'", '》', '】']);

/** the longest sentence span, in UTF-16 code units */
export const MAX_SENTENCE = 2000;
/** where a long sentence may be cut, best last */
const SOFT_BREAKS = new Set(['，', '、', '：', ',', ':', ' ', '\n', '\t']);

export interface Span {
  start: number;
  end: number;
}

export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (TERMINATORS.has(text[i]!)) {
      let end = i + 1;
      while (end < text.length && (TERMINATORS.has(text[end]!) || CLOSERS.has(text[end]!))) end++;
      pushTrimmed(spans, text, start, end);
      start = end;
      i = end;
    } else i++;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

function pushTrimmed(spans: Span[], text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  // a long one in pieces of at most MAX_SENTENCE, each ending after a soft break when it holds one
  while (end - start > MAX_SENTENCE) {
    let cut = start + MAX_SENTENCE;
    while (cut > start + MAX_SENTENCE / 2 && !SOFT_BREAKS.has(text[cut - 1]!)) cut--;
    if (!SOFT_BREAKS.has(text[cut - 1]!)) cut = start + MAX_SENTENCE;
    // never between the two halves of a character outside the basic plane
    if ((text.charCodeAt(cut) & 0xfc00) === 0xdc00) cut--;
    pushTrimmed(spans, text, start, cut);
    start = cut;
    while (start < end && text[start] === ' ') start++;
  }
  if (end > start) spans.push({ start, end });
}

/** index of the span holding `offset` (spans sorted, offset inside the text) */
export function spanIndexAt(spans: Span[], offset: number): number {
  return Math.max(
    0,
    lastAtOrBefore((k) => spans[k]!.start, 0, spans.length, offset),
  );
}
