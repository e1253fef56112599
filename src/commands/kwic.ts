// `zhtext kwic`: a concordance of an entity id or a term, from the same documents and the same
// matches as the counts (filters and --dedupe apply alike): date, outlet, the sentence with the
// match marked 【like this】, and the file. entity_mentions.csv holds the same lines for every entity.
import { parseNameEntityId } from '../entity-ids.js';
import { kwicConfig, type RawOptions } from '../options.js';
import { termReader } from '../stages/count/index.js';
import { compareCodeUnits } from '../text/compare.js';
import { spanIndexAt } from '../text/sentences.js';
import type { Doc } from '../types.js';
import { prepareRun, runCorpus } from './runner.js';

/** what `runKwic` takes: the command line's options in camelCase, the entity id or term as `query` */
export type KwicOptions = RawOptions;

export interface KwicLine {
  date: string;
  outlet: string;
  /** the sentence in the original script, the match marked 【…】 */
  context: string;
  path: string;
  /** for ordering: the match's place in its document */
  block: number;
  start: number;
}

export interface KwicResult {
  /** entity: the query is an entity id; term: a term, in simplified form */
  kind: 'entity' | 'term';
  key: string;
  lines: KwicLine[];
  documents: number;
}

export const MATCH_OPEN = '【';
export const MATCH_CLOSE = '】';

export function runKwic(options: KwicOptions): KwicResult {
  const config = kwicConfig(options);
  const run = prepareRun(config);
  const { kb, converter, stopwords } = run.resources;
  // an entity id as written in entities.csv (US, per:joe_biden, per~王展); anything else is a term,
  // looked up in simplified form as terms.csv lists it
  const isEntity = kb.entities.has(config.query) || parseNameEntityId(config.query) !== undefined;
  const key = isEntity ? config.query : converter.normalize(config.query).toLowerCase();
  const matches = (doc: Doc): { block: number; start: number; end: number }[] => {
    if (isEntity) return doc.mentions.filter((m) => m.entity === key && !m.ambiguous);
    const termAt = termReader(doc, { stopwords });
    return doc.tokens.filter((t) => termAt(t) === key);
  };
  const lines: KwicLine[] = [];
  const documents = new Set<string>();
  runCorpus(run, undefined, {
    onCounted(doc) {
      for (const { block, start, end } of matches(doc)) {
        documents.add(doc.id);
        const text = doc.blocks[block]!.text;
        const sentences = doc.sentences[block]!;
        const sentence = sentences[spanIndexAt(sentences, start)]!;
        const context = text.slice(sentence.start, start) + MATCH_OPEN + text.slice(start, end) + MATCH_CLOSE + text.slice(end, Math.max(end, sentence.end));
        lines.push({ date: doc.meta.date ?? '', outlet: doc.meta.outlet ?? '', context, path: doc.path, block, start });
      }
    },
  });
  lines.sort((x, y) => compareCodeUnits(x.date, y.date) || compareCodeUnits(x.path, y.path) || x.block - y.block || x.start - y.start);
  return { kind: isEntity ? 'entity' : 'term', key, lines, documents: documents.size };
}

/** one line a match, tab-separated, under a header line; tabs and line breaks in a cell become spaces */
export function formatKwic(result: KwicResult): string {
  const cell = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const out = ['date\toutlet\tcontext\tpath'];
  for (const l of result.lines) out.push([l.date, l.outlet, l.context, l.path].map(cell).join('\t'));
  return `${out.join('\n')}\n`;
}
