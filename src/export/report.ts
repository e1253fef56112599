// report.md: a keyword report to read. Every figure in it comes from the same reduced tables as the
// CSV files, and the report says how each is computed.

import { associationOf } from '../aggregate/association.js';
import type { BurstRow } from '../aggregate/bursts.js';
import { keynessOf } from '../aggregate/keyness.js';
import { round, tfidf } from '../aggregate/scores.js';
import type { EntityStat, Tally } from '../aggregate/tally.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import { compareCodeUnits } from '../text/compare.js';
import { daysOfPeriod } from '../text/periods.js';
import { type EdgeChange, edgeChanges, type KeyItem, keyItems } from './comparison.js';
import { type NetworkSummary, networkChangeTables, networkSummary } from './comparison-report.js';
import { entityName, pairRows, storeOf } from './corpus-data.js';
import { type Evidence, type EvidenceSet, entityEvidence, evidenceSection, pairEvidence, type Reprocessing, termEvidence } from './evidence.js';
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
  /** terms counted fewer times over the periods are not among a period's keywords (term_timeline.csv's floor) */
  minTermCount: number;
  /** for the keywords' evidence: the run's task and resources (without it, the keyword charts have none) */
  reprocessing?: Reprocessing;
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

/** a pair counted together, by name */
export interface ReportPair {
  a: string;
  b: string;
  /** units (sentences) holding both */
  count: number;
  docs: number;
  /** the two entity ids (entity pairs) */
  ids?: [string, string];
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
  /** each chart's evidence, by the chart's name: a few sentences behind its first bar, its peak or its strongest line */
  evidence: Map<string, EvidenceSet>;
  /** the entities of most mentions, and the pairs among them (by id) seen in two units or more, with their association */
  network: { nodes: ReportEntity[]; edges: (ReportPair & { npmi: number })[] };
  periods?: {
    by: string;
    tops: { period: string; documents: number; tokens: number; entities: { id: string; name: string; mentions: number }[] }[];
    /** the strongest bursts, strongest first */
    bursts: (BurstRow & { id: string; name: string })[];
    /** the entities that rose and fell most from the period before the last to the last, by G², and the entity pairs gained and lost (none with one period) */
    changes: { from: string; to: string; risers: Change[]; fallers: Change[]; network: NetworkSummary } | undefined;
    /** the terms that set each period apart from the other periods, by G² (none with one period) */
    keywords: PeriodKeywords[];
    /** the names of the entities in changes.network */
    names: Map<string, string>;
    /** mentions in each period (with documents, in order) of the top entities and those of --focus */
    timeline: { periods: { key: string; tokens: number }[]; series: { id: string; name: string; focus: boolean; mentions: number[] }[] };
  };
}

/** a period's terms most typical of it against the other periods together */
export interface PeriodKeywords {
  period: string;
  documents: number;
  tokens: number;
  terms: { term: string; count: number; g2: number }[];
}

/** terms fewer times than this in a period are not among its keywords */
export const PERIOD_KEYWORD_MIN_COUNT = 5;
/** a period's keywords, risers and fallers have a G² of this or more: p < 0.05 for one degree of freedom, the usual keyness cut-off */
export const MIN_G2 = 3.84;

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
  for await (const [a, b, count, docs] of pairRows(corpus, 'entity', 1, options.top)) entityPairs.push({ a: name(a), b: name(b), count, docs, ids: [a, b] });
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
  if (options.periods) data.periods = await periodData(corpus, options, options.periods);
  await addEvidence(corpus, data, options.reprocessing);
  return data;
}

