// Recognition by the trained model: each block's characters labelled by the sequence model, and the
// spans read beside what is known already (the knowledge base, the compounds, rules that run first),
// which the model never takes away: a span equal to a known mention is that mention; a span inside
// one replaces it only when it names the same entity (俄国 → 俄); a span crossing one is dropped; an
// organisation or place holding whole mentions is added and they stay, nested in it
// (中国青年志愿者协会 is an organisation and a mention of China).

import type { KnowledgeBase } from '../../../resources/knowledge-base.js';
import type { NameLexicon } from '../../../resources/name-lexicon.js';
import { blockRuns, lastAtOrBefore } from '../../../text/search.js';
import type { Doc, EntityType, Mention, Token } from '../../../types.js';
import { knownIdOf } from '../link.js';
import type { Recognition, RecognizedSpan, Recognizer } from '../recognizer.js';
import { denseRowsOf, FEATURES_PER_CHAR, type FeatureTables, featuresOf, featureTablesOf, type WordSpan } from './features.js';
import { NgramScores } from './ngram-scores.js';
import { LABEL_COUNT, type SequenceModel, spansOfLabels } from './sequence-model.js';
import { WordScores } from './word-scores.js';

const TYPE_OF: Record<'PER' | 'LOC' | 'ORG', EntityType> = { PER: 'PERSON', LOC: 'LOC', ORG: 'ORG' };

export function modelRecognizer(kb: KnowledgeBase, names: NameLexicon, model: SequenceModel): Recognizer {
  const labelsOf = blockTagger(featureTablesOf(kb, names), model);
  return {
    name: 'model',
    recognize(doc: Doc, tokens: Token[], known: Mention[]): Recognition {
      const spans: RecognizedSpan[] = [];
      const absorbed = new Set<Mention>();
      const titleBefore = titlesOf(names, tokens);
      const tokenRuns = blockRuns(tokens, doc.blocks.length);
      const knownRuns = blockRuns(known, doc.blocks.length);
      for (let block = 0; block < doc.blocks.length; block++) {
        const [from, t] = [tokenRuns[block]!, tokenRuns[block + 1]!];
        const [knownFrom, k] = [knownRuns[block]!, knownRuns[block + 1]!];
        const norm = doc.blocks[block]!.norm;
        if (norm.length === 0) continue;
        const labels = labelsInPieces(labelsOf, norm, tokens.slice(from, t), doc.sentences[block] ?? []);
        // the known mentions a span can touch, found by search: a block may hold thousands (a post of one long line)
        const near = nearKnown(known, knownFrom, k);
        for (const { type, start, end } of spansOfLabels(labels)) {
          const [knownFrom, k] = near(start, end);
          // the model learned Chinese names: its guesses at Latin words are not kept, nor the
          // ordinary words the name tables list (两岸); before any known mention is given up for it
          if (latinOnly(norm, start, end) || cutsWord(norm, start, end) || names.notNames.has(norm.slice(start, end))) continue;
          const overlap = overlapOf(known, knownFrom, k, start, end);
          if (overlap.kind === 'same') continue;
          let entity: string | undefined;
          if (overlap.kind === 'inside') {
            // inside a longer mention, the narrower reading only when it names the same entity
            // (俄|国, 兰州|市 stay, 华|为 is not China)
            if (knownIdOf(kb, names, TYPE_OF[type], norm.slice(start, end)) !== overlap.holder.entity) continue;
            absorbed.add(overlap.holder);
          } else if (overlap.kind === 'crossing' || overlap.kind === 'holds') {
            if (type === 'PER') {
              // a person's name over one-character country forms or rule-found pieces (卢晓|英,
              // 苏|巴|吉亚, 艾百|布拉·库尔班) is the name, and the pieces go; over anything else, nothing
              // (习近平|深圳)
              if (!overlap.weak) continue;
              for (let m = knownFrom; m < k; m++) if (known[m]!.start < end && known[m]!.end > start) absorbed.add(known[m]!);
            } else if (overlap.kind === 'crossing') continue;
            else {
              // an organisation or place holding whole mentions is added beside them
              // (中国|青年志愿者协会), unless they are an outlet and a place (中央社|台北, a dateline);
              // places and then a known organisation (美国|白宫) are that organisation, named with its place
              const cover = coverOf(known, knownFrom, k, start, end);
              const last = cover?.at(-1);
              if (cover && last && cover[0]!.type === 'ORG' && isPlace(last)) continue;
              if (type === 'ORG' && cover && last && cover.length >= 2 && last.type === 'ORG' && last.source === 'kb' && cover.slice(0, -1).every(isPlace)) {
                absorbed.add(last);
                entity = last.entity;
              }
            }
          }
          const span: RecognizedSpan = { type: TYPE_OF[type], block, start, end, source: 'model' };
          if (entity !== undefined) span.entity = entity;
          const title = span.type === 'PERSON' ? titleBefore(block, start) : undefined;
          if (title !== undefined) span.title = title;
          spans.push(span);
        }
      }
      // a title before a person of the knowledge base
      for (const m of known) {
        if (m.type !== 'PERSON' || absorbed.has(m) || m.title !== undefined) continue;
        const title = titleBefore(m.block, m.start);
        if (title !== undefined) m.title = title;
      }
      return { spans, absorbed };
    },
  };
}

