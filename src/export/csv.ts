// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), a header row of
// stable column names, and text cells that Excel would run as a formula made inert with a leading '.
// A table is streamed to its file: csv-stringify turns a batch of rows at a time into text, and the
// batches are written as the file takes them, so no table is ever built whole in memory.

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number;

/** = + - @ (also full-width), tab and carriage return start a formula or a DDE payload in spreadsheets */
const FORMULA_START = /^[=+\-@＝＋－＠\t\r]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const OPTIONS = { record_delimiter: '\n' } as const;

export function toCsv(columns: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const records: Cell[][] = [];
  for (const row of rows) records.push(row.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell)));
  return stringify(records, { ...OPTIONS, bom: true, header: true, columns: [...columns] });
}

/** rows stringified at once; a batch is a few hundred kilobytes of text */
const BATCH_ROWS = 4096;

/**
 * A CSV file written as rows arrive: `write` keeps the rows of a batch, then hands their text to the
 * file; `wait` resolves once the file has taken what it was given (call it when `write` says false).
 */
export class CsvWriter {
  private readonly file: WriteStream;
  private batch: Cell[][] = [];
  private started = false;
  /** a write that failed (a full disk): reported by wait and close, not as an unhandled event */
  private failure: Error | undefined;

  constructor(
    path: string,
    private readonly columns: readonly string[],
  ) {
    this.file = createWriteStream(path);
    this.file.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /** false when the file is behind: await wait() before writing more */
  write(row: readonly Cell[]): boolean {
    this.batch.push(row.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell)));
    return this.batch.length < BATCH_ROWS || this.flush();
  }

  async wait(): Promise<void> {
    if (this.failure) throw this.failure;
    // events.once also rejects when the stream fails while waiting
    if (this.file.writableNeedDrain) await once(this.file, 'drain');
    if (this.failure) throw this.failure;
  }

  private flush(): boolean {
    const first = !this.started;
    this.started = true;
    const text = stringify(this.batch, { ...OPTIONS, bom: first, header: first, columns: [...this.columns] });
    this.batch = [];
    return this.file.write(text);
  }

  async close(): Promise<void> {
    if (this.batch.length > 0 || !this.started) this.flush();
    this.file.end();
    await finished(this.file).catch(() => undefined);
    if (this.failure) throw this.failure;
  }

  /** stops writing, the file left as it is (the run failed and its staging folder goes) */
  destroy(): void {
    this.file.destroy();
  }
}
