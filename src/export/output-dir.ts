// Outputs are written into a staging folder inside the output folder and moved into place only when
// every file is complete, so a failed or interrupted run never leaves half-written tables. Before
// the moves, the staging folder is marked complete (a list of its files): a run killed during them
// leaves that list, and the next run into the folder finishes the moves before anything else, so
// the folder never stays a mix of two runs' files. Tables are streamed into their files as their
// rows come: nothing is built whole in memory.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Column, RowAppender, Store } from '../store/store.js';
import { type Cell, CsvWriter } from './csv.js';

/**
 * Rows Excel opens in a sheet, the header's included (1,048,576): a longer CSV table keeps its first
 * rows in the table's order; the Parquet file keeps them all.
 */
export const EXCEL_ROW_LIMIT = 1_048_576;

export interface WrittenTable {
  name: string;
  rows: number;
  /** rows in the CSV file, fewer than `rows` when Excel's limit cut it */
  csvRows: number;
}

/** A table being written: rows in, then close. */
export interface TableSink {
  /** false when the file is behind: await wait() before writing more */
  write(row: readonly Cell[]): boolean;
  /** rows the CSV file still takes before Excel's limit */
  csvRoom(): number;
  /**
   * For a table the store holds (`storedAs`): the CSV lines of the next `count` rows (csvLine,
   * at most csvRoom()), already formatted; false when the file is behind.
   */
  writeLines(text: string, count: number): boolean;
  /** For a table the store holds: the next `count` rows, which the CSV does not take (past its limit). */
  skip(count: number): void;
  /**
   * For a table the store holds: it holds every row now, so the store may write the Parquet file
   * while the CSV is still being written (otherwise that starts at close).
   */
  parquetNow(): void;
  wait(): Promise<void>;
  close(): Promise<WrittenTable>;
}

export class OutputFolder {
  private readonly staging: string;
  private readonly files: string[] = [];
  private readonly open = new Set<CsvWriter>();
  /** the output folder did not exist: a failed run removes it again */
  private createdOutDir: boolean | undefined;
  readonly tables: WrittenTable[] = [];
  /** the Parquet files the store is writing, one after the other, while the run goes on */
  private writing: Promise<void> = Promise.resolve();
  private unsettled = false;
  /** the first Parquet file that could not be written */
  private failure: unknown;
  /** tables of the store to drop once their Parquet files are written */
  private readonly drops: string[] = [];

  constructor(
    readonly outDir: string,
    private readonly store: Store | undefined,
    /** data rows a CSV table may hold (Excel's limit less the header; smaller in tests) */
    private readonly csvRowLimit = EXCEL_ROW_LIMIT - 1,
  ) {
    this.staging = join(outDir, `.zhtext-staging-${process.pid}`);
    // a run killed while moving its files into place is finished first, whatever becomes of this one
    if (existsSync(outDir)) removeAbandoned(outDir);
  }

  /** the staging folder, made when the first file is written (a run that fails earlier makes nothing) */
  private stagingDir(): string {
    if (this.createdOutDir === undefined) {
      this.createdOutDir = !existsSync(this.outDir);
      mkdirSync(this.outDir, { recursive: true });
      removeAbandoned(this.outDir);
      rmSync(this.staging, { recursive: true, force: true });
      mkdirSync(join(this.staging, 'parquet'), { recursive: true });
    }
    return this.staging;
  }

  /** a whole small file (report.md, run.json, a network) */
  writeText(name: string, content: string): void {
    writeFileSync(join(this.stagingDir(), name), content);
    this.files.push(name);
  }

  /**
   * A table as CSV for Excel (BOM, header, formula-like cells made inert; at most the row limit) and,
   * when the run has a store, as Parquet with every row and typed columns ('' is NULL in a number
   * column). A table the store holds as it is (`storedAs`, a query giving the same columns and rows,
   * complete when the sink is closed) goes to Parquet straight from the store. The store writes the
   * Parquet file in its own threads after `close`, while the run goes on: `settle` waits for it;
   * `dropAfter` names tables of the store to drop then (the ones `storedAs` reads).
   */
  async openTable(name: string, columns: readonly Column[], storedAs?: string, dropAfter: readonly string[] = []): Promise<TableSink> {
    const csvName = `${name}.csv`;
    const csv = new CsvWriter(
      join(this.stagingDir(), csvName),
      columns.map((c) => c.name),
    );
    this.open.add(csv);
    const store = this.store;
    const parquet: RowAppender | undefined = store && storedAs === undefined ? await store.table(`out_${name}`, [...columns]) : undefined;
    const numeric = columns.map((c) => c.type !== 'VARCHAR');
    let rows = 0;
    const limit = this.csvRowLimit;
    let parquetStarted = false;
    const startParquet = () => {
      if (!store || parquetStarted) return;
      parquetStarted = true;
      const parquetName = `parquet/${name}.parquet`;
      const source = storedAs === undefined ? `out_${name}` : `(${storedAs})`;
      this.inBackground(store, `COPY ${source} TO '${join(this.staging, parquetName).replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`);
      this.drops.push(...(parquet ? [`out_${name}`] : []), ...dropAfter);
      this.files.push(parquetName);
    };
    const stored = (what: string) => {
      if (storedAs === undefined) throw new Error(`${name}: ${what} is for a table the store holds`);
    };
    return {
      write: (row) => {
        rows++;
        parquet?.append(row.map((cell, k) => (cell === '' && numeric[k] ? null : cell)));
        return rows > limit || csv.write(row);
      },
      csvRoom: () => Math.max(0, limit - rows),
      writeLines: (text, count) => {
        stored('writeLines');
        if (rows + count > limit) throw new RangeError(`${name}: ${count} lines past the CSV's room of ${limit - rows}`);
        rows += count;
        return csv.writeLines(text, count);
      },
      skip: (count) => {
        stored('skip');
        if (count > 0 && rows < limit) throw new RangeError(`${name}: rows skipped while the CSV has room`);
        rows += count;
      },
      parquetNow: () => {
        stored('parquetNow');
        startParquet();
      },
      wait: () => csv.wait(),
      close: async () => {
        await csv.close();
        this.open.delete(csv);
        this.files.push(csvName);
        parquet?.close();
        startParquet();
        const table = { name, rows, csvRows: Math.min(rows, limit) };
        this.tables.push(table);
        return table;
      },
    };
  }

