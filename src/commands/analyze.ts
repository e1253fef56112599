// `zhtext analyze`: the main job, from files and folders to the tables, the report and run.json. The
// same tables can be had from code without a folder (analyzeTables), as typed rows.

import type { RowOf } from '../export/columns.js';
import { periodItems } from '../export/corpus-data.js';
import type { Cell } from '../export/csv.js';
import { REPROCESS_BUDGET } from '../export/evidence.js';
import { htmlOf } from '../export/html-report.js';
import type { OutputFolder, WrittenTable } from '../export/output-dir.js';
import { markdownOf, type PeriodCounts, type PeriodTop, reportData, timelineIds } from '../export/report.js';
import {
  byMentions,
  COLUMNS,
  cooccurrenceRows,
  DOCUMENTS_SQL,
  ENTITY_MENTIONS_SQL,
  entityRows,
  messageRows,
  storeRows,
  termRows,
  writeCooccurrence,
  writeTerms,
} from '../export/tables.js';
import {
  burstRows,
  burstTableRows,
  entityTimelineRows,
  networkGexf,
  periodTallies,
  TIMELINE_COLUMNS,
  termTimelineRows,
  writeEntityTimeline,
  writeTermTimeline,
} from '../export/timelines.js';
import { type AnalyzeConfig, analyzeConfig, type RawOptions, unitName } from '../options.js';
import type { CacheStats } from '../pipeline/pool.js';
import type { ReducedCorpus } from '../pipeline/reduce.js';
import { type Column, Store } from '../store/store.js';
import { type CorpusRun, finishRun, type RunHooks, runCorpus, withOutputs } from './runner.js';

/** what `runAnalyze` takes: the command line's options in camelCase (inputs, out, by, minPairCount …) */
export type AnalyzeOptions = RawOptions;

export interface AnalyzeSummary {
  files: number;
  analysed: number;
  failed: number;
  warnings: number;
  duplicates: number;
  written: string[];
  /** worker processes used */
  workers: number;
  /** what the cache did */
  cache: CacheStats;
}

/** keywords per outlet and day, and entities per period, in the report */
const TOP_PER_GROUP = 10;

/** every table but messages, in the order a run writes them (entity_mentions comes during the run) */
interface TableSource {
  name: string;
  columns: readonly Column[];
  rows: () => AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>;
  /** the store's query for the same rows, when the store holds the table as it is */
  storedAs?: string;
  /** writes the table into the output folder by a way of its own (rows() is for the library) */
  write?: (folder: OutputFolder) => Promise<WrittenTable>;
}

function tableSources(corpus: ReducedCorpus, config: AnalyzeConfig, items: { entities: string[]; terms: string[] } | undefined): TableSource[] {
  const tables: TableSource[] = [
    { name: 'documents', columns: COLUMNS.documents, rows: () => storeRows(corpus, DOCUMENTS_SQL), storedAs: DOCUMENTS_SQL },
    { name: 'terms', columns: COLUMNS.terms, rows: () => termRows(corpus), write: (folder) => writeTerms(folder, corpus) },
    { name: 'entities', columns: COLUMNS.entities, rows: () => entityRows(corpus) },
    {
      name: 'cooccurrence',
      columns: COLUMNS.cooccurrence,
      rows: () => cooccurrenceRows(corpus, config.minPairCount),
      write: (folder) => writeCooccurrence(folder, corpus, config.minPairCount),
    },
  ];
  if (items) {
    tables.push(
      {
        name: 'entity_timeline',
        columns: TIMELINE_COLUMNS.entityTimeline,
        rows: () => entityTimelineRows(corpus, items.entities),
        write: (folder) => writeEntityTimeline(folder, corpus),
      },
      {
        name: 'term_timeline',
        columns: TIMELINE_COLUMNS.termTimeline,
        rows: () => termTimelineRows(corpus, items.terms),
        write: (folder) => writeTermTimeline(folder, corpus, config.minTermCount),
      },
    );
  }
  return tables;
}

