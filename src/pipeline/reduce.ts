// The reduce: per-document results, in input order, into the corpus tables. It decides what each
// document is (a duplicate of an earlier file, left out by a filter, a near-copy, counted) and adds
// what counts. Results may be computed in any order by any number of workers; fed in input order,
// the reduce gives the same tables. What grows with the corpus goes to the store (store.ts); in
// memory stay the vocabularies (term and entity → id), the corpus totals of each term and entity,
// and the near-copy index.
import { createCopyDetector } from '../aggregate/near-duplicates.js';
import type { EntityStat } from '../aggregate/tally.js';
import { int, real, text } from '../export/columns.js';
import type { CountTable, RowAppender, Store } from '../store/store.js';
import { compareCodeUnits } from '../text/compare.js';
import { type DayRange, inRange, type PeriodUnit, periodOf } from '../text/periods.js';
import type { EntityType, Message, Script } from '../types.js';
import type { DocFields, DocResult, KwicLine } from './doc-result.js';

/**
 * ok and warning: counted; failed: not analysed; duplicate: the same bytes as an earlier file;
 * excluded: left out by --from/--to, --outlet or --script; copy: a near-copy of an earlier
 * document (a syndicated story), left out of the counts when --dedupe is given
 */
export type DocumentStatus = 'ok' | 'warning' | 'failed' | 'duplicate' | 'excluded' | 'copy';

export interface DocumentRecord extends DocFields {
  status: DocumentStatus;
  /** the document this one is a near-copy of (the first of its group in input order), and how alike */
  copyOf: string;
  similarity: number | '';
  messages: Message[];
}

/** Which documents count, how they are grouped, and which tables the command needs. */
export interface ReduceOptions {
  /** group the counts by period as well */
  by?: PeriodUnit;
  /** only documents dated within these days (undated ones are left out) */
  days?: DayRange;
  /** only documents of these outlets, by outlet id */
  outletIds?: ReadonlySet<string>;
  /** only documents in these scripts */
  scripts?: ReadonlySet<Script>;
  /** count a near-copy of an earlier document once (it is always marked) */
  dedupe: boolean;
  /** the tables to keep: rows of documents, messages and mentions, term pairs, terms by outlet and day */
  keep: { documents: boolean; mentions: boolean; termPairs: boolean; groups: boolean };
  /** called with each document's record, in input order */
  onRecord?: (record: DocumentRecord) => void;
  /** where the rows of entity_mentions.csv go as they are reduced (they are final then) */
  mentionRows?: { write(row: readonly (string | number)[]): boolean };
}

/** documents.csv's columns: the reduce stores them after `idx` (input order), and the export reads them back */
export const DOCUMENT_FIELDS = [
  text('doc_id'),
  text('path'),
  text('title'),
  text('date'),
  text('day'),
  text('outlet'),
  text('outlet_id'),
  text('outlet_as_written'),
  text('url'),
  text('script'),
  int('tokens'),
  text('status'),
  text('copy_of'),
  real('similarity'),
] as const;

/** messages.csv's columns: stored after `idx` and `seq` (input order, then each document's own) */
export const MESSAGE_FIELDS = [text('path'), text('doc_id'), text('code'), text('severity'), text('reason'), text('place')] as const;

/** entity_mentions.csv's columns, stored as they are, in input and text order */
export const MENTION_FIELDS = [
  text('doc_id'),
  text('day'),
  text('outlet'),
  text('entity_id'),
  text('surface'),
  int('block'),
  int('start'),
  int('end'),
  text('context'),
  text('path'),
] as const;

