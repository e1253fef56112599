// Builders for the extract tests: a Doc as the pipeline hands it to the stage (only id, path and
// source set), and a one-call "extract this text" helper.
import { newDoc } from '../../../src/pipeline/pipeline.js';
import { createExtractStage } from '../../../src/stages/extract/index.js';
import type { BlockKind, Doc } from '../../../src/types.js';

export function makeDoc(source: string | Buffer, path = 'archive/post.md'): Doc {
  return newDoc({ path, bytes: typeof source === 'string' ? Buffer.from(source) : source });
}

export function extract(source: string | Buffer, path?: string, tzOffsetMinutes = 480): Doc {
  const doc = makeDoc(source, path);
  createExtractStage({ tzOffsetMinutes }).run(doc);
  return doc;
}

export function codes(doc: Doc): string[] {
  return doc.messages.map((m) => m.code);
}

export function texts(doc: Doc, kind?: BlockKind): string[] {
  return doc.blocks.filter((b) => kind === undefined || b.kind === kind).map((b) => b.text);
}

/** "kind: text" lines, for comparing a whole document's blocks at once */
export function outline(doc: Doc): string[] {
  return doc.blocks.map((b) => `${b.kind}: ${b.text}`);
}
