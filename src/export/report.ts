// report.md: a keyword report to read. Every figure in it comes from the same merged tables as the
// CSV files, and the report says how each is computed.
import { rankTerms } from '../aggregate/scores.js';
import type { CorpusResult } from '../pipeline/analyze.js';
import { describeEntity, type KnowledgeBase } from '../resources/knowledge-base.js';
import { compareCodeUnits } from '../text/compare.js';
import { byMentions, sortedPairs, surfaceList } from './tables.js';
import { burstRows, type PeriodSeries } from './timelines.js';

export interface ReportOptions {
  /** rows in the overall tables */
  top: number;
  /** with --by: the periods with their counts, and the unit's name (day, week, month) */
  periods?: { by: string; series: PeriodSeries };
  /** keywords listed for each outlet and each day */
  topPerGroup: number;
  minTermPairCount: number;
}

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function reportMarkdown(result: CorpusResult, kb: KnowledgeBase, options: ReportOptions): string {
  const out: string[] = [];
  const { tally } = result;
  const docs = result.documents;
  const count = (status: string) => docs.filter((d) => d.status === status).length;
  const days = [...result.termsByDay.keys()].sort();
  const scripts = new Map<string, number>();
  for (const d of docs) if (d.status !== 'failed' && d.status !== 'duplicate') scripts.set(d.script, (scripts.get(d.script) ?? 0) + 1);
  const name = (id: string) => describeEntity(kb, id).name;

  out.push('# Keyword report', '');
  out.push('## Corpus', '');
  out.push(
    `- Files read: ${docs.length}; analysed: ${tally.documents} (${count('ok')} clean, ${count('warning')} with warnings); failed: ${count('failed')}; exact duplicates counted once: ${count('duplicate')}.`,
  );
  out.push(
    `- Word tokens: ${tally.tokens}; distinct terms: ${tally.terms.size}; entities: ${tally.entities.size}; entity mentions: ${result.mentions.length}.`,
  );
  out.push(
    `- Days: ${days.length > 0 ? `${days[0]} to ${days[days.length - 1]} (${days.length} with posts)` : 'none dated'}; outlets: ${result.termsByOutlet.size}.`,
  );
  out.push(
    `- Scripts: ${
      [...scripts]
        .sort(([a], [b]) => compareCodeUnits(a, b))
        .map(([s, n]) => `${s} ${n}`)
        .join(', ') || 'none'
    }.`,
  );
  out.push(
    '',
    'Terms are content words in simplified form (stop words, numbers, punctuation and single characters left out). ' +
      "TF-IDF = count × (ln((1 + N) / (1 + docs)) + 1), N = documents analysed; per outlet and per day, the count is the group's and the idf the corpus's.",
    '',
  );

  out.push(`## Top keywords (TF-IDF)`, '', '| # | term | count | docs | TF-IDF |', '|---:|---|---:|---:|---:|');
  for (const [i, r] of rankTerms(tally.terms, tally.terms, tally.documents).slice(0, options.top).entries()) {
    out.push(`| ${i + 1} | ${cell(r.term)} | ${r.stat.count} | ${r.stat.docs} | ${r.tfidf} |`);
  }
  out.push('');

  const groupSection = (title: string, groups: CorpusResult['termsByOutlet'], order: string[]) => {
    out.push(`## ${title}`, '', '| | docs | top keywords (TF-IDF) |', '|---|---:|---|');
    for (const key of order) {
      const group = groups.get(key)!;
      const top = rankTerms(group.terms, tally.terms, tally.documents).slice(0, options.topPerGroup);
      out.push(`| ${cell(key || '(none)')} | ${group.documents} | ${top.map((r) => `${cell(r.term)} (${r.stat.count})`).join(', ')} |`);
    }
    out.push('');
  };
  const outlets = [...result.termsByOutlet].sort(([a, x], [b, y]) => y.documents - x.documents || compareCodeUnits(a, b)).map(([k]) => k);
  groupSection('Keywords by outlet', result.termsByOutlet, outlets);
  groupSection('Keywords by day', result.termsByDay, days);

  out.push('## Top entities', '', '| # | entity | id | type | mentions | docs | written as |', '|---:|---|---|---|---:|---:|---|');
  for (const [i, [id, s]] of byMentions(tally.entities).slice(0, options.top).entries()) {
    const surfaces = surfaceList(s.surfaces).slice(0, 5).join(', ');
    out.push(`| ${i + 1} | ${cell(name(id))} | ${id} | ${describeEntity(kb, id).type} | ${s.mentions} | ${s.docs} | ${cell(surfaces)} |`);
  }
  out.push('');

  out.push('## Strongest co-occurrences', '', 'Pairs counted once per sentence in which both occur.', '');
  out.push('### Entities', '', '| # | a | b | sentences | docs |', '|---:|---|---|---:|---:|');
  for (const [i, [a, b, s]] of sortedPairs(tally.entityPairs, 1).slice(0, options.top).entries()) {
    out.push(`| ${i + 1} | ${cell(name(a))} | ${cell(name(b))} | ${s.count} | ${s.docs} |`);
  }
  out.push('', '### Terms', '', '| # | a | b | sentences | docs |', '|---:|---|---|---:|---:|');
  for (const [i, [a, b, s]] of sortedPairs(tally.termPairs, options.minTermPairCount).slice(0, options.top).entries()) {
    out.push(`| ${i + 1} | ${cell(a)} | ${cell(b)} | ${s.count} | ${s.docs} |`);
  }
  out.push('');
  if (options.periods) periodSections(out, options.periods, kb, options);
  return out.join('\n');
}

/** the entities of each period, and the strongest bursts (analyze --by) */
function periodSections(out: string[], { by, series }: NonNullable<ReportOptions['periods']>, kb: KnowledgeBase, options: ReportOptions): void {
  const name = (id: string) => describeEntity(kb, id).name;
  out.push(`## Entities by ${by}`, '', 'Mentions per 10,000 word tokens of the period in brackets (entity_timeline.csv has every entity and period).', '');
  out.push(`| ${by} | docs | tokens | top entities (mentions, per 10k tokens) |`, '|---|---:|---:|---|');
  for (const [period, t] of series) {
    const top = byMentions(t.entities).slice(0, options.topPerGroup);
    const cells = top.map(([id, e]) => `${cell(name(id))} (${e.mentions}, ${((e.mentions / t.tokens) * 10_000).toFixed(1)})`);
    out.push(`| ${period} | ${t.documents} | ${t.tokens} | ${cells.join(', ')} |`);
  }
  out.push('');
  const bursts = burstRows(series)
    .sort((x, y) => y.z - x.z || compareCodeUnits(x.period, y.period) || compareCodeUnits(x.id, y.id))
    .slice(0, options.top);
  out.push(
    '## Strongest bursts',
    '',
    'Entities mentioned far more than their own recent baseline: z = (mentions − expected) / √expected, ' +
      `expected from the previous ${by}s' rate (bursts.csv has them all and the method).`,
    '',
  );
  out.push(`| # | ${by} | entity | mentions | expected | z |`, '|---:|---|---|---:|---:|---:|');
  for (const [i, b] of bursts.entries()) {
    out.push(`| ${i + 1} | ${b.period} | ${cell(name(b.id))} | ${b.mentions} | ${b.expected.toFixed(1)} | ${b.z.toFixed(1)} |`);
  }
  out.push('');
}
