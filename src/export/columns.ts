// Columns of the output tables: a name and a type, which the Parquet files keep and which gives
// each table's rows a TypeScript type for callers of the library (RowOf).
import type { Column, ColumnType } from '../store/store.js';

export const text = <N extends string>(name: N) => ({ name, type: 'VARCHAR' }) as const;
export const int = <N extends string>(name: N) => ({ name, type: 'INTEGER' }) as const;
export const real = <N extends string>(name: N) => ({ name, type: 'DOUBLE' }) as const;

type ValueOf<T extends ColumnType> = T extends 'VARCHAR' ? string : number | null;

/** a row of a table with these columns, by column name (a number is null where the CSV cell is empty) */
export type RowOf<C extends readonly Column[]> = { [K in C[number] as K['name']]: ValueOf<K['type']> };