/** what the reports show of the periods (analyze --by) */
async function periodData(
  corpus: ReducedCorpus,
  options: ReportOptions,
  periods: NonNullable<ReportOptions['periods']>,
): Promise<NonNullable<ReportData['periods']>> {
  const name = (id: string) => entityName(corpus, id).name;
  const { by, tops, bursts, timeline, recent } = periods;
  const focus = options.focus ?? [];
  const names = new Map<string, string>();
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
        .filter((x) => side(x) && x.g2 >= MIN_G2)
        .sort((x, y) => y.g2 - x.g2 || compareCodeUnits(x.item, y.item))
        .slice(0, options.top)
        .map(changeOf);
    // the pairs seen together in --min-pair-count units in one of the two periods and not in the other, as compare finds them
    const network = networkSummary(comparison, edgeChanges(comparison, options.minTermPairCount), options.top);
    for (const e of [...network.gained, ...network.lost]) for (const id of [e.source, e.target]) names.set(id, name(id));
    changes = { from: before.period, to: last.period, risers: strongest((x) => x.direction < 0), fallers: strongest((x) => x.direction > 0), network };
  }
  return {
    by,
    tops: tops.map((t) => ({ ...t, entities: t.entities.map(([id, e]) => ({ id, name: name(id), mentions: e.mentions })) })),
    bursts: [...bursts]
      .sort((x, y) => y.z - x.z || compareCodeUnits(x.period, y.period) || compareCodeUnits(x.id, y.id))
      .slice(0, options.top)
      .map((b) => ({ ...b, name: name(b.id) })),
    changes,
    keywords: await periodKeywords(corpus, options.minTermCount, options.topPerGroup),
    names,
    timeline: {
      periods: corpus.periods.map((p) => ({ key: p.key, tokens: p.totals.tokens })),
      series: [...timeline].map(([id, mentions]) => ({ id, name: name(id), focus: focus.includes(id), mentions })),
    },
  };
}

/**
 * Each period's terms most typical of it against the other periods together: G² of the term's count
 * in the period and in the others against each side's word tokens (compare's keyness), the terms
 * commoner in the period, strongest first. Terms counted fewer than `minTermCount` times over the
 * periods (term_timeline.csv's floor), fewer than PERIOD_KEYWORD_MIN_COUNT times in the period, or with a G² below
 * MIN_G2 are left out.
 */
async function periodKeywords(corpus: ReducedCorpus, minTermCount: number, top: number): Promise<PeriodKeywords[]> {
  const periods = corpus.periods;
  if (periods.length < 2 || top <= 0) return [];
  const tokensOf = new Map(periods.map((p) => [p.id, p.totals.tokens]));
  const allTokens = periods.reduce((n, p) => n + p.totals.tokens, 0);
  const ranks = corpus.terms.vocabulary.ranks();
  const kept = new Map<number, { term: number; count: number; g2: number }[]>();
  const sql = `
    WITH totals AS (SELECT term, sum(count)::INTEGER AS total FROM period_terms GROUP BY term HAVING sum(count) >= ${minTermCount})
    SELECT p.period, p.term, p.count::INTEGER, t.total FROM period_terms p JOIN totals t ON t.term = p.term WHERE p.count >= ${PERIOD_KEYWORD_MIN_COUNT}`;
  for await (const [period, term, count, total] of storeOf(corpus).integerChunks(sql)) {
    for (let i = 0; i < period!.length; i++) {
      const p = period![i]!;
      const tokens = tokensOf.get(p)!;
      const rest = allTokens - tokens;
      const [n, others] = [count![i]!, total![i]! - count![i]!];
      if (rest <= 0 || n * rest <= others * tokens) continue;
      const g2 = Number(keynessOf(n, others, tokens, rest).g2.toFixed(1));
      if (g2 < MIN_G2) continue;
      const list = kept.get(p) ?? [];
      kept.set(p, list);
      const candidate = { term: term![i]!, count: n, g2 };
      const before = (x: typeof candidate, y: typeof candidate) => y.g2 - x.g2 || ranks[x.term]! - ranks[y.term]!;
      if (list.length === top && before(candidate, list[top - 1]!) > 0) continue;
      let at = list.length;
      while (at > 0 && before(candidate, list[at - 1]!) < 0) at--;
      list.splice(at, 0, candidate);
      if (list.length > top) list.pop();
    }
  }
  const strings = corpus.terms.vocabulary.strings;
  return periods.map((p) => ({
    period: p.key,
    documents: p.totals.documents,
    tokens: p.totals.tokens,
    terms: (kept.get(p.id) ?? []).map((x) => ({ term: strings[x.term]!, count: x.count, g2: x.g2 })),
  }));
}

