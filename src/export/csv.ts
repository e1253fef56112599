// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), a header row of
// stable column names, and text cells that Excel would run as a formula made inert with a leading '.
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number;

/** = + - @ (also full-width), tab and carriage return start a formula or a DDE payload in spreadsheets */
const FORMULA_START = /^[=+\-@＝＋－＠\t\r]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(columns: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const records: Cell[][] = [];
  for (const row of rows) records.push(row.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell)));
  return stringify(records, { bom: true, header: true, columns: [...columns], record_delimiter: '\n' });
}