/** A vocabulary: strings numbered in the order first seen (input order, so the numbering is deterministic). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(s, id);
      this.strings.push(s);
    }
    return id;
  }
  get(s: string): number | undefined {
    return this.ids.get(s);
  }
  get size(): number {
    return this.strings.length;
  }
  /** the ranks last computed, for as long as no string is added */
  private sorted: Uint32Array | undefined;

  /** each id's place when the strings are sorted by code unit: the order of every table (shared: read it, never change it) */
  ranks(): Uint32Array {
    if (this.sorted?.length === this.strings.length) return this.sorted;
    const order = this.strings.map((_, i) => i).sort((x, y) => compareCodeUnits(this.strings[x]!, this.strings[y]!));
    const ranks = new Uint32Array(order.length);
    order.forEach((id, rank) => {
      ranks[id] = rank;
    });
    this.sorted = ranks;
    return ranks;
  }
}

/** Corpus totals of the terms, by term id. */
export interface TermTotals {
  vocabulary: Vocabulary;
  count: number[];
  docs: number[];
  units: number[];
}

export interface PeriodTotals {
  documents: number;
  tokens: number;
  units: number;
}

/** Everything the reduce produced: counts in memory, the rest in the store. */
export interface ReducedCorpus {
  store?: Store;
  /** documents analysed (counted), their word tokens and units */
  documents: number;
  tokens: number;
  units: number;
  files: number;
  statusCounts: Record<DocumentStatus, number>;
  /** documents with a near-copy earlier in the run (copy_of set), counted or not */
  copies: number;
  /** documents read (neither failed nor duplicates) by script */
  scripts: Map<string, number>;
  mentionCount: number;
  terms: TermTotals;
  entities: Map<string, EntityStat>;
  entityVocabulary: Vocabulary;
  entityInfo: Map<string, { name: string; type: EntityType | '' }>;
  /** with `by`: the periods that have documents, sorted, with their totals and store ids */
  periods: { key: string; id: number; totals: PeriodTotals }[];
  /** outlet display names and days with their documents and store ids (terms by group) */
  outletGroups: { key: string; id: number; documents: number }[];
  dayGroups: { key: string; id: number; documents: number }[];
  /** kwic lines of the documents that count */
  kwic: KwicLine[];
  kwicDocuments: number;
  /** counts of each table the store holds */
  rows: { termPairs: number; entityPairs: number };
}

export class Reducer {
  private readonly firstPathOfId = new Map<string, string>();
  private readonly copies = createCopyDetector();
  private next = 0;
  private readonly statusCounts: Record<DocumentStatus, number> = { ok: 0, warning: 0, failed: 0, duplicate: 0, excluded: 0, copy: 0 };
  private copyCount = 0;
  private readonly scripts = new Map<string, number>();
  private documents = 0;
  private tokens = 0;
  private units = 0;
  private mentionCount = 0;
  private readonly terms: TermTotals = { vocabulary: new Vocabulary(), count: [], docs: [], units: [] };
  private readonly posTags = new Vocabulary();
  private readonly entityVocabulary = new Vocabulary();
  private readonly entities = new Map<string, EntityStat>();
  private readonly entityInfo = new Map<string, { name: string; type: EntityType | '' }>();
  private readonly periods = new Vocabulary();
  private readonly periodTotals: PeriodTotals[] = [];
  private readonly groups = new Vocabulary();
  private readonly groupDocuments: number[] = [];
  private readonly kwic: KwicLine[] = [];
  private kwicDocuments = 0;
  /** the mention rows' file could not take the last rows at once: wait for it before the next result */
  behind = false;

  private constructor(
    private readonly options: ReduceOptions,
    private readonly store: Store | undefined,
    private readonly tables: {
      documents?: RowAppender;
      messages?: RowAppender;
      mentions?: RowAppender;
      termPos?: CountTable;
      termPairs?: CountTable;
      entityPairs?: CountTable;
      groupTerms?: CountTable;
      periodTerms?: CountTable;
      periodEntities?: CountTable;
      periodEntityPairs?: CountTable;
    },
  ) {}

