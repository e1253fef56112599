// Builders shared by the tests: documents by hand, and the small dictionaries in test/fixtures.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newDoc } from '../src/pipeline/pipeline.js';
import { sentenceSpans } from '../src/text/sentences.js';
import type { Block, Doc } from '../src/types.js';

/** the repository root, from build/test (compiled) */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MINI_DICTIONARIES = join(ROOT, 'test', 'fixtures', 'mini-dictionaries');

export function docWithBlocks(texts: string[], kind: Block['kind'] = 'paragraph'): Doc {
  const doc = newDoc({ path: 'test.md', bytes: Buffer.alloc(0) });
  doc.blocks = texts.map((text) => ({ kind, text, norm: text }));
  doc.sentences = doc.blocks.map((b) => sentenceSpans(b.norm));
  return doc;
}

/** rows of a CSV file written by zhtext (BOM, quoted cells with doubled quotes), as records by header */
export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k] ?? ''])));
}
