// The library API: build resources once, make a pipeline, process documents, merge their tallies.
export type * from './types.js';
export { addMessage, MESSAGE_CODES, type MessageCode } from './messages.js';
export { loadResources, defaultDictionaryDir, type Resources, type ResourceOptions } from './pipeline/resources.js';
export { createPipeline, newDoc, documentId, type Pipeline } from './pipeline/pipeline.js';
export { analyzeFiles, type CorpusOptions, type CorpusResult, type DocumentRecord, type MentionRow } from './pipeline/analyze.js';
export { collectInputs } from './pipeline/inputs.js';
export { UsageError, DictionaryError } from './errors.js';
export {
  analyzeConfig,
  compareConfig,
  kwicConfig,
  evalNerConfig,
  timeZoneMinutes,
  OptionsError,
  DEFAULTS,
  type RawOptions,
  type OptionProblem,
  type OptionErrorCode,
  type AnalyzeConfig,
  type CompareConfig,
  type KwicConfig,
  type EvalNerConfig,
  type CorpusConfig,
  type Filters,
} from './options.js';
export { nameEntityId, parseNameEntityId } from './entity-ids.js';
export { loadOutletTable, type Outlet, type OutletTable } from './resources/outlets.js';
export { emptyTally, mergeTally, type Tally, type TermStat, type EntityStat, type PairStat } from './aggregate/tally.js';
export { idf, tfidf } from './aggregate/scores.js';
export { zhtextVersion } from './package-root.js';
export { runAnalyze, type AnalyzeOptions, type AnalyzeSummary } from './commands/analyze.js';
export { createExtractStage } from './stages/extract/index.js';
export { createNormalizeStage } from './stages/normalize/index.js';
export { createSegmentStage } from './stages/segment/index.js';
export { createEntitiesStage } from './stages/entities/index.js';
export { createCountStage, countDocument } from './stages/count/index.js';
export { runCompare, type CompareOptions, type CompareSummary } from './commands/compare.js';
export { runKwic, formatKwic, type KwicOptions, type KwicResult } from './commands/kwic.js';
export { associationOf, type PairCounts, type Association } from './aggregate/association.js';
export { keynessOf, erfc } from './aggregate/keyness.js';
export { burstsOf } from './aggregate/bursts.js';
export { signatureOf, createCopyDetector, estimatedSimilarity } from './aggregate/near-duplicates.js';
export { periodOf, parseDayRange, type PeriodUnit, type DayRange } from './text/periods.js';
