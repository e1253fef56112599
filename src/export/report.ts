// report.md: a keyword report to read. Every figure in it comes from the same reduced tables as the
// CSV files, and the report says how each is computed.
import type { BurstRow } from '../aggregate/bursts.js';
import { round, tfidf } from '../aggregate/scores.js';
import type { EntityStat } from '../aggregate/tally.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import { compareCodeUnits } from '../text/compare.js';
import { entityName, pairRows, storeOf } from './corpus-data.js';
import type { WrittenTable } from './output-dir.js';
import { byMentions, surfaceList } from './tables.js';

export interface ReportOptions {
  /** rows in the overall tables */
  top: number;
  /** keywords listed for each outlet and each day */
  topPerGroup: number;
  minTermPairCount: number;
  /** with --by: the unit's name, each period's top entities, and every burst */
  periods?: { by: string; tops: PeriodTop[]; bursts: (BurstRow & { id: string })[] };
  /** CSV tables cut at Excel's row limit */
  truncated: readonly WrittenTable[];
  /** the Excel row limit the tables were cut at (data rows) */
  csvRowLimit: number;
}

/** a period's size and its entities with the most mentions */
export interface PeriodTop {
  period: string;
  documents: number;
  tokens: number;
  entities: [string, EntityStat][];
}

interface RankedTerm {
  term: string;
  count: number;
  docs: number;
  tfidf: number;
}

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** a's place against b's: by TF-IDF, then count (both descending), then the term in code-unit order */
const byTfidf = (a: RankedTerm, b: RankedTerm) => b.tfidf - a.tfidf || b.count - a.count || compareCodeUnits(a.term, b.term);

/**
 * The first `top` terms in byTfidf order, kept as they come (a sorted list of at most `top`): the
 * order is total (terms differ), so these are the first of the whole list sorted, without sorting it.
 */
class TopTerms {
  readonly terms: RankedTerm[] = [];
  constructor(private readonly top: number) {}

  /** a term id, its count (in the corpus or the group) and the docs column to show */
  add(corpus: ReducedCorpus, id: number, count: number, docs: number): void {
    if (this.top <= 0) return;
    const { vocabulary, docs: corpusDocs } = corpus.terms;
    const candidate = { term: '', count, docs, tfidf: round(tfidf(count, corpus.documents, corpusDocs[id]!)) };
    const list = this.terms;
    const last = list[list.length - 1];
    // cheap rejections first: below the last kept on TF-IDF, or on count at an equal TF-IDF
    if (list.length === this.top && last && (candidate.tfidf < last.tfidf || (candidate.tfidf === last.tfidf && candidate.count < last.count))) return;
    candidate.term = vocabulary.strings[id]!;
    if (list.length === this.top && byTfidf(candidate, last!) > 0) return;
    let at = list.length;
    while (at > 0 && byTfidf(candidate, list[at - 1]!) < 0) at--;
    list.splice(at, 0, candidate);
    if (list.length > this.top) list.pop();
  }
}

/** each group's (an outlet's, a day's) `top` terms by TF-IDF with the corpus idf; a group's docs column is the term's corpus documents */
async function groupTops(corpus: ReducedCorpus, top: number): Promise<Map<number, RankedTerm[]>> {
  const tops: TopTerms[] = [];
  const docs = corpus.terms.docs;
  for await (const [group, term, count] of storeOf(corpus).integerChunks('SELECT grp, term, count FROM group_terms')) {
    for (let i = 0; i < group!.length; i++) {
      const g = group![i]!;
      tops[g] ??= new TopTerms(top);
      tops[g].add(corpus, term![i]!, count![i]!, docs[term![i]!]!);
    }
  }
  const byGroup = new Map<number, RankedTerm[]>();
  tops.forEach((t, g) => {
    byGroup.set(g, t.terms);
  });
  return byGroup;
}