  /** A reducer whose tables go to `store` (none without one: kwic keeps only its lines). */
  static async create(options: ReduceOptions, store?: Store): Promise<Reducer> {
    if (!store) return new Reducer(options, undefined, {});
    const { keep } = options;
    const tables: Reducer['tables'] = {
      termPos: await store.counts('term_pos', ['term', 'pos'], ['count']),
      entityPairs: await store.counts('entity_pairs', ['a', 'b'], ['count', 'docs']),
    };
    if (keep.documents) {
      tables.documents = await store.table('documents', [int('idx'), ...DOCUMENT_FIELDS]);
      tables.messages = await store.table('messages', [int('idx'), int('seq'), ...MESSAGE_FIELDS]);
    }
    if (keep.mentions) {
      // the rows of entity_mentions.csv as they are, in input and text order: read back as written
      tables.mentions = await store.table('mentions', [...MENTION_FIELDS]);
    }
    if (keep.termPairs) tables.termPairs = await store.counts('term_pairs', ['a', 'b'], ['count', 'docs']);
    if (keep.groups) tables.groupTerms = await store.counts('group_terms', ['grp', 'term'], ['count', 'docs']);
    if (options.by) {
      tables.periodTerms = await store.counts('period_terms', ['period', 'term'], ['count', 'docs', 'units']);
      tables.periodEntities = await store.counts('period_entities', ['period', 'entity'], ['mentions', 'docs', 'units']);
      tables.periodEntityPairs = await store.counts('period_entity_pairs', ['period', 'a', 'b'], ['count', 'docs']);
    }
    return new Reducer(options, store, tables);
  }

  /** The next result in input order (result.index must be the count of results added before). */
  add(result: DocResult): DocumentRecord {
    if (result.index !== this.next) throw new Error(`results must be reduced in input order: got ${result.index}, expected ${this.next}`);
    this.next++;
    const messages = [...result.messages];
    const { fields } = result;
    const original = this.firstPathOfId.get(fields.id);
    let status: DocumentStatus | undefined;
    let copy: { copyOf: string; similarity: number } | undefined;
    if (original !== undefined) {
      messages.push({ code: 'duplicate-file', severity: 'info', reason: `same bytes as ${original}: counted once` });
      status = 'duplicate';
    } else if (!result.failed) {
      this.firstPathOfId.set(fields.id, fields.path);
      const reason = this.exclusionOf(fields);
      if (reason) {
        messages.push({ code: 'excluded', severity: 'info', reason });
        status = 'excluded';
      } else {
        // near-copies are looked for among the documents that count, in input order
        copy = this.copies.add(fields.id, result.signature);
        if (copy && this.options.dedupe) {
          messages.push({
            code: 'near-copy',
            severity: 'info',
            reason: `a copy of ${copy.copyOf} (similarity ${copy.similarity.toFixed(2)}): counted once (--dedupe)`,
          });
          status = 'copy';
        } else this.count(result);
      }
    }
    if (result.failed) status = 'failed';
    status ??= messages.some((m) => m.severity === 'warning') ? 'warning' : 'ok';
    this.statusCounts[status]++;
    if (status !== 'failed' && status !== 'duplicate') this.scripts.set(fields.script, (this.scripts.get(fields.script) ?? 0) + 1);
    if (copy) this.copyCount++;
    const record: DocumentRecord = { ...fields, status, copyOf: copy?.copyOf ?? '', similarity: copy ? Math.round(copy.similarity * 100) / 100 : '', messages };
    this.tables.documents?.append([
      result.index,
      record.id,
      record.path,
      record.title,
      record.date,
      record.day,
      record.outlet,
      record.outletId,
      record.outletWritten,
      record.url,
      record.script,
      record.tokens,
      record.status,
      record.copyOf,
      record.similarity === '' ? null : record.similarity,
    ]);
    messages.forEach((m, seq) => {
      this.tables.messages?.append([result.index, seq, record.path, record.id, m.code, m.severity, m.reason, m.place ?? '']);
    });
    this.options.onRecord?.(record);
    return record;
  }

