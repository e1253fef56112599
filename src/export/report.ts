// report.md: a keyword report to read. Every figure in it comes from the same reduced tables as the
// CSV files, and the report says how each is computed.

import { associationOf } from '../aggregate/association.js';
import type { BurstRow } from '../aggregate/bursts.js';
import { round, tfidf } from '../aggregate/scores.js';
import type { EntityStat, Tally } from '../aggregate/tally.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import { compareCodeUnits } from '../text/compare.js';
import { type KeyItem, keyItems } from './comparison.js';
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
  periods?: {
    by: string;
    tops: PeriodTop[];
    bursts: (BurstRow & { id: string })[];
    /** the mentions in each period of the entities of timelineIds, read with the periods' other counts */
    timeline: Map<string, number[]>;
    /** the period before the last and the last, with their counts (none with fewer than two periods) */
    recent?: [PeriodCounts, PeriodCounts];
  };
  /** CSV tables cut at Excel's row limit */
  truncated: readonly WrittenTable[];
  /** the Excel row limit the tables were cut at (data rows) */
  csvRowLimit: number;
  /** with periods: entity ids charted over time beside the top entities */
  focus?: readonly string[];
}

/** a period and its counts */
export interface PeriodCounts {
  period: string;
  tally: Tally;
}

/** a period's size and its entities with the most mentions */
export interface PeriodTop {
  period: string;
  documents: number;
  tokens: number;
  entities: [string, EntityStat][];
}