/** what each chart's evidence is called in report.md */
const EVIDENCE_TITLES: Record<string, string> = {
  'top-keywords': 'Top keywords',
  'top-people': 'People',
  'top-places': 'Countries and places',
  'top-organizations': 'Organizations',
  'entity-network': 'The entity network: its strongest association',
  'entity-pairs': 'Entities named together most often',
  'entity-timeline': 'Mentions over time',
  'period-keywords': 'Keywords of the last period',
  risers: 'Risers',
  fallers: 'Fallers',
  'network-gained': 'Pairs gained',
  'network-lost': 'Pairs lost',
  bursts: 'Bursts',
};

/** each chart's evidence (see ReportData.evidence) */
async function addEvidence(corpus: ReducedCorpus, data: ReportData, again: Reprocessing | undefined): Promise<void> {
  const MENTIONS = 'entity_mentions.csv has every mention';
  const add = (chart: string, about: string, source: string, lines: Evidence[]) => {
    if (lines.length > 0) data.evidence.set(chart, { title: EVIDENCE_TITLES[chart]!, about, source, lines });
  };
  const topTerm = data.topTerms[0];
  if (topTerm && again) add('top-keywords', topTerm.term, `zhtext kwic ${topTerm.term} lists every line`, await termEvidence(corpus, again, topTerm.term));
  for (const [chart, entities] of [
    ['top-people', data.topByKind.people],
    ['top-places', data.topByKind.places],
    ['top-organizations', data.topByKind.organizations],
  ] as const) {
    const first = entities[0];
    if (first) add(chart, first.name, MENTIONS, await entityEvidence(corpus, first.id));
  }
  // the network's strongest line: the pair of the highest association
  const strongest = [...data.network.edges].sort((x, y) => y.npmi - x.npmi || y.count - x.count || compareCodeUnits(x.a, y.a) || compareCodeUnits(x.b, y.b))[0];
  if (strongest) {
    const nameOf = (id: string) => data.network.nodes.find((n) => n.id === id)?.name ?? id;
    add('entity-network', `${nameOf(strongest.a)} and ${nameOf(strongest.b)}`, MENTIONS, await pairEvidence(corpus, strongest.a, strongest.b));
  }
  const pair = data.entityPairs[0];
  if (pair?.ids) add('entity-pairs', `${pair.a} and ${pair.b}`, MENTIONS, await pairEvidence(corpus, pair.ids[0], pair.ids[1]));
  const periods = data.periods;
  if (!periods) return;
  // the timeline: the first entity asked for with --focus (or the first charted) in its period of the highest rate
  const { timeline } = periods;
  const charted = timeline.series.find((e) => e.focus) ?? timeline.series[0];
  if (charted) {
    let peak = -1;
    let peakRate = 0;
    charted.mentions.forEach((n, k) => {
      const tokens = timeline.periods[k]!.tokens;
      const rate = tokens > 0 ? n / tokens : 0;
      if (rate > peakRate) [peak, peakRate] = [k, rate];
    });
    const period = timeline.periods[peak]?.key;
    if (period)
      add(
        'entity-timeline',
        `${charted.name} in ${period}, its ${periods.by} of most mentions for its size`,
        MENTIONS,
        await entityEvidence(corpus, charted.id, daysOfPeriod(period)),
      );
  }
  const { changes, bursts, keywords } = periods;
  if (changes) {
    const riser = changes.risers[0];
    if (riser) add('risers', `${riser.name} in ${changes.to}`, MENTIONS, await entityEvidence(corpus, riser.id, daysOfPeriod(changes.to)));
    const faller = changes.fallers[0];
    if (faller) add('fallers', `${faller.name} in ${changes.from}`, MENTIONS, await entityEvidence(corpus, faller.id, daysOfPeriod(changes.from)));
    const pairName = (e: EdgeChange) => `${periods.names.get(e.source)} and ${periods.names.get(e.target)}`;
    const gained = changes.network.gained[0];
    if (gained)
      add(
        'network-gained',
        `${pairName(gained)} in ${changes.to}`,
        MENTIONS,
        await pairEvidence(corpus, gained.source, gained.target, daysOfPeriod(changes.to)),
      );
    const lost = changes.network.lost[0];
    if (lost)
      add('network-lost', `${pairName(lost)} in ${changes.from}`, MENTIONS, await pairEvidence(corpus, lost.source, lost.target, daysOfPeriod(changes.from)));
  }
  const burst = bursts[0];
  if (burst) add('bursts', `${burst.name} in ${burst.period}`, MENTIONS, await entityEvidence(corpus, burst.id, daysOfPeriod(burst.period)));
  const last = keywords.at(-1);
  const lastTerm = last?.terms[0];
  if (last && lastTerm && again) {
    add(
      'period-keywords',
      `${lastTerm.term} in ${last.period}`,
      `zhtext kwic ${lastTerm.term} --days ${last.period} lists every line`,
      await termEvidence(corpus, again, lastTerm.term, daysOfPeriod(last.period)),
    );
  }
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
  evidenceSection(out, data.evidence);
  return out.join('\n');
}