export async function reportMarkdown(corpus: ReducedCorpus, options: ReportOptions): Promise<string> {
  const out: string[] = [];
  const count = corpus.statusCounts;
  const days = corpus.dayGroups.map((g) => g.key);
  const name = (id: string) => entityName(corpus, id).name;

  out.push('# Keyword report', '');
  out.push('## Corpus', '');
  out.push(
    `- Files read: ${corpus.files}; analysed: ${corpus.documents} (${count.ok} clean, ${count.warning} with warnings); failed: ${count.failed}; exact duplicates counted once: ${count.duplicate}.`,
  );
  out.push(
    `- Word tokens: ${corpus.tokens}; distinct terms: ${corpus.terms.vocabulary.size}; entities: ${corpus.entities.size}; entity mentions: ${corpus.mentionCount}.`,
  );
  out.push(
    `- Days: ${days.length > 0 ? `${days[0]} to ${days[days.length - 1]} (${days.length} with posts)` : 'none dated'}; outlets: ${corpus.outletGroups.length}.`,
  );
  out.push(
    `- Scripts: ${
      [...corpus.scripts]
        .sort(([a], [b]) => compareCodeUnits(a, b))
        .map(([s, n]) => `${s} ${n}`)
        .join(', ') || 'none'
    }.`,
  );
  for (const t of options.truncated) {
    out.push(`- ${t.name}.csv holds the first ${options.csvRowLimit} of its ${t.rows} rows (Excel opens no more); parquet/${t.name}.parquet holds them all.`);
  }
  out.push(
    '',
    'Terms are content words in simplified form (stop words, numbers, punctuation and single characters left out). ' +
      "TF-IDF = count × (ln((1 + N) / (1 + docs)) + 1), N = documents analysed; per outlet and per day, the count is the group's and the idf the corpus's.",
    '',
  );

  const { count: termCount, docs: termDocs } = corpus.terms;
  out.push(`## Top keywords (TF-IDF)`, '', '| # | term | count | docs | TF-IDF |', '|---:|---|---:|---:|---:|');
  const all = new TopTerms(options.top);
  termCount.forEach((n, id) => {
    all.add(corpus, id, n, termDocs[id]!);
  });
  for (const [i, r] of all.terms.entries()) out.push(`| ${i + 1} | ${cell(r.term)} | ${r.count} | ${r.docs} | ${r.tfidf} |`);
  out.push('');

  // each group's top keywords; a group's docs column in these tables is its documents
  const tops = await groupTops(corpus, options.topPerGroup);
  const groupSection = (title: string, groups: { key: string; id: number; documents: number }[]) => {
    out.push(`## ${title}`, '', '| | docs | top keywords (TF-IDF) |', '|---|---:|---|');
    for (const g of groups) {
      const top = tops.get(g.id) ?? [];
      out.push(`| ${cell(g.key || '(none)')} | ${g.documents} | ${top.map((r) => `${cell(r.term)} (${r.count})`).join(', ')} |`);
    }
    out.push('');
  };
  groupSection(
    'Keywords by outlet',
    [...corpus.outletGroups].sort((x, y) => y.documents - x.documents || compareCodeUnits(x.key, y.key)),
  );
  groupSection('Keywords by day', corpus.dayGroups);

  out.push('## Top entities', '', '| # | entity | id | type | mentions | docs | written as |', '|---:|---|---|---|---:|---:|---|');
  for (const [i, [id, s]] of byMentions(corpus.entities).slice(0, options.top).entries()) {
    const surfaces = surfaceList(s.surfaces).slice(0, 5).join(', ');
    out.push(`| ${i + 1} | ${cell(name(id))} | ${id} | ${entityName(corpus, id).type} | ${s.mentions} | ${s.docs} | ${cell(surfaces)} |`);
  }
  out.push('');

  out.push('## Strongest co-occurrences', '', 'Pairs counted once per sentence in which both occur.', '');
  out.push('### Entities', '', '| # | a | b | sentences | docs |', '|---:|---|---|---:|---:|');
  let i = 0;
  for await (const [a, b, n, docs] of pairRows(corpus, 'entity', 1, options.top)) out.push(`| ${++i} | ${cell(name(a))} | ${cell(name(b))} | ${n} | ${docs} |`);
  out.push('', '### Terms', '', '| # | a | b | sentences | docs |', '|---:|---|---|---:|---:|');
  i = 0;
  for await (const [a, b, n, docs] of pairRows(corpus, 'term', options.minTermPairCount, options.top))
    out.push(`| ${++i} | ${cell(a)} | ${cell(b)} | ${n} | ${docs} |`);
  out.push('');
  if (options.periods) periodSections(out, corpus, options.periods, options);
  return out.join('\n');
}

/** the entities of each period, and the strongest bursts (analyze --by) */
function periodSections(out: string[], corpus: ReducedCorpus, { by, tops, bursts }: NonNullable<ReportOptions['periods']>, options: ReportOptions): void {
  const name = (id: string) => entityName(corpus, id).name;
  out.push(`## Entities by ${by}`, '', 'Mentions per 10,000 word tokens of the period in brackets (entity_timeline.csv has every entity and period).', '');
  out.push(`| ${by} | docs | tokens | top entities (mentions, per 10k tokens) |`, '|---|---:|---:|---|');
  for (const t of tops) {
    const cells = t.entities.map(([id, e]) => `${cell(name(id))} (${e.mentions}, ${((e.mentions / t.tokens) * 10_000).toFixed(1)})`);
    out.push(`| ${t.period} | ${t.documents} | ${t.tokens} | ${cells.join(', ')} |`);
  }
  out.push('');
  const strongest = [...bursts].sort((x, y) => y.z - x.z || compareCodeUnits(x.period, y.period) || compareCodeUnits(x.id, y.id)).slice(0, options.top);
  out.push(
    '## Strongest bursts',
    '',
    'Entities mentioned far more than their own recent baseline: z = (mentions − expected) / √expected, ' +
      `expected from the previous ${by}s' rate (bursts.csv has them all and the method).`,
    '',
  );
  out.push(`| # | ${by} | entity | mentions | expected | z |`, '|---:|---|---|---:|---:|---:|');
  for (const [i, b] of strongest.entries()) {
    out.push(`| ${i + 1} | ${b.period} | ${cell(name(b.id))} | ${b.mentions} | ${b.expected.toFixed(1)} | ${b.z.toFixed(1)} |`);
  }
  out.push('');
}
