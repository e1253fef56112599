// `zhtext kwic`: a concordance of an entity id or a term, from the same documents and the same
// matches as the counts (filters and --dedupe apply alike): date, outlet, the sentence with the
// match marked 【like this】, and the file. entity_mentions.csv holds the same lines for every entity.

import { kwicConfig, type RawOptions } from '../options.js';
import type { KwicLine } from '../pipeline/doc-result.js';
import { compareCodeUnits } from '../text/compare.js';
import { runCorpus } from './runner.js';

export type { KwicLine } from '../pipeline/doc-result.js';
export { MATCH_CLOSE, MATCH_OPEN } from '../pipeline/process.js';

/** what `runKwic` takes: the command line's options in camelCase, the entity id or term as `query` */
export type KwicOptions = RawOptions;

export interface KwicResult {
  /** entity: the query is an entity id; term: a term, in simplified form */
  kind: 'entity' | 'term';
  key: string;
  lines: KwicLine[];
  documents: number;
}

/** Every line of the query in the documents that count (filters and --dedupe as in analyze), by date and place. */
export async function runKwic(options: KwicOptions): Promise<KwicResult> {
  const config = kwicConfig(options);
  // documents are read where they are processed; each gives its lines, which count as its counts do
  const run = await runCorpus(config, { keep: { documents: false, mentions: false, termPairs: false, groups: false }, kwicQuery: config.query });
  const { kwic, kwicDocuments } = run.corpus;
  const lines = [...kwic].sort((x, y) => compareCodeUnits(x.date, y.date) || compareCodeUnits(x.path, y.path) || x.block - y.block || x.start - y.start);
  return { kind: run.info.kwic!.kind, key: run.info.kwic!.key, lines, documents: kwicDocuments };
}

/** one line a match, tab-separated, under a header line; tabs and line breaks in a cell become spaces */
export function formatKwic(result: KwicResult): string {
  const cell = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const out = ['date\toutlet\tcontext\tpath'];
  for (const l of result.lines) out.push([l.date, l.outlet, l.context, l.path].map(cell).join('\t'));
  return `${out.join('\n')}\n`;
}