/** a rate per 10,000 tokens as the reports print it */
export const per10k = (n: number, tokens: number) => (tokens > 0 ? ((n / tokens) * 10_000).toFixed(1) : '–');

export const TERMS_NOTE = 'Terms are content words in simplified form (stop words, numbers, punctuation and single characters left out).';
export const TFIDF_NOTE =
  "TF-IDF = count × (ln((1 + N) / (1 + docs)) + 1), N = documents analysed; per outlet and per day, the count is the group's and the idf the corpus's.";

/** the entities of each period, and the strongest bursts (analyze --by) */
function periodSections(out: string[], { by, tops, bursts, timeline, changes, keywords, names }: NonNullable<ReportData['periods']>): void {
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
  if (keywords.length > 0) {
    out.push(
      `## Keywords by ${by}`,
      '',
      `The terms that set each ${by} apart from the others together, by G² of the term's count in the ${by} and in the others against each side's word tokens (as compare measures keyness): terms commoner in the ${by}, strongest first, among those counted ${PERIOD_KEYWORD_MIN_COUNT} times or more in it with a G² of ${MIN_G2} or more (p < 0.05); count and G² in brackets (term_timeline.csv has every period's counts and tokens).`,
      '',
      `| ${by} | docs | keywords (count, G²) |`,
      '|---|---:|---|',
    );
    for (const k of keywords)
      out.push(`| ${k.period} | ${k.documents} | ${k.terms.map((t) => `${cell(t.term)} (${t.count}, ${t.g2.toFixed(1)})`).join(', ')} |`);
    out.push('');
  }
  if (changes) {
    out.push(
      `## Risers and fallers, ${changes.from} to ${changes.to}`,
      '',
      `Entities mentioned more (risers, ↑) or less (fallers, ↓) in ${changes.to} than in ${changes.from} for each period's word tokens, ranked by G² as compare ranks keyness (${CHANGE_MIN_MENTIONS} mentions or more in the two together, G² ${MIN_G2} or more: p < 0.05; † an expected count below ${CHANGE_MIN_MENTIONS}). \`zhtext compare --a <period> --b <period>\` compares any two periods.`,
      '',
    );
    const rows = [...changes.risers.map((c) => ['↑', c] as const), ...changes.fallers.map((c) => ['↓', c] as const)];
    if (rows.length === 0) out.push(`No entity rose or fell with a G² of ${MIN_G2} or more.`);
    else out.push(`| # | entity | ${changes.from} | ${changes.to} | G² |`, '|---:|---|---:|---:|---:|');
    for (const [i, [arrow, c]] of rows.entries()) {
      out.push(`| ${i + 1} | ${arrow} ${cell(c.name)}${c.lowExpected ? ' †' : ''} | ${c.before} | ${c.after} | ${c.g2.toFixed(1)} |`);
    }
    out.push(
      '',
      `## The entity network, ${changes.from} to ${changes.to}`,
      '',
      `Entity pairs seen together in enough units to be drawn in one ${by}'s network and not in the other's (network_${changes.from}.gexf and network_${changes.to}.gexf hold both networks).`,
      '',
    );
    networkChangeTables(out, changes.network, (id) => names.get(id) ?? id, '###');
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