  /** a table whose rows come from an iterable, in the table's order (see openTable) */
  async writeTable(
    name: string,
    columns: readonly Column[],
    rows: AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>,
    storedAs?: string,
  ): Promise<WrittenTable> {
    const sink = await this.openTable(name, columns, storedAs);
    // rows in memory are not awaited one by one, only when the file is behind
    if (Symbol.iterator in rows) {
      for (const row of rows) if (!sink.write(row)) await sink.wait();
    } else for await (const row of rows) if (!sink.write(row)) await sink.wait();
    return sink.close();
  }

  /**
   * A statement of the store run after the ones before it, on a connection of its own, while the run
   * goes on; DuckDB keeps to one thread meanwhile, which writes these files nearly as fast as two
   * (cooccurrence's on the month, join and sort included: 2.2-2.4 s against 2.0-2.2 s, at half the
   * processor time) and leaves the other core to the main thread, which formats the CSV files.
   */
  private inBackground(store: Store, sql: string): void {
    this.unsettled = true;
    this.writing = this.writing.then(async () => {
      if (this.failure === undefined) await store.runApart(sql, { threads: 1 });
    });
    // kept, not thrown here: settle reports it (and nothing is left unhandled)
    this.writing = this.writing.catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  /** tables of the store to drop once the Parquet files the store is writing are written */
  dropAfterSettle(...tables: string[]): void {
    this.drops.push(...tables);
  }

  /** Waits for the Parquet files the store is writing and drops the tables they were written from; throws the first failure. */
  async settle(): Promise<void> {
    await this.writing;
    this.unsettled = false;
    if (this.failure !== undefined) throw this.failure;
    for (const table of this.drops.splice(0)) await this.store?.run(`DROP TABLE IF EXISTS ${table}`);
  }

  /** the tables Excel's row limit cut, for messages.csv and the report */
  get truncated(): WrittenTable[] {
    return this.tables.filter((t) => t.csvRows < t.rows);
  }

  /** Moves every file into the output folder (replacing what was there) and removes the staging folder; after settle. */
  publish(): string[] {
    if (this.unsettled) throw new Error('the store is still writing Parquet files: await settle() before publish()');
    try {
      markComplete(this.staging, this.files);
      moveInto(this.outDir, this.staging, this.files);
    } finally {
      this.removeStaging();
    }
    return this.files.map((name) => join(this.outDir, name));
  }

  /**
   * Removes what the run wrote, once the store has stopped writing into it: the staging folder, and
   * the output folder if the run made it and it is empty.
   */
  async discard(): Promise<void> {
    this.failure ??= new Error('discarded');
    await this.writing;
    this.unsettled = false;
    this.removeStaging();
  }

  private removeStaging(): void {
    for (const csv of this.open) csv.destroy();
    this.open.clear();
    rmSync(this.staging, { recursive: true, force: true });
    if (this.createdOutDir && readdirSync(this.outDir).length === 0) rmSync(this.outDir, { recursive: true, force: true });
  }
}

/** the file in a staging folder that lists its files once every one is written: the moves may begin */
const COMPLETE = '.complete.json';

/** the list written under a name of its own and renamed, so that it is whole or absent */
function markComplete(staging: string, files: readonly string[]): void {
  const temporary = join(staging, `${COMPLETE}.tmp`);
  writeFileSync(temporary, JSON.stringify(files));
  renameSync(temporary, join(staging, COMPLETE));
}

/** the listed files from the staging folder into the output folder; those moved already are skipped */
function moveInto(outDir: string, staging: string, files: readonly string[]): void {
  for (const name of files) {
    const from = join(staging, name);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    renameSync(from, join(outDir, name));
  }
}

/**
 * The staging folders of runs that were killed (their process is gone on this machine): one killed
 * while moving its files into place is finished, so that the folder holds one run's outputs; any
 * other was never published, and is removed.
 */
function removeAbandoned(outDir: string): void {
  for (const name of readdirSync(outDir).sort()) {
    const pid = /^\.zhtext-staging-(\d+)$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    const staging = join(outDir, name);
    let files: unknown;
    try {
      files = JSON.parse(readFileSync(join(staging, COMPLETE), 'utf8'));
    } catch {
      files = undefined; // not marked complete: never published
    }
    if (Array.isArray(files) && files.every((f) => typeof f === 'string' && !f.startsWith('/') && !f.split(/[\\/]/).includes('..')))
      moveInto(outDir, staging, files);
    rmSync(staging, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user holds the number
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
