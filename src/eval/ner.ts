// Named-entity evaluation against a BIO gold file: each sentence goes through normalize, segment and
// entities as one block, and the mentions become labelled character spans (PERSON → PER; countries,
// regions and other places → LOC; ORG → ORG).
import { newDoc } from '../pipeline/pipeline.js';
import type { Resources } from '../pipeline/resources.js';
import { createEntitiesStage } from '../stages/entities/index.js';
import { createNormalizeStage } from '../stages/normalize/index.js';
import { createSegmentStage } from '../stages/segment/index.js';
import type { EntityType, Mention } from '../types.js';
import { type BioSentence, labelsOf, type Span, spansOf } from './bio.js';
import { type Score, scoreSpans } from './score.js';

export const BIO_TYPE: Record<EntityType, string> = { PERSON: 'PER', GPE: 'LOC', LOC: 'LOC', ORG: 'ORG' };

export interface NerEvaluation {
  sentences: number;
  byType: Score[];
  overall: Score;
  predictions: BioSentence[];
}

/** A tagger of plain sentences, built from the pipeline's own stages (none of the recognizers: the knowledge base alone). */
export function createSentenceTagger(resources: Resources, recognizers = resources.recognizers): (text: string) => Mention[] {
  const stages = [createNormalizeStage(resources.converter), createSegmentStage(resources.segmenter), createEntitiesStage(resources.kb, recognizers)];
  return (text) => {
    const doc = newDoc({ path: 'sentence', bytes: Buffer.alloc(0) });
    doc.blocks = [{ kind: 'paragraph', text, norm: text }];
    for (const stage of stages) stage.run(doc);
    return doc.mentions;
  };
}

/** mentions (UTF-16 offsets) as spans over the sentence's characters, overlaps resolved to the first */
export function mentionSpans(chars: string[], mentions: Mention[]): Span[] {
  const charAt: number[] = [];
  chars.forEach((c, i) => {
    for (let k = 0; k < c.length; k++) charAt.push(i);
  });
  const spans: Span[] = [];
  let lastEnd = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const start = charAt[m.start]!;
    const end = charAt[m.end - 1]! + 1;
    if (start < lastEnd) continue;
    spans.push({ type: BIO_TYPE[m.type], start, end });
    lastEnd = end;
  }
  return spans;
}

export function evaluateNer(gold: BioSentence[], tag: (text: string) => Mention[]): NerEvaluation {
  const goldSpans: Span[][] = [];
  const predSpans: Span[][] = [];
  const predictions: BioSentence[] = [];
  for (const sentence of gold) {
    const spans = mentionSpans(sentence.chars, tag(sentence.chars.join('')));
    goldSpans.push(spansOf(sentence.labels));
    predSpans.push(spans);
    predictions.push({ chars: sentence.chars, labels: labelsOf(spans, sentence.chars.length) });
  }
  const { byType, overall } = scoreSpans(goldSpans, predSpans);
  return { sentences: gold.length, byType, overall, predictions };
}

export function formatScores(evaluation: NerEvaluation): string {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
  const rows = [...evaluation.byType, evaluation.overall].map(
    (s) =>
      `${s.type.padEnd(8)}${String(s.gold).padStart(7)}${String(s.predicted).padStart(7)}${String(s.correct).padStart(7)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}`,
  );
  return [
    `sentences: ${evaluation.sentences}`,
    `${'type'.padEnd(8)}${'gold'.padStart(7)}${'pred'.padStart(7)}${'right'.padStart(7)}${'P%'.padStart(6)}${'R%'.padStart(6)}${'F1%'.padStart(6)}`,
    ...rows,
    '',
  ].join('\n');
}