/**
 * The model's labels of a text from its words: the templates of words scored a word type at a time
 * (word-scores.ts), the character n-grams an n-gram at a time (ngram-scores.ts), the rest a
 * character at a time, the small ones read from dense tables.
 */
export function blockTagger(tables: FeatureTables, model: SequenceModel): (text: string, words: readonly WordSpan[]) => Uint8Array {
  const dense = denseRowsOf((key) => model.row(key), model.weights, LABEL_COUNT);
  const wordScores = new WordScores(tables, model);
  const ngramScores = new NgramScores(model);
  // the features and scores of the longest text so far, reused
  let features = new Int32Array(0);
  let scores = new Int32Array(0);
  return (text, words) => {
    const n = text.length;
    if (features.length < n * FEATURES_PER_CHAR) features = new Int32Array(n * FEATURES_PER_CHAR * 2);
    if (scores.length < n * LABEL_COUNT) scores = new Int32Array(n * LABEL_COUNT * 2);
    scores.fill(0, 0, n * LABEL_COUNT);
    wordScores.addTo(scores, words);
    ngramScores.addTo(text, scores);
    featuresOf(tables, text, words, { out: features, dense });
    return model.labelsOf(model.scoresOf(features, n, scores, dense.rows), n);
  };
}

/** the title written as the word right before an offset (外交部长|王毅), as written; tokens are in text order */
function titlesOf(names: NameLexicon, tokens: Token[]): (block: number, start: number) => string | undefined {
  const at = (k: number) => tokens[k]!.block * 0x1000000 + tokens[k]!.end;
  return (block, start) => {
    const k = lastAtOrBefore(at, 0, tokens.length, block * 0x1000000 + start);
    const before = k >= 0 ? tokens[k]! : undefined;
    return before && before.block === block && before.end === start && names.titles.has(before.norm) ? before.text : undefined;
  };
}

/**
 * For the known mentions known[from..to) of a block, in text order: the part of them that can
 * overlap [start, end), found by binary search on their starts (none starts more than the longest of
 * them before `start`), so a block's spans cost their logarithm, not the block's mentions each.
 */
function nearKnown(known: Mention[], from: number, to: number): (start: number, end: number) => [number, number] {
  let longest = 0;
  for (let m = from; m < to; m++) longest = Math.max(longest, known[m]!.end - known[m]!.start);
  const startAt = (m: number) => known[m]!.start;
  return (start, end) => [lastAtOrBefore(startAt, from, to, start - longest - 1) + 1 || from, lastAtOrBefore(startAt, from, to, end - 1) + 1 || from];
}