/** with --by, the periods that have documents (a stray old post would otherwise bring every empty day between) */
async function periodItemsOf(corpus: ReducedCorpus, config: AnalyzeConfig) {
  return config.by && corpus.periods.length > 0 ? periodItems(corpus, config.minTermCount) : undefined;
}

/** Runs an analysis and writes its folder; options are checked as on the command line (OptionsError). */
export async function runAnalyze(options: AnalyzeOptions, hooks: RunHooks = {}): Promise<AnalyzeSummary> {
  const config = analyzeConfig(options);
  return withOutputs(config, hooks, async (store, folder) => {
    // entity_mentions.csv is written as the mentions are reduced; its Parquet file comes from the store
    const mentions = await folder.openTable('entity_mentions', COLUMNS.entityMentions, ENTITY_MENTIONS_SQL);
    const run = await runCorpus(config, { ...(config.by ? { by: config.by } : {}), keep: KEEP, store, mentions }, hooks);
    const { corpus } = run;
    await mentions.close();
    const items = await periodItemsOf(corpus, config);
    for (const t of tableSources(corpus, config, items)) await (t.write ? t.write(folder) : folder.writeTable(t.name, t.columns, t.rows(), t.storedAs));
    const periods = items && config.by ? await writePeriods(corpus, config, folder, config.by) : undefined;
    // messages and the report last: they say which tables Excel's row limit cut
    const notes = folder.truncated.map((t) => [
      `${t.name}.csv`,
      '',
      'csv-truncated',
      'warning',
      `${t.name}.csv holds the first ${t.csvRows} of ${t.rows} rows (Excel opens no more); parquet/${t.name}.parquet holds them all`,
      '',
    ]);
    await folder.writeTable('messages', COLUMNS.messages, messageRows(corpus, run.skipped, notes));
    const truncated = folder.truncated;
    const report = await reportData(corpus, {
      top: config.top,
      topPerGroup: TOP_PER_GROUP,
      minTermPairCount: config.minPairCount,
      truncated,
      csvRowLimit: truncated[0]?.csvRows ?? 0,
      minTermCount: config.minTermCount,
      reprocessing: { task: run.task, resources: run.resources, budget: { documents: REPROCESS_BUDGET } },
      ...(periods ? { periods, focus: config.focus } : {}),
    });
    folder.writeText('report.md', markdownOf(report));
    folder.writeText('report.html', htmlOf(report));
    // the Parquet files the store is still writing
    await folder.settle();
    const written = finishRun(run, folder, countsOf(corpus, run.skipped.length));
    const c = corpus.statusCounts;
    return {
      files: corpus.files,
      analysed: corpus.documents,
      failed: c.failed,
      warnings: c.warning,
      duplicates: c.duplicate,
      written,
      workers: run.workers,
      cache: run.cache,
    };
  });
}

const KEEP = { documents: true, mentions: true, termPairs: true, groups: true };

/** bursts.csv and each period's network, and what the report shows of the periods */
async function writePeriods(corpus: ReducedCorpus, config: AnalyzeConfig, folder: OutputFolder, by: string) {
  const bursts = await burstRows(corpus);
  await folder.writeTable('bursts', TIMELINE_COLUMNS.bursts, burstTableRows(corpus, bursts));
  const tops: PeriodTop[] = [];
  // what the report shows of the periods is read with the networks: the timeline of a few entities
  // and the last two periods' counts
  const timeline = new Map(timelineIds(corpus, config.focus).map((id) => [id, [] as number[]]));
  const recent: PeriodCounts[] = [];
  // the networks and the report read entities and entity pairs: no terms, no pairs left out of the networks
  for await (const [period, tally] of periodTallies(corpus, { terms: false, minPairCount: config.minPairCount })) {
    folder.writeText(`network_${period}.gexf`, networkGexf(corpus, period, tally, config.minPairCount, unitName(config.unit)));
    tops.push({ period, documents: tally.documents, tokens: tally.tokens, entities: byMentions(tally.entities).slice(0, TOP_PER_GROUP) });
    for (const [id, mentions] of timeline) mentions.push(tally.entities.get(id)?.mentions ?? 0);
    recent.push({ period, tally });
    if (recent.length > 2) recent.shift();
  }
  return { by, tops, bursts, timeline, ...(recent.length === 2 ? { recent: recent as [PeriodCounts, PeriodCounts] } : {}) };
}

