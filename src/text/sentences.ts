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
    if (isLowSurrogate(text, cut)) cut--;
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

/** a mention's context is its sentence when no longer than this; in a longer one, CONTEXT_SIDE characters each side of it */
export const CONTEXT_MAX = 300;
export const CONTEXT_SIDE = 150;

/**
 * The part of a sentence shown around a match at [start, end): the whole sentence when it is at most
 * CONTEXT_MAX long, else CONTEXT_SIDE characters each side of the match, with … where cut (a
 * mention's context travels with every mention: a long unpunctuated run must not multiply its own
 * length by its mentions). 0.35% of the mentions of ../shared/corpus are in sentences that long.
 */
export function contextAround(text: string, sentence: Span, start: number, end: number): { before: string; after: string } {
  if (sentence.end - sentence.start <= CONTEXT_MAX) return { before: text.slice(sentence.start, start), after: text.slice(end, Math.max(end, sentence.end)) };
  const { start: from, end: to } = windowAround(text, sentence, start, end, CONTEXT_SIDE);
  return {
    before: (from > sentence.start ? '…' : '') + text.slice(from, start),
    after: text.slice(end, Math.max(end, to)) + (to < sentence.end ? '…' : ''),
  };
}

/** whether the code unit at `at` is the second half of a character outside the basic plane */
const isLowSurrogate = (text: string, at: number) => (text.charCodeAt(at) & 0xfc00) === 0xdc00;

/**
 * `side` code units each side of [start, end), kept within `bounds`, and widened by one where a cut
 * would fall between the two halves of a character outside the basic plane.
 */
export function windowAround(text: string, bounds: Span, start: number, end: number, side: number): Span {
  let from = Math.max(bounds.start, start - side);
  let to = Math.min(bounds.end, end + side);
  if (from > bounds.start && isLowSurrogate(text, from)) from--;
  if (to < bounds.end && isLowSurrogate(text, to)) to++;
  return { start: from, end: Math.max(to, end) };
}
