// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), a header row of
// stable column names, and text cells that Excel would run as a formula made inert with a leading '.
// A table is streamed to its file: rows are turned into text as they come, a batch of lines is
// written as the file takes them, so no table is ever built whole in memory.
//
// The text is csv-stringify's (delimiter ',', quote and escape '"', record delimiter '\n'): `toCsv`
// runs csv-stringify itself; the writer formats a row of strings and numbers by the same rules
// (a cell holding a comma, a quote or a line feed is quoted, quotes doubled; a number as String
// gives it), which the tests check against csv-stringify, without its per-cell cost. A row holding
// anything else (null, a boolean) is handed to csv-stringify.

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number;

/** = + - @ (also full-width), tab and carriage return start a formula or a DDE payload in spreadsheets */
export function escapeFormula(value: string): string {
  switch (value.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0xff1d: // ＝
    case 0xff0b: // ＋
    case 0xff0d: // －
    case 0xff20: // ＠
    case 0x09: // tab
    case 0x0d: // carriage return
      return `'${value}`;
    default:
      return value;
  }
}

const OPTIONS = { record_delimiter: '\n' } as const;

/** a table's whole text by csv-stringify itself: formula-like cells made inert, BOM, header */
export function toCsv(columns: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const records: Cell[][] = [];
  for (const row of rows) records.push(row.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell)));
  return stringify(records, { ...OPTIONS, bom: true, header: true, columns: [...columns] });
}

/** what makes csv-stringify quote a cell with these options (a carriage return alone does not) */
const NEEDS_QUOTES = /[,"\n]/;

/** a text cell as written: made inert if formula-like, quoted where csv-stringify quotes it */
export function csvText(value: string): string {
  const text = escapeFormula(value);
  if (!NEEDS_QUOTES.test(text)) return text;
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

/** a row's line, its record delimiter included; cells past the columns are left out, as csv-stringify does */
export function csvLine(row: readonly unknown[], columns: number): string {
  const length = Math.min(row.length, columns);
  let line = '';
  for (let k = 0; k < length; k++) {
    const cell = row[k];
    if (k > 0) line += ',';
    if (typeof cell === 'string') line += csvText(cell);
    else if (typeof cell === 'number') line += `${cell}`;
    else return slowLine(row, columns);
  }
  return `${line}\n`;
}

/** csv-stringify's line for a row holding other cells than strings and numbers */
function slowLine(row: readonly unknown[], columns: number): string {
  const cells = row.slice(0, columns).map((c) => (typeof c === 'string' ? escapeFormula(c) : c));
  return stringify([cells], OPTIONS);
}

/** lines written at once; a batch is a few hundred kilobytes of text */
const BATCH_ROWS = 4096;

/**
 * A CSV file written as rows arrive: `write` adds a row's line to the batch, which goes to the file
 * when full; `wait` resolves once the file has taken what it was given (call it when `write` says
 * false).
 */
export class CsvWriter {
  private readonly file: WriteStream;
  private readonly width: number;
  /** lines not yet handed to the file: the BOM and header first */
  private text: string;
  private lines = 0;
  /** a write that failed (a full disk): reported by wait and close, not as an unhandled event */
  private failure: Error | undefined;

  constructor(path: string, columns: readonly string[]) {
    this.file = createWriteStream(path);
    this.file.on('error', (error) => {
      this.failure ??= error;
    });
    this.width = columns.length;
    this.text = `\uFEFF${csvLine(columns, columns.length)}`;
  }

  /** false when the file is behind: await wait() before writing more */
  write(row: readonly Cell[]): boolean {
    this.text += csvLine(row, this.width);
    return ++this.lines < BATCH_ROWS || this.flush();
  }

  /** lines already formatted (csvLine, csvText), `count` of them; false when the file is behind */
  writeLines(text: string, count: number): boolean {
    this.text += text;
    this.lines += count;
    return this.lines < BATCH_ROWS || this.flush();
  }

  async wait(): Promise<void> {
    if (this.failure) throw this.failure;
    // events.once also rejects when the stream fails while waiting
    if (this.file.writableNeedDrain) await once(this.file, 'drain');
    if (this.failure) throw this.failure;
  }

  private flush(): boolean {
    const text = this.text;
    this.text = '';
    this.lines = 0;
    return this.file.write(text);
  }

  async close(): Promise<void> {
    if (this.text.length > 0) this.flush();
    this.file.end();
    await finished(this.file).catch(() => undefined);
    if (this.failure) throw this.failure;
  }

  /** stops writing, the file left as it is (the run failed and its staging folder goes) */
  destroy(): void {
    this.file.destroy();
  }
}