/** the columns of every table analyzeTables gives, by table name */
export const ANALYSIS_COLUMNS = {
  documents: COLUMNS.documents,
  terms: COLUMNS.terms,
  entities: COLUMNS.entities,
  cooccurrence: COLUMNS.cooccurrence,
  entity_timeline: TIMELINE_COLUMNS.entityTimeline,
  term_timeline: TIMELINE_COLUMNS.termTimeline,
  entity_mentions: COLUMNS.entityMentions,
  messages: COLUMNS.messages,
  bursts: TIMELINE_COLUMNS.bursts,
} as const;
type AnalysisColumns = typeof ANALYSIS_COLUMNS;

/** a table of the analysis: its name, columns, and rows typed by its columns (RowOf) */
export type AnalysisTable = {
  [N in keyof AnalysisColumns]: {
    name: N;
    columns: AnalysisColumns[N];
    /** the rows, in the table's order; read them before asking for the next table */
    rows: AsyncIterable<RowOf<AnalysisColumns[N]>>;
  };
}[keyof AnalysisColumns];

type TableRow = Record<string, string | number | null>;

/**
 * The analysis from code, without an output folder: every table of `zhtext analyze` (the same rows,
 * no Excel row limit), one at a time, as typed rows. Options as runAnalyze takes them, `out` aside.
 *
 *     for await (const table of analyzeTables({ inputs: ['archive/'], by: 'week' })) {
 *       for await (const row of table.rows) …
 *     }
 */
export async function* analyzeTables(options: Omit<AnalyzeOptions, 'out'>, hooks: Omit<RunHooks, 'csvRowLimit'> = {}): AsyncGenerator<AnalysisTable> {
  const config = analyzeConfig({ ...options, out: '(none)' });
  const store = await Store.open();
  try {
    const run: CorpusRun<AnalyzeConfig> = await runCorpus(config, { ...(config.by ? { by: config.by } : {}), keep: KEEP, store }, hooks);
    const { corpus } = run;
    const items = await periodItemsOf(corpus, config);
    const sources: TableSource[] = [
      ...tableSources(corpus, config, items),
      { name: 'entity_mentions', columns: COLUMNS.entityMentions, rows: () => storeRows(corpus, ENTITY_MENTIONS_SQL) },
      { name: 'messages', columns: COLUMNS.messages, rows: () => messageRows(corpus, run.skipped) },
    ];
    if (items) {
      const bursts = async function* () {
        yield* burstTableRows(corpus, await burstRows(corpus));
      };
      sources.push({ name: 'bursts', columns: TIMELINE_COLUMNS.bursts, rows: bursts });
    }
    for (const source of sources) yield { name: source.name, columns: source.columns, rows: rowObjects(source.columns, source.rows()) } as AnalysisTable;
  } finally {
    store.close();
  }
}

async function* rowObjects(columns: readonly Column[], rows: AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>): AsyncIterable<TableRow> {
  for await (const row of rows) {
    const object: TableRow = {};
    columns.forEach((c, k) => {
      const cell = row[k]!;
      object[c.name] = cell === '' && c.type !== 'VARCHAR' ? null : cell;
    });
    yield object;
  }
}

function countsOf(corpus: ReducedCorpus, skipped: number): Record<string, number> {
  const c = corpus.statusCounts;
  return {
    files: corpus.files,
    skipped,
    analysed: corpus.documents,
    ok: c.ok,
    warning: c.warning,
    failed: c.failed,
    duplicate: c.duplicate,
    excluded: c.excluded,
    copies: corpus.copies,
    periods: corpus.periods.length,
    tokens: corpus.tokens,
    terms: corpus.terms.vocabulary.size,
    entities: corpus.entities.size,
    entity_mentions: corpus.mentionCount,
    entity_pairs: corpus.rows.entityPairs,
    term_pairs: corpus.rows.termPairs,
  };
}
