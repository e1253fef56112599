// `zhtext compare`: what distinguishes one period (or range of days) from another: keyness of terms
// and entities, and the difference between their entity co-occurrence networks. Without --a and
// --b, each period (--by) is compared with all the others together, and each period's network with
// the one before it. The corpus is counted by day; each side is a union of days, read from the store
// one comparison at a time.

import { type Tally, tallyWithout } from '../aggregate/tally.js';
import { COMPARISON_COLUMNS, type Comparison, edgeChanges, keyItems, keynessRows, type NameOf, networkDiffRows } from '../export/comparison.js';
import { comparisonHtml } from '../export/comparison-html.js';
import { comparisonReport, type KeynessSummary, keynessSummary, type NetworkSummary, networkSummary, type SidesSummary } from '../export/comparison-report.js';
import { entityName, periodTally } from '../export/corpus-data.js';
import type { Cell } from '../export/csv.js';
import {
  type DaySpan,
  type Evidence,
  type EvidenceSet,
  entityEvidence,
  pairEvidence,
  REPROCESS_BUDGET,
  type Reprocessing,
  termEvidence,
} from '../export/evidence.js';
import { type CompareConfig, compareConfig, type RawOptions } from '../options.js';
import type { CacheStats } from '../pipeline/pool.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import { daysOfPeriod, inRange, type PeriodUnit, periodOf } from '../text/periods.js';
import { finishRun, type RunHooks, runCorpus, withOutputs } from './runner.js';

/** what `runCompare` takes: the command line's options in camelCase (inputs, out, a, b, minCount …) */
export type CompareOptions = RawOptions;

export type { SidesSummary };

export interface CompareSummary {
  files: number;
  analysed: number;
  failed: number;
  comparisons: SidesSummary[];
  written: string[];
  /** what the cache did */
  cache: CacheStats;
}

/** Runs a comparison and writes its folder; options are checked as on the command line (OptionsError). */
export async function runCompare(options: CompareOptions, hooks: RunHooks = {}): Promise<CompareSummary> {
  const config = compareConfig(options);
  return withOutputs(config, hooks, async (store, folder) => {
    // counted by day: any side, a range or a week or month, is a union of days
    // (the documents, their mentions and the days' terms are kept for the report's evidence)
    const keep = { documents: true, mentions: true, termPairs: false, groups: true };
    const run = await runCorpus(config, { by: 'day', keep, store }, hooks);
    const { corpus } = run;
    const nameOf: NameOf = (id) => entityName(corpus, id).name;
    const keyness = { minCount: config.minCount, minExpected: config.minExpected };
    const summaries: KeynessSummary[] = [];
    const networks: NetworkSummary[] = [];
    await folder.writeTable(
      'keyness',
      COMPARISON_COLUMNS.keyness,
      rowsOf(comparisonsOf(corpus, config), (c) => {
        const items = keyItems(c, nameOf, keyness);
        summaries.push(keynessSummary(c, items, config.top));
        return keynessRows(c, items);
      }),
    );
    await folder.writeTable(
      'network_diff',
      COMPARISON_COLUMNS.networkDiff,
      rowsOf(config.sides ? comparisonsOf(corpus, config) : consecutive(corpus, config.by), (c) => {
        const edges = edgeChanges(c, config.minPairCount);
        networks.push(networkSummary(c, edges, config.top));
        return networkDiffRows(c, edges, nameOf);
      }),
    );
    const again = { task: run.task, resources: run.resources, budget: { documents: REPROCESS_BUDGET } };
    const evidence = await comparisonEvidence(corpus, config, summaries, networks, again);
    folder.writeText('report.md', comparisonReport(summaries, networks, nameOf, { ...keyness, top: config.top, minPairCount: config.minPairCount }, evidence));
    folder.writeText('report.html', comparisonHtml(summaries, networks, nameOf, evidence));
    const failed = corpus.statusCounts.failed;
    // the Parquet files the store is still writing
    await folder.settle();
    const written = finishRun(run, folder, {
      files: corpus.files,
      analysed: corpus.documents,
      failed,
      sides: summaries.map((s) => ({ a: s.a, b: s.b, documents_a: s.documentsA, documents_b: s.documentsB, tokens_a: s.tokensA, tokens_b: s.tokensB })),
    });
    return {
      files: corpus.files,
      analysed: corpus.documents,
      failed,
      comparisons: summaries.map(({ a, b, documentsA, tokensA, documentsB, tokensB }) => ({ a, b, documentsA, tokensA, documentsB, tokensB })),
      written,
      cache: run.cache,
    };
  });
}

/** the days of a side: those given, a period's, or (rest) every dated day but the period's */
function sideDays(config: CompareConfig, comparison: { a: string; b: string }, side: 'a' | 'b'): DaySpan | undefined {
  if (config.sides) return config.sides[side].days;
  if (side === 'b' && comparison.b === 'rest') {
    const days = daysOfPeriod(comparison.a);
    return days && { ...days, outside: true };
  }
  return daysOfPeriod(comparison[side]);
}

