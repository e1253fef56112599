// entities: people, countries, places and organisations in a document, in three steps. Matching
// finds the knowledge base's aliases and the compounds of one-character country forms (match.ts);
// a recognizer finds the names the knowledge base does not hold (the trained model, model/, or the
// hand rules, rules.ts); linking gives every found name an id and settles shared names (link.ts).
import type { KnowledgeBase } from '../../resources/knowledge-base.js';
import type { Doc, Mention, Stage } from '../../types.js';
import { linkNameParts, linkSpan, resolveSharedNames } from './link.js';
import { createKnowledgeBaseMatcher } from './match.js';
import type { Recognizer } from './recognizer.js';

/**
 * The stage: knowledge-base aliases and compounds, then each recognizer in turn, on what is known so
 * far (none: the knowledge base alone).
 */
export function createEntitiesStage(kb: KnowledgeBase, recognizers: readonly Recognizer[] = []): Stage {
  const matchKnowledgeBase = createKnowledgeBaseMatcher(kb);
  // the ids a shared name reads as by default: only their mentions are looked at again
  const sharedDefaults = new Set([...kb.sharedNames.values()].map((s) => s.readings[0]!.id));
  return {
    name: 'entities',
    run(doc: Doc) {
      let mentions: Mention[] = matchKnowledgeBase(doc);
      // then recognition, of what the knowledge base does not hold
      for (const recognizer of recognizers) {
        const { spans, absorbed } = recognizer.recognize(doc, doc.tokens, mentions);
        if (absorbed.size > 0) mentions = mentions.filter((m) => !absorbed.has(m));
        if (spans.length > 0) {
          const added = spans.map((span) => linkSpan(kb, kb.names, doc, span));
          linkNameParts(kb, doc, mentions, added);
          mentions.push(...added);
          mentions.sort((x, y) => x.block - y.block || x.start - y.start);
        }
      }
      if (sharedDefaults.size > 0) mentions = resolveSharedNames(kb, sharedDefaults, doc, mentions);
      doc.mentions = mentions;
    },
  };
}