  /** why --from/--to, --outlet or --script leave the document out, or undefined when it counts */
  private exclusionOf(fields: DocFields): string | undefined {
    const { days, outletIds, scripts } = this.options;
    const day = fields.day;
    if (days && (!day || !inRange(day, days))) {
      return day ? `dated ${day}, outside ${days.from} to ${days.to}` : `undated, and only ${days.from} to ${days.to} is asked for`;
    }
    if (outletIds && !outletIds.has(fields.outletId)) return `outlet "${fields.outlet}" is not among --outlet`;
    if (scripts && !scripts.has(fields.script as Script)) return `script ${fields.script} is not among --script`;
    return undefined;
  }

  private count(result: DocResult): void {
    const c = result.counts;
    if (result.kwic) {
      if (result.kwic.length > 0) this.kwicDocuments++;
      this.kwic.push(...result.kwic);
    }
    if (!c) return;
    this.documents++;
    this.tokens += c.tokens;
    this.units += c.units;
    const t = this.tables;
    const { vocabulary, count, docs, units } = this.terms;
    const termIds = c.terms.map((term) => vocabulary.id(term));
    termIds.forEach((id, i) => {
      count[id] = (count[id] ?? 0) + c.termStats[2 * i]!;
      docs[id] = (docs[id] ?? 0) + 1;
      units[id] = (units[id] ?? 0) + c.termStats[2 * i + 1]!;
    });
    if (t.termPos) {
      const posIds = c.posTags.map((tag) => this.posTags.id(tag));
      for (let k = 0; k < c.termPos.length; k += 3) t.termPos.add(termIds[c.termPos[k]!]!, posIds[c.termPos[k + 1]!]!, 0, c.termPos[k + 2]!);
    }
    const entityIds = c.entities.map((id) => this.entityVocabulary.id(id));
    c.entities.forEach((id, i) => {
      const s = this.entities.get(id);
      const mentions = c.entityStats[2 * i]!;
      const entityUnits = c.entityStats[2 * i + 1]!;
      if (s) {
        s.mentions += mentions;
        s.docs++;
        s.units += entityUnits;
      } else this.entities.set(id, { mentions, docs: 1, units: entityUnits, surfaces: new Map() });
    });
    for (let k = 0; k < c.entitySurfaces.length; k += 3) {
      const surfaces = this.entities.get(c.entities[c.entitySurfaces[k]!]!)!.surfaces;
      const surface = c.surfaces[c.entitySurfaces[k + 1]!]!;
      surfaces.set(surface, (surfaces.get(surface) ?? 0) + c.entitySurfaces[k + 2]!);
    }
    for (const [id, name, type] of result.entityInfo) if (!this.entityInfo.has(id)) this.entityInfo.set(id, { name, type });
    addPairs(t.termPairs, c.termPairs, termIds);
    addPairs(t.entityPairs, c.entityPairs, entityIds);

    const { fields } = result;
    if (t.groupTerms) {
      for (const group of [`o\t${fields.outlet}`, ...(fields.day ? [`d\t${fields.day}`] : [])]) {
        const g = this.groups.id(group);
        this.groupDocuments[g] = (this.groupDocuments[g] ?? 0) + 1;
        for (const [i, id] of termIds.entries()) t.groupTerms.add(g, id, 0, c.termStats[2 * i]!, 1);
      }
    }
    if (this.options.by && fields.day) {
      const p = this.periods.id(periodOf(fields.day, this.options.by));
      this.periodTotals[p] ??= { documents: 0, tokens: 0, units: 0 };
      const totals = this.periodTotals[p];
      totals.documents++;
      totals.tokens += c.tokens;
      totals.units += c.units;
      for (const [i, id] of termIds.entries()) t.periodTerms!.add(p, id, 0, c.termStats[2 * i]!, 1, c.termStats[2 * i + 1]!);
      for (const [i, id] of entityIds.entries()) t.periodEntities!.add(p, id, 0, c.entityStats[2 * i]!, 1, c.entityStats[2 * i + 1]!);
      for (let k = 0; k < c.entityPairs.length; k += 3) {
        const a = entityIds[c.entityPairs[k]!]!;
        const b = entityIds[c.entityPairs[k + 1]!]!;
        t.periodEntityPairs!.add(p, Math.min(a, b), Math.max(a, b), c.entityPairs[k + 2]!, 1);
      }
    }
    if (t.mentions) {
      const sink = this.options.mentionRows;
      for (const m of result.mentions) {
        const row = [fields.id, fields.day, fields.outlet, m.entity, m.surface, m.block, m.start, m.end, m.context, fields.path];
        t.mentions.append(row);
        if (sink && !sink.write(row)) this.behind = true;
      }
    }
    this.mentionCount += result.mentions.length;
  }