export interface RankedTerm {
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

const PLACE_TYPES = new Set(['GPE', 'LOC']);

/** an entity as the report shows it */
export interface ReportEntity {
  id: string;
  name: string;
  type: string;
  mentions: number;
  docs: number;
  /** the forms written, most frequent first */
  surfaces: string[];
}

/** a sentence that mentions an entity: where it was read, and the sentence cut around the match */
export interface Evidence {
  day: string;
  outlet: string;
  before: string;
  match: string;
  after: string;
}

/** sentences shown for an entity: the first mention in each of its earliest documents */
const EVIDENCE_LINES = 3;

/** a pair counted together, by name */
export interface ReportPair {
  a: string;
  b: string;
  /** units (sentences) holding both */
  count: number;
  docs: number;
}

/** what both reports (report.md and report.html) show, computed once from the reduced tables */
export interface ReportData {
  files: number;
  documents: number;
  status: ReducedCorpus['statusCounts'];
  copies: number;
  tokens: number;
  distinctTerms: number;
  entityCount: number;
  mentionCount: number;
  /** scripts with their documents, in code-unit order */
  scripts: [string, number][];
  /** days with their documents, in order */
  days: { key: string; documents: number }[];
  /** outlets with their documents, most first */
  outlets: { key: string; documents: number }[];
  truncated: readonly WrittenTable[];
  csvRowLimit: number;
  topTerms: RankedTerm[];
  /** each outlet's and each day's top terms, in the order of `outlets` and `days` */
  outletTerms: RankedTerm[][];
  dayTerms: RankedTerm[][];
  topEntities: ReportEntity[];
  /** the same by kind: people, places (countries and other places), organizations */
  topByKind: { people: ReportEntity[]; places: ReportEntity[]; organizations: ReportEntity[] };
  entityPairs: ReportPair[];
  termPairs: ReportPair[];
  /** for the first entity of each kind: a few sentences that mention it (the charts' evidence) */
  evidence: Map<string, Evidence[]>;
  /** the entities of most mentions, and the pairs among them (by id) seen in two units or more, with their association */
  network: { nodes: ReportEntity[]; edges: (ReportPair & { npmi: number })[] };
  periods?: {
    by: string;
    tops: { period: string; documents: number; tokens: number; entities: { id: string; name: string; mentions: number }[] }[];
    /** the strongest bursts, strongest first */
    bursts: (BurstRow & { id: string; name: string })[];
    /** the entities that rose and fell most from the period before the last to the last, by G² (none with one period) */
    changes: { from: string; to: string; risers: Change[]; fallers: Change[] } | undefined;
    /** mentions in each period (with documents, in order) of the top entities and those of --focus */
    timeline: { periods: { key: string; tokens: number }[]; series: { id: string; name: string; focus: boolean; mentions: number[] }[] };
  };
}

/** an entity's mentions in two periods and the keyness of the change (G², as compare measures it) */
export interface Change {
  id: string;
  name: string;
  before: number;
  after: number;
  g2: number;
  /** an expected count below CHANGE_MIN_MENTIONS in a period: G² is less reliable */
  lowExpected: boolean;
}

/** entities with fewer mentions than this in the two periods together are no risers or fallers (too few to tell) */
export const CHANGE_MIN_MENTIONS = 5;

/** the entities of most mentions whose timeline the reports show */
export const TIMELINE_TOP = 6;

/** the entities whose timeline the reports show: the TIMELINE_TOP of most mentions, then those of --focus */
export function timelineIds(corpus: ReducedCorpus, focus: readonly string[]): string[] {
  return [
    ...new Set([
      ...byMentions(corpus.entities)
        .slice(0, TIMELINE_TOP)
        .map(([id]) => id),
      ...focus,
    ]),
  ];
}
/** the entities of most mentions drawn in the network */
const NETWORK_NODES = 30;

export async function reportData(corpus: ReducedCorpus, options: ReportOptions): Promise<ReportData> {
  const name = (id: string) => entityName(corpus, id).name;
  const { count: termCount, docs: termDocs } = corpus.terms;
  const all = new TopTerms(options.top);
  termCount.forEach((n, id) => {
    all.add(corpus, id, n, termDocs[id]!);
  });
  const tops = await groupTops(corpus, options.topPerGroup);
  const outlets = [...corpus.outletGroups].sort((x, y) => y.documents - x.documents || compareCodeUnits(x.key, y.key));
  const entityPairs: ReportPair[] = [];
  for await (const [a, b, count, docs] of pairRows(corpus, 'entity', 1, options.top)) entityPairs.push({ a: name(a), b: name(b), count, docs });
  const termPairs: ReportPair[] = [];
  for await (const [a, b, count, docs] of pairRows(corpus, 'term', options.minTermPairCount, options.top)) termPairs.push({ a, b, count, docs });
  const ranked = byMentions(corpus.entities);
  const reportEntity = ([id, s]: [string, EntityStat]): ReportEntity => ({
    id,
    name: name(id),
    type: entityName(corpus, id).type,
    mentions: s.mentions,
    docs: s.docs,
    surfaces: surfaceList(s.surfaces),
  });
  // the network: pairs among the entities of most mentions, seen together in two units or more
  const nodes = ranked.slice(0, NETWORK_NODES);
  const inNetwork = new Map(nodes.map(([id, s]) => [id, s]));
  const edges: ReportData['network']['edges'] = [];
  for await (const [a, b, count, docs] of pairRows(corpus, 'entity', 2)) {
    const sa = inNetwork.get(a);
    const sb = inNetwork.get(b);
    if (!sa || !sb) continue;
    const { npmi } = associationOf({ both: count, a: sa.units, b: sb.units, units: corpus.units });
    edges.push({ a, b, count, docs, npmi: Number(npmi.toFixed(4)) });
  }
  const data: ReportData = {
    files: corpus.files,
    documents: corpus.documents,
    status: corpus.statusCounts,
    copies: corpus.copies,
    tokens: corpus.tokens,
    distinctTerms: corpus.terms.vocabulary.size,
    entityCount: corpus.entities.size,
    mentionCount: corpus.mentionCount,
    scripts: [...corpus.scripts].sort(([a], [b]) => compareCodeUnits(a, b)),
    days: corpus.dayGroups.map(({ key, documents }) => ({ key, documents })),
    outlets: outlets.map(({ key, documents }) => ({ key, documents })),
    truncated: options.truncated,
    csvRowLimit: options.csvRowLimit,
    topTerms: all.terms,
    outletTerms: outlets.map((g) => tops.get(g.id) ?? []),
    dayTerms: corpus.dayGroups.map((g) => tops.get(g.id) ?? []),
    topEntities: ranked.slice(0, options.top).map(reportEntity),
    topByKind: {
      people: ranked
        .filter(([id]) => entityName(corpus, id).type === 'PERSON')
        .slice(0, options.top)
        .map(reportEntity),
      places: ranked
        .filter(([id]) => PLACE_TYPES.has(entityName(corpus, id).type))
        .slice(0, options.top)
        .map(reportEntity),
      organizations: ranked
        .filter(([id]) => entityName(corpus, id).type === 'ORG')
        .slice(0, options.top)
        .map(reportEntity),
    },
    entityPairs,
    termPairs,
    network: { nodes: nodes.map(reportEntity), edges },
    evidence: new Map(),
  };
  for (const kind of Object.values(data.topByKind)) {
    const first = kind[0];
    if (first) data.evidence.set(first.id, await evidenceOf(corpus, first.id));
  }
  if (options.periods) {
    const { by, tops: periodTops, bursts } = options.periods;
    const { timeline, recent } = options.periods;
    const focus = options.focus ?? [];
    // the period before the last against the last, by the keyness of each entity (compare's measure)
    let changes: NonNullable<ReportData['periods']>['changes'];
    if (recent) {
      const [before, last] = recent;
      const comparison = { a: before.period, b: last.period, tallyA: before.tally, tallyB: last.tally };
      const items = keyItems(comparison, name, { minCount: CHANGE_MIN_MENTIONS, minExpected: CHANGE_MIN_MENTIONS }).filter((x) => x.kind === 'entity');
      const changeOf = (x: KeyItem): Change => ({
        id: x.item,
        name: x.name,
        before: x.countA,
        after: x.countB,
        g2: Number(x.g2.toFixed(1)),
        lowExpected: x.lowExpected,
      });
      // (by the direction of the rates, not the Log Ratio's sign: see keynessOf)
      const strongest = (side: (x: KeyItem) => boolean) =>
        items
          .filter(side)
          .sort((x, y) => y.g2 - x.g2 || compareCodeUnits(x.item, y.item))
          .slice(0, options.top)
          .map(changeOf);
      changes = { from: before.period, to: last.period, risers: strongest((x) => x.direction < 0), fallers: strongest((x) => x.direction > 0) };
    }
    data.periods = {
      changes,
      timeline: {
        periods: corpus.periods.map((p) => ({ key: p.key, tokens: p.totals.tokens })),
        series: [...timeline].map(([id, mentions]) => ({ id, name: name(id), focus: focus.includes(id), mentions })),
      },
      by,
      tops: periodTops.map((t) => ({ ...t, entities: t.entities.map(([id, e]) => ({ id, name: name(id), mentions: e.mentions })) })),
      bursts: [...bursts]
        .sort((x, y) => y.z - x.z || compareCodeUnits(x.period, y.period) || compareCodeUnits(x.id, y.id))
        .slice(0, options.top)
        .map((b) => ({ ...b, name: name(b.id) })),
    };
  }
  return data;
}

/** the first mention of an entity in each of its earliest documents (by day, then document id), as KWIC lines */
async function evidenceOf(corpus: ReducedCorpus, id: string): Promise<Evidence[]> {
  const lines: Evidence[] = [];
  const quoted = `'${id.replace(/'/g, "''")}'`;
  const sql = `
    SELECT day, outlet, surface, context FROM mentions WHERE entity_id = ${quoted}
    QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY block, start) = 1
    ORDER BY day, doc_id LIMIT ${EVIDENCE_LINES}`;
  for await (const [day, outlet, surface, context] of storeOf(corpus).rows(sql)) {
    const sentence = String(context ?? '');
    const match = String(surface ?? '');
    const at = sentence.indexOf(match);
    lines.push(
      at < 0
        ? { day: String(day ?? ''), outlet: String(outlet ?? ''), before: sentence, match: '', after: '' }
        : { day: String(day ?? ''), outlet: String(outlet ?? ''), before: sentence.slice(0, at), match, after: sentence.slice(at + match.length) },
    );
  }
  return lines;
}

/** report.md */
export function markdownOf(data: ReportData): string {
  const out: string[] = [];
  const count = data.status;
  const days = data.days.map((g) => g.key);

  out.push('# Keyword report', '');
  out.push('## Corpus', '');
  out.push(
    `- Files read: ${data.files}; analysed: ${data.documents} (${count.ok} clean, ${count.warning} with warnings); failed: ${count.failed}; exact duplicates counted once: ${count.duplicate}.`,
  );
  out.push(`- Word tokens: ${data.tokens}; distinct terms: ${data.distinctTerms}; entities: ${data.entityCount}; entity mentions: ${data.mentionCount}.`);
  out.push(
    `- Days: ${days.length > 0 ? `${days[0]} to ${days[days.length - 1]} (${days.length} with posts)` : 'none dated'}; outlets: ${data.outlets.length}.`,
  );
  out.push(`- Scripts: ${data.scripts.map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}.`);
  for (const t of data.truncated) {
    out.push(`- ${t.name}.csv holds the first ${data.csvRowLimit} of its ${t.rows} rows (Excel opens no more); parquet/${t.name}.parquet holds them all.`);
  }
  out.push('', `${TERMS_NOTE} ${TFIDF_NOTE}`, '');

  out.push(`## Top keywords (TF-IDF)`, '', '| # | term | count | docs | TF-IDF |', '|---:|---|---:|---:|---:|');
  for (const [i, r] of data.topTerms.entries()) out.push(`| ${i + 1} | ${cell(r.term)} | ${r.count} | ${r.docs} | ${r.tfidf} |`);
  out.push('');

  // each group's top keywords; a group's docs column in these tables is its documents
  const groupSection = (title: string, groups: { key: string; documents: number }[], terms: RankedTerm[][]) => {
    out.push(`## ${title}`, '', '| | docs | top keywords (TF-IDF) |', '|---|---:|---|');
    groups.forEach((g, k) => {
      out.push(`| ${cell(g.key || '(none)')} | ${g.documents} | ${terms[k]!.map((r) => `${cell(r.term)} (${r.count})`).join(', ')} |`);
    });
    out.push('');
  };
  groupSection('Keywords by outlet', data.outlets, data.outletTerms);
  groupSection('Keywords by day', data.days, data.dayTerms);

  out.push('## Top entities', '', '| # | entity | id | type | mentions | docs | written as |', '|---:|---|---|---|---:|---:|---|');
  for (const [i, e] of data.topEntities.entries()) {
    out.push(`| ${i + 1} | ${cell(e.name)} | ${e.id} | ${e.type} | ${e.mentions} | ${e.docs} | ${cell(e.surfaces.slice(0, 5).join(', '))} |`);
  }
  out.push('');

  out.push('## Strongest co-occurrences', '', 'Pairs counted once per sentence in which both occur.', '');
  out.push('### Entities', '', '| # | a | b | sentences | docs |', '|---:|---|---|---:|---:|');
  for (const [i, p] of data.entityPairs.entries()) out.push(`| ${i + 1} | ${cell(p.a)} | ${cell(p.b)} | ${p.count} | ${p.docs} |`);
  out.push('', '### Terms', '', '| # | a | b | sentences | docs |', '|---:|---|---|---:|---:|');
  for (const [i, p] of data.termPairs.entries()) out.push(`| ${i + 1} | ${cell(p.a)} | ${cell(p.b)} | ${p.count} | ${p.docs} |`);
  out.push('');
  if (data.periods) periodSections(out, data.periods);
  return out.join('\n');
}

/** a rate per 10,000 tokens as the reports print it */
export const per10k = (n: number, tokens: number) => (tokens > 0 ? ((n / tokens) * 10_000).toFixed(1) : '–');

export const TERMS_NOTE = 'Terms are content words in simplified form (stop words, numbers, punctuation and single characters left out).';
export const TFIDF_NOTE =
  "TF-IDF = count × (ln((1 + N) / (1 + docs)) + 1), N = documents analysed; per outlet and per day, the count is the group's and the idf the corpus's.";

/** the entities of each period, and the strongest bursts (analyze --by) */
function periodSections(out: string[], { by, tops, bursts, timeline, changes }: NonNullable<ReportData['periods']>): void {
  out.push(`## Entities by ${by}`, '', 'Mentions per 10,000 word tokens of the period in brackets (entity_timeline.csv has every entity and period).', '');
  out.push(`| ${by} | docs | tokens | top entities (mentions, per 10k tokens) |`, '|---|---:|---:|---|');
  for (const t of tops) {
    const cells = t.entities.map((e) => `${cell(e.name)} (${e.mentions}, ${((e.mentions / t.tokens) * 10_000).toFixed(1)})`);
    out.push(`| ${t.period} | ${t.documents} | ${t.tokens} | ${cells.join(', ')} |`);
  }
  out.push('');
  out.push(
    '## Mentions over time',
    '',
    `The entities of most mentions${timeline.series.some((e) => e.focus) ? ' and those of --focus' : ''}: mentions in each ${by}, per 10,000 word tokens in brackets.`,
    '',
  );
  out.push(`| ${by} | ${timeline.series.map((e) => cell(e.name)).join(' | ')} |`, `|---|${timeline.series.map(() => '---:').join('|')}|`);
  timeline.periods.forEach((p, k) => {
    out.push(`| ${p.key} | ${timeline.series.map((e) => `${e.mentions[k]} (${per10k(e.mentions[k]!, p.tokens)})`).join(' | ')} |`);
  });
  out.push('');
  if (changes) {
    out.push(
      `## Risers and fallers, ${changes.from} to ${changes.to}`,
      '',
      `Entities mentioned more (risers, ↑) or less (fallers, ↓) in ${changes.to} than in ${changes.from} for each period's word tokens, ranked by G² as compare ranks keyness (${CHANGE_MIN_MENTIONS} mentions or more in the two together; † an expected count below ${CHANGE_MIN_MENTIONS}).`,
      '',
      `| # | entity | ${changes.from} | ${changes.to} | G² |`,
      '|---:|---|---:|---:|---:|',
    );
    const rows = [...changes.risers.map((c) => ['↑', c] as const), ...changes.fallers.map((c) => ['↓', c] as const)];
    for (const [i, [arrow, c]] of rows.entries()) {
      out.push(`| ${i + 1} | ${arrow} ${cell(c.name)}${c.lowExpected ? ' †' : ''} | ${c.before} | ${c.after} | ${c.g2.toFixed(1)} |`);
    }
    out.push('');
  }
  out.push(
    '## Strongest bursts',
    '',
    'Entities mentioned far more than their own recent baseline: z = (mentions − expected) / √expected, ' +
      `expected from the previous ${by}s' rate (bursts.csv has them all and the method).`,
    '',
  );
  out.push(`| # | ${by} | entity | mentions | expected | z |`, '|---:|---|---|---:|---:|---:|');
  for (const [i, b] of bursts.entries()) {
    out.push(`| ${i + 1} | ${b.period} | ${cell(b.name)} | ${b.mentions} | ${b.expected.toFixed(1)} | ${b.z.toFixed(1)} |`);
  }
  out.push('');
}
