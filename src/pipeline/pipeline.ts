// A pipeline is a value: the per-document stages in order, built from options and resources.
// A fatal message stops that document only; an exception inside a stage becomes a message too,
// so one broken file never costs the others.
import { createHash } from 'node:crypto';
import { addMessage } from '../messages.js';
import { createCountStage } from '../stages/count/index.js';
import { createEntitiesStage } from '../stages/entities/index.js';
import { createExtractStage } from '../stages/extract/index.js';
import { createNormalizeStage } from '../stages/normalize/index.js';
import { createSegmentStage } from '../stages/segment/index.js';
import { type AnalysisOptions, type Doc, hasFatal, type SourceFile, type Stage } from '../types.js';
import type { Resources } from './resources.js';

export interface Pipeline {
  stages: Stage[];
  process(file: SourceFile): Doc;
}

export function createPipeline(options: AnalysisOptions, resources: Resources): Pipeline {
  const stages: Stage[] = [
    createExtractStage({ tzOffsetMinutes: options.tzOffsetMinutes }, resources.outlets),
    createNormalizeStage(resources.converter),
    createSegmentStage(resources.segmenter),
    createEntitiesStage(resources.kb, resources.recognizers),
    createCountStage({ stopwords: resources.stopwords }, options.unit),
  ];
  return {
    stages,
    process(file) {
      const doc = newDoc(file);
      for (const stage of stages) {
        if (hasFatal(doc)) break;
        try {
          stage.run(doc);
        } catch (error) {
          addMessage(doc, 'stage-failed', `${stage.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return doc;
    },
  };
}

export function documentId(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

export function newDoc(file: SourceFile): Doc {
  return {
    id: documentId(file.bytes),
    path: file.path,
    source: file.bytes,
    meta: { tags: [] },
    script: 'none',
    blocks: [],
    tokens: [],
    sentences: [],
    mentions: [],
    messages: [],
  };
}