/** the longest text labelled at once: a longer block is labelled a run of whole sentences at a time, so memory stays bounded */
export const TAG_PIECE = 8000;

/**
 * The labels of a block, in pieces of whole sentences of at most TAG_PIECE characters when it is
 * longer (a sentence is at most MAX_SENTENCE), each piece with the words inside it; a block no
 * longer is labelled whole, as always.
 */
function labelsInPieces(
  labelsOf: (text: string, words: readonly WordSpan[]) => Uint8Array,
  norm: string,
  words: readonly WordSpan[],
  sentences: readonly { start: number; end: number }[],
): Uint8Array {
  if (norm.length <= TAG_PIECE) return labelsOf(norm, words);
  const labels = new Uint8Array(norm.length);
  let from = 0;
  let w = 0;
  let s = 0;
  while (from < norm.length) {
    // whole sentences while they fit (at least one); the last piece runs to the block's end
    let to = from;
    while (s < sentences.length && (to === from || sentences[s]!.end - from <= TAG_PIECE)) to = sentences[s++]!.end;
    if (s >= sentences.length || to <= from) to = norm.length;
    const inside: WordSpan[] = [];
    while (w < words.length && words[w]!.start < to) {
      const word = words[w++]!;
      if (word.end <= to) inside.push({ ...word, start: word.start - from, end: word.end - from });
    }
    labels.set(labelsOf(norm.slice(from, to), inside).subarray(0, to - from), from);
    from = to;
  }
  return labels;
}

type Overlap = { kind: 'none' | 'same' } | { kind: 'crossing' | 'holds'; weak: boolean } | { kind: 'inside'; holder: Mention };

/**
 * how a span stands to the known mentions known[from..to) of its block; `weak`: every mention it
 * crosses or holds is a one-character form or rule-found, and none is a person
 */
function overlapOf(known: Mention[], from: number, to: number, start: number, end: number): Overlap {
  let kind: 'none' | 'crossing' | 'holds' = 'none';
  let weak = true;
  for (let m = from; m < to; m++) {
    const mention = known[m]!;
    if (mention.start >= end || mention.end <= start) continue;
    if (mention.start === start && mention.end === end) return { kind: 'same' };
    if (mention.start <= start && mention.end >= end) return { kind: 'inside', holder: mention };
    if (mention.type === 'PERSON' || (mention.end - mention.start > 1 && mention.source !== 'rule')) weak = false;
    if (mention.start < start || mention.end > end) kind = 'crossing';
    else if (kind === 'none') kind = 'holds';
  }
  return kind === 'none' ? { kind } : { kind, weak };
}

const isPlace = (m: Mention) => m.type === 'GPE' || m.type === 'LOC';

/** the known mentions that cover [start, end) end to end with nothing between, in order; undefined when they do not */
function coverOf(known: Mention[], from: number, to: number, start: number, end: number): Mention[] | undefined {
  const cover: Mention[] = [];
  let at = start;
  for (let m = from; m < to; m++) {
    const mention = known[m]!;
    if (mention.end <= at || mention.start >= end) continue;
    if (mention.start !== at) return undefined;
    cover.push(mention);
    at = mention.end;
  }
  return at === end ? cover : undefined;
}

const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Latin letters, digits, spaces, hyphens and middle dots only (The, iPhone) */
function latinOnly(norm: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (!isLatin(c) && !(c >= 0x30 && c <= 0x39) && c !== 0x20 && c !== 0x2d && c !== 0xb7) return false;
  }
  return true;
}

/** whether the span starts or ends inside a Latin word (R|EUTERS) */
function cutsWord(norm: string, start: number, end: number): boolean {
  return (
    (start > 0 && isLatin(norm.charCodeAt(start - 1)) && isLatin(norm.charCodeAt(start))) ||
    (end < norm.length && isLatin(norm.charCodeAt(end)) && isLatin(norm.charCodeAt(end - 1)))
  );
}
