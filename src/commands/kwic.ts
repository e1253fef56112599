// `zhtext kwic`: a concordance of an entity id or a term, from the same documents and the same
// matches as the counts (filters and --dedupe apply alike): date, outlet, the sentence with the
// match marked 【like this】, and the file. entity_mentions.csv holds the same lines for every entity.
import { analyzeFiles, type CorpusOptions } from '../pipeline/analyze.js';
import { collectInputs } from '../pipeline/inputs.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { loadResources, type ResourceOptions } from '../pipeline/resources.js';
import { termReader } from '../stages/count/index.js';
import { normalizeCharacters } from '../stages/normalize/index.js';
import { compareCodeUnits } from '../text/compare.js';
import { spanIndexAt } from '../text/sentences.js';
import type { Doc } from '../types.js';

export interface KwicOptions extends ResourceOptions, Omit<CorpusOptions, 'by' | 'onCounted'> {
  inputs: string[];
  query: string;
  tzOffsetMinutes: number;
}

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
  const inputs = collectInputs(options.inputs);
  const resources = loadResources(options);
  const pipeline = createPipeline({ tzOffsetMinutes: options.tzOffsetMinutes }, resources);
  // an entity id as written in entities.csv (US, per:joe_biden, per~王展); anything else is a term,
  // looked up in simplified form as terms.csv lists it
  const isEntity = resources.kb.entities.has(options.query) || /^(per|org|loc)~./.test(options.query);
  const key = isEntity ? options.query : resources.converter.toSimplified(normalizeCharacters(options.query)).toLowerCase();
  const lines: KwicLine[] = [];
  const documents = new Set<string>();
  const rules = { stopwords: resources.stopwords };
  analyzeFiles(inputs.files, pipeline, undefined, {
    ...options,
    onCounted(doc: Doc) {
      const spans: { block: number; start: number; end: number }[] = [];
      if (isEntity) {
        for (const m of doc.mentions) if (m.entity === key && !m.ambiguous) spans.push(m);
      } else {
        const termAt = termReader(doc, rules);
        for (const t of doc.tokens) if (termAt(t) === key) spans.push(t);
      }
      if (spans.length > 0) documents.add(doc.id);
      for (const { block, start, end } of spans) {
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
