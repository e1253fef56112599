// Builders shared by the tests: documents by hand, and the small dictionaries in test/fixtures.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { newDoc } from '../src/pipeline/pipeline.js';
import { sentenceSpans } from '../src/text/sentences.js';
import type { Block, Doc } from '../src/types.js';

/** the repository root, from dist/test (compiled) */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MINI_DICTIONARIES = join(ROOT, 'test', 'fixtures', 'mini-dictionaries');

export function docWithBlocks(texts: string[], kind: Block['kind'] = 'paragraph'): Doc {
  const doc = newDoc({ path: 'test.md', bytes: Buffer.alloc(0) });
  doc.blocks = texts.map((text) => ({ kind, text, norm: text }));
  doc.sentences = doc.blocks.map((b) => sentenceSpans(b.norm));
  return doc;
}
