// Sentence spans of a block: a sentence ends after 。！？；!?; or an ellipsis, and takes any closing
// quotes or brackets that follow it. The same spans serve co-occurrence and mention contexts.
import { lastAtOrBefore } from './search.js';

const TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"', "'", '》', '】']);

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

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (end > start) spans.push({ start, end });
}

/** index of the span holding `offset` (spans sorted, offset inside the text) */
export function spanIndexAt(spans: Span[], offset: number): number {
  return Math.max(
    0,
    lastAtOrBefore((k) => spans[k]!.start, 0, spans.length, offset),
  );
}
