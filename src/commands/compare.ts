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
import { type CompareConfig, compareConfig, type RawOptions } from '../options.js';
import type { CacheStats } from '../pipeline/pool.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import { inRange, type PeriodUnit, periodOf } from '../text/periods.js';
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
    const keep = { documents: false, mentions: false, termPairs: false, groups: false };
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
    folder.writeText('report.md', comparisonReport(summaries, networks, nameOf, { ...keyness, top: config.top, minPairCount: config.minPairCount }));
    folder.writeText('report.html', comparisonHtml(summaries, networks, nameOf));
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
