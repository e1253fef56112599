// segment: sentences and jieba tokens of each block's normalized text. Tokens keep their part of
// speech and offsets into the block; whitespace is not a token.
import type { Segmenter } from '../../resources/segmenter.js';
import { sentenceSpans } from '../../text/sentences.js';
import type { Doc, Stage, Token } from '../../types.js';

export function createSegmentStage(segmenter: Segmenter): Stage {
  return {
    name: 'segment',
    run(doc: Doc) {
      const tokens: Token[] = [];
      doc.blocks.forEach((block, blockIndex) => {
        for (const { start, end, norm, pos } of wordsOf(segmenter, block.norm)) {
          tokens.push({ block: blockIndex, start, end, text: block.text.slice(start, end), norm, pos });
        }
      });
      doc.tokens = tokens;
      doc.sentences = doc.blocks.map((b) => sentenceSpans(b.norm));
    },
  };
}

/** jieba's words of a normalized text with their offsets and parts of speech; whitespace is no word */
export function wordsOf(segmenter: Segmenter, text: string): { start: number; end: number; norm: string; pos: string }[] {
  const words: { start: number; end: number; norm: string; pos: string }[] = [];
  let cursor = 0;
  for (const { word, tag } of segmenter.tag(text)) {
    // jieba returns the text in order; find each word from the cursor so a dropped
    // character can never shift the offsets of the words after it
    const start = text.startsWith(word, cursor) ? cursor : text.indexOf(word, cursor);
    if (start < 0) continue;
    const end = start + word.length;
    cursor = end;
    if (word.trim() === '') continue;
    words.push({ start, end, norm: word, pos: tag });
  }
  return words;
}