  /** Closes the tables: partial sums summed, vocabularies with their sort ranks written to the store. */
  async finish(): Promise<ReducedCorpus> {
    const { store, tables } = this;
    const rows = { termPairs: 0, entityPairs: 0 };
    if (store) {
      tables.documents?.close();
      tables.messages?.close();
      tables.mentions?.close();
      for (const table of [
        tables.termPos,
        tables.termPairs,
        tables.entityPairs,
        tables.groupTerms,
        tables.periodTerms,
        tables.periodEntities,
        tables.periodEntityPairs,
      ]) {
        await table?.finish(store);
      }
      await writeVocabulary(store, 'term_vocabulary', this.terms.vocabulary);
      await writeVocabulary(store, 'entity_vocabulary', this.entityVocabulary);
      await writeVocabulary(store, 'pos_vocabulary', this.posTags);
      if (tables.termPairs) rows.termPairs = Number(await store.value('SELECT count(*) FROM term_pairs'));
      rows.entityPairs = Number(await store.value('SELECT count(*) FROM entity_pairs'));
    }
    const groupsOf = (kind: 'o' | 'd') =>
      this.groups.strings
        .map((key, id) => ({ kind: key.slice(0, 1), key: key.slice(2), id, documents: this.groupDocuments[id]! }))
        .filter((g) => g.kind === kind)
        .map(({ key, id, documents }) => ({ key, id, documents }));
    return {
      ...(store ? { store } : {}),
      documents: this.documents,
      tokens: this.tokens,
      units: this.units,
      files: this.next,
      statusCounts: { ...this.statusCounts },
      copies: this.copyCount,
      scripts: this.scripts,
      mentionCount: this.mentionCount,
      terms: this.terms,
      entities: this.entities,
      entityVocabulary: this.entityVocabulary,
      entityInfo: this.entityInfo,
      periods: this.periods.strings.map((key, id) => ({ key, id, totals: this.periodTotals[id]! })).sort((a, b) => compareCodeUnits(a.key, b.key)),
      outletGroups: groupsOf('o'),
      dayGroups: groupsOf('d').sort((a, b) => compareCodeUnits(a.key, b.key)),
      kwic: this.kwic,
      kwicDocuments: this.kwicDocuments,
      rows,
    };
  }
}

/** each pair once per document, the smaller id first: one key whichever way a document listed it */
function addPairs(table: CountTable | undefined, pairs: Uint32Array, ids: number[]): void {
  if (!table) return;
  for (let k = 0; k < pairs.length; k += 3) {
    const a = ids[pairs[k]!]!;
    const b = ids[pairs[k + 1]!]!;
    table.add(Math.min(a, b), Math.max(a, b), 0, pairs[k + 2]!, 1);
  }
}

/** a vocabulary as a table of the store: id, the string, and its place in code-unit order */
async function writeVocabulary(store: Store, name: string, vocabulary: Vocabulary): Promise<void> {
  const table = await store.table(name, [int('id'), text('value'), int('rank')]);
  const ranks = vocabulary.ranks();
  vocabulary.strings.forEach((value, id) => {
    table.append([id, value, ranks[id]!]);
  });
  table.close();
}
