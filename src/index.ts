// The library API: build resources once, make a pipeline, process documents, merge their tallies.

export { type Association, associationOf, type PairCounts } from './aggregate/association.js';
export { burstsOf } from './aggregate/bursts.js';
export { erfc, keynessOf } from './aggregate/keyness.js';
export { createCopyDetector, estimatedSimilarity, signatureOf } from './aggregate/near-duplicates.js';
export { type PackedCounts, unpackCounts } from './aggregate/packed.js';
export { idf, tfidf } from './aggregate/scores.js';
export { type EntityStat, emptyTally, mergeTally, type PairStat, type Tally, type TermStat } from './aggregate/tally.js';
export { ANALYSIS_COLUMNS, type AnalysisTable, type AnalyzeOptions, type AnalyzeSummary, analyzeTables, runAnalyze } from './commands/analyze.js';
export { type CompareOptions, type CompareSummary, runCompare } from './commands/compare.js';
export { formatKwic, type KwicOptions, type KwicResult, runKwic } from './commands/kwic.js';
export type { RunHooks } from './commands/runner.js';
export { nameEntityId, parseNameEntityId } from './entity-ids.js';
export { DictionaryError, UsageError } from './errors.js';
export type { RowOf } from './export/columns.js';
export { EXCEL_ROW_LIMIT } from './export/output-dir.js';
export { addMessage, MESSAGE_CODES, type MessageCode } from './messages.js';
export {
  type AnalyzeConfig,
  analyzeConfig,
  type CompareConfig,
  type CorpusConfig,
  compareConfig,
  DEFAULTS,
  type EvalNerConfig,
  evalNerConfig,
  type Filters,
  type KwicConfig,
  kwicConfig,
  type OptionErrorCode,
  type OptionProblem,
  OptionsError,
  type RawOptions,
  timeZoneMinutes,
} from './options.js';
export { zhtextVersion } from './package-root.js';
export type { DocFields, DocResult, KwicLine, MentionOfDoc } from './pipeline/doc-result.js';
export { collectInputs } from './pipeline/inputs.js';
export { createPipeline, documentId, newDoc, type Pipeline } from './pipeline/pipeline.js';
export { processInOrder } from './pipeline/pool.js';
export { createDocProcessor, type DocProcessor, type TaskConfig } from './pipeline/process.js';
export { type DocumentRecord, type DocumentStatus, type ReducedCorpus, type ReduceOptions, Reducer } from './pipeline/reduce.js';
export { defaultDictionaryDir, loadResources, type ResourceOptions, type Resources } from './pipeline/resources.js';
export { loadOutletTable, type Outlet, type OutletTable } from './resources/outlets.js';
export { countDocument, countPacked, createCountStage } from './stages/count/index.js';
export { createEntitiesStage } from './stages/entities/index.js';
export { createExtractStage } from './stages/extract/index.js';
export { createNormalizeStage } from './stages/normalize/index.js';
export { createSegmentStage } from './stages/segment/index.js';
export { Store } from './store/store.js';
export { type DayRange, type PeriodUnit, parseDayRange, periodOf } from './text/periods.js';
export type * from './types.js';