/**
 * Each chart's evidence, by the chart's name in report.html: for each comparison, the first entity
 * and term most typical of each side, in that side's days; for each network change, the first pair
 * gained (in the later side) and lost (in the earlier).
 */
async function comparisonEvidence(
  corpus: ReducedCorpus,
  config: CompareConfig,
  summaries: readonly KeynessSummary[],
  networks: readonly NetworkSummary[],
  again: Reprocessing,
): Promise<Map<string, EvidenceSet>> {
  const evidence = new Map<string, EvidenceSet>();
  const add = (chart: string, title: string, about: string, source: string, lines: Evidence[]) => {
    if (lines.length > 0) evidence.set(chart, { title, about, source, lines });
  };
  const nameOf = (id: string) => entityName(corpus, id).name;
  for (const [k, c] of summaries.entries()) {
    for (const { kind, ofA, ofB } of c.tops) {
      for (const [side, items] of [
        ['a', ofA],
        ['b', ofB],
      ] as const) {
        const first = items[0];
        if (!first) continue;
        const label = c[side];
        const days = sideDays(config, c, side);
        const title = `${kind === 'entity' ? 'Entities' : 'Terms'} most typical of ${label}, against ${side === 'a' ? c.b : c.a}`;
        const about = `${first.name} in ${label}`;
        if (kind === 'entity')
          add(`keyness-${k + 1}-entity-${side}`, title, about, `zhtext kwic ${first.item} lists every line`, await entityEvidence(corpus, first.item, days));
        else
          add(`keyness-${k + 1}-term-${side}`, title, about, `zhtext kwic ${first.item} lists every line`, await termEvidence(corpus, again, first.item, days));
      }
    }
  }
  // the first pair gained, in the later side's days; the first lost, in the earlier side's
  for (const [k, n] of networks.entries()) {
    for (const [change, side, title] of [
      ['gained', 'b', `Pairs gained in ${n.b}`],
      ['lost', 'a', `Pairs lost from ${n.a}`],
    ] as const) {
      const first = n[change][0];
      if (!first) continue;
      const lines = await pairEvidence(corpus, first.source, first.target, sideDays(config, n, side));
      add(
        `network-${k + 1}-${change}`,
        title,
        `${nameOf(first.source)} and ${nameOf(first.target)} in ${n[side]}`,
        'entity_mentions.csv of zhtext analyze has every mention',
        lines,
      );
    }
  }
  return evidence;
}

/** the rows of each comparison in turn: one comparison's tallies in memory at a time */
async function* rowsOf(comparisons: AsyncIterable<Comparison>, rows: (c: Comparison) => Cell[][]): AsyncIterable<Cell[]> {
  for await (const c of comparisons) yield* rows(c);
}

/** the day ids of the store whose day passes `keep` */
function daysWhere(corpus: ReducedCorpus, keep: (day: string) => boolean): number[] {
  return corpus.periods.filter((p) => keep(p.key)).map((p) => p.id);
}

/** the two sides given, or each period with documents against all the other dated documents ("rest") */
async function* comparisonsOf(corpus: ReducedCorpus, config: CompareConfig): AsyncIterable<Comparison> {
  if (config.sides) {
    const { a, b } = config.sides;
    yield {
      a: a.spec,
      b: b.spec,
      tallyA: await periodTally(
        corpus,
        daysWhere(corpus, (d) => inRange(d, a.days)),
      ),
      tallyB: await periodTally(
        corpus,
        daysWhere(corpus, (d) => inRange(d, b.days)),
      ),
    };
    return;
  }
  const by = config.by;
  const all = await periodTally(
    corpus,
    daysWhere(corpus, () => true),
  );
  for (const p of periodsOf(corpus, by)) {
    const tallyA = await periodTally(
      corpus,
      daysWhere(corpus, (d) => periodOf(d, by) === p),
    );
    yield { a: p, b: 'rest', tallyA, tallyB: tallyWithout(all, tallyA) };
  }
}

/** each period with documents against the one before it: A is the earlier, B the later */
async function* consecutive(corpus: ReducedCorpus, by: PeriodUnit): AsyncIterable<Comparison> {
  const periods = periodsOf(corpus, by);
  let earlier: Tally | undefined;
  for (let k = 0; k < periods.length; k++) {
    const later = await periodTally(
      corpus,
      daysWhere(corpus, (d) => periodOf(d, by) === periods[k]),
    );
    if (earlier) yield { a: periods[k - 1]!, b: periods[k]!, tallyA: earlier, tallyB: later };
    earlier = later;
  }
}

function periodsOf(corpus: ReducedCorpus, by: PeriodUnit): string[] {
  return [...new Set(corpus.periods.map((p) => periodOf(p.key, by)))].sort();
}
