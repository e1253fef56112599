// A table written from numbers: its rows' numbers (ids of strings the store's tables hold, counts,
// measures computed in JavaScript) are appended to a table of the store in bulk, in the table's
// order; the store then writes the Parquet file from them, with the strings joined in, in its own
// threads, while the CSV's lines are formatted from the same numbers read back in order. No row is
// ever a JavaScript array of cells, and the Parquet file holds exactly the doubles computed here.
import type { Column, NumberAppender, NumberColumn, Store } from '../store/store.js';
import type { OutputFolder, WrittenTable } from './output-dir.js';

export interface StoredTable {
  /** the table's name in the output folder */
  name: string;
  /** its columns, as the CSV and the Parquet file have them */
  columns: readonly Column[];
  /** the numbers kept for each row, as a table of the store has them */
  numbers: { name: string; type: 'INTEGER' | 'DOUBLE' }[];
  /**
   * the query giving the table's columns from the numbers, whose table is `from`; it must keep the
   * numbers' order (ORDER BY from.rowid when it joins)
   */
  parquet: (from: string) => string;
  /** for a chunk of the numbers read back (a typed array a column), the CSV line of its row i, with its line feed */
  lines: (numbers: readonly NumberColumn[]) => (i: number) => string;
}

/** Writes `table`: `fill` appends every row's numbers, in order, to the appender it is given. */
export async function writeStoredTable(
  folder: OutputFolder,
  store: Store,
  table: StoredTable,
  fill: (numbers: NumberAppender) => Promise<void> | void,
): Promise<WrittenTable> {
  const from = `${table.name}_numbers`;
  const appender = await store.numbers(from, table.numbers);
  try {
    await fill(appender);
  } finally {
    appender.close();
  }
  const sink = await folder.openTable(table.name, table.columns, table.parquet(from), [from]);
  sink.parquetNow();
  const rows = Number(await store.value(`SELECT count(*) FROM ${from}`));
  const lines = Math.min(rows, sink.csvRoom());
  const names = table.numbers.map((c) => `"${c.name}"`).join(', ');
  let next = 0;
  for await (const [rowid, ...numbers] of store.numberChunks(`SELECT CAST(rowid AS INTEGER), ${names} FROM ${from} LIMIT ${lines}`)) {
    const line = table.lines(numbers);
    let text = '';
    for (let i = 0; i < rowid!.length; i++) {
      // a table is read as it was appended (preserve_insertion_order): checked, since the CSV's order is the Parquet file's
      if (rowid![i] !== next++) throw new Error(`${from} read out of order`);
      text += line(i);
    }
    if (!sink.writeLines(text, rowid!.length)) await sink.wait();
  }
  if (next !== lines) throw new Error(`${from}: ${next} rows read of ${lines}`);
  sink.skip(rows - lines);
  return sink.close();
}
