// The store: tables that grow with the corpus (documents, messages, mention rows, term and entity
// pairs, counts by period, outlet and day) live in an embedded DuckDB database on disk, which keeps
// within a memory limit and spills the rest, instead of in JavaScript maps. Counts are added in
// batches: a CountTable sums them by key in a bounded JavaScript buffer and flushes partial sums
// into DuckDB, which sums the partials when the run is over. Rows are appended in chunks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DOUBLE,
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
  INTEGER,
  VARCHAR,
} from '@duckdb/node-api';
// the binding under @duckdb/node-api, for copying integer columns in and out in bulk
import duckdb from '@duckdb/node-bindings';

export type ColumnType = 'INTEGER' | 'DOUBLE' | 'VARCHAR';
export interface Column {
  name: string;
  type: ColumnType;
}

const DUCK_TYPES: Record<ColumnType, DuckDBType> = { INTEGER, DOUBLE, VARCHAR };
/** rows per chunk handed to DuckDB's appender (its vector size) */
const CHUNK_ROWS = 2048;
/** rows of counts collected before they are handed to DuckDB */
const BULK_ROWS = 64 * CHUNK_ROWS;

export interface StoreOptions {
  /** DuckDB's memory limit, e.g. '512MB'; beyond it, it spills to its folder */
  memoryLimit?: string;
  /** threads DuckDB may use for its queries */
  threads?: number;
}

/** An embedded DuckDB database in a folder of its own under the system's temporary folder. */
export class Store {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly folder: string,
    /** threads DuckDB uses for its queries */
    readonly threads: number,
  ) {}

  static async open(options: StoreOptions = {}): Promise<Store> {
    const folder = mkdtempSync(join(tmpdir(), `zhtext-store-${process.pid}-`));
    const threads = options.threads ?? 2;
    const instance = await DuckDBInstance.create(join(folder, 'store.duckdb'), {
      memory_limit: options.memoryLimit ?? '192MB',
      threads: String(threads),
      temp_directory: join(folder, 'spill'),
      preserve_insertion_order: 'true',
    });
    const connection = await instance.connect();
    return new Store(instance, connection, folder, threads);
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /**
   * A statement on a connection of its own, so that it can run while this connection is used; with
   * `threads`, DuckDB keeps to that many threads meanwhile (a setting of the whole database: the
   * statements of other connections too), then goes back to `this.threads`.
   */
  async runApart(sql: string, { threads }: { threads?: number } = {}): Promise<void> {
    const connection = await this.instance.connect();
    try {
      if (threads !== undefined) await connection.run(`SET threads = ${threads}`);
      try {
        await connection.run(sql);
      } finally {
        if (threads !== undefined) await connection.run(`SET threads = ${this.threads}`);
      }
    } finally {
      connection.closeSync();
    }
  }

  /**
   * every row of a query, in chunks, without holding the result whole; on a connection of its own,
   * since a streamed result ends when its connection runs anything else (an appender writing the
   * rows out, another query)
   */
  async *rows(sql: string): AsyncIterable<DuckDBValue[]> {
    const connection = await this.instance.connect();
    try {
      const result = await connection.stream(sql);
      for await (const rows of result.yieldRows()) yield* rows;
    } finally {
      connection.closeSync();
    }
  }

  /** the first row's first value, or undefined */
  async value(sql: string): Promise<DuckDBValue | undefined> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRows()[0]?.[0];
  }

  /** a new table, and an appender to it */
  async table(name: string, columns: Column[]): Promise<RowAppender> {
    await this.run(`CREATE OR REPLACE TABLE ${name} (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
    return new RowAppender(name, columns, await this.connection.createAppender(name));
  }

  /** A table of counts summed by key (see CountTable): two or three key columns, one to three value columns. */
  async counts(name: string, keys: string[], values: string[]): Promise<CountTable> {
    if (keys.length < 2 || keys.length > 3 || values.length < 1 || values.length > 3)
      throw new RangeError(`${name}: two or three key parts, one to three values`);
    const partial = `${name}_partial`;
    const columns = [...keys, ...values];
    await this.run(`CREATE OR REPLACE TABLE ${partial} (${columns.map((c) => `"${c}" INTEGER`).join(', ')})`);
    const types = columns.map(() => 'INTEGER' as const);
    return new CountTable(name, keys, values, new NumberAppender(partial, types, await this.connection.createAppender(partial)));
  }

  /** A new table of number columns (INTEGER or DOUBLE, never NULL), appended in bulk. */
  async numbers(name: string, columns: { name: string; type: 'INTEGER' | 'DOUBLE' }[]): Promise<NumberAppender> {
    await this.run(`CREATE OR REPLACE TABLE ${name} (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
    return new NumberAppender(
      name,
      columns.map((c) => c.type),
      await this.connection.createAppender(name),
    );
  }

  /**
   * The rows of a query whose columns are all INTEGER and never NULL, a chunk at a time, each column
   * as an Int32Array over DuckDB's own memory (valid until the next chunk): no value is converted.
   */
  integerChunks(sql: string): AsyncIterable<Int32Array[]> {
    return this.numberChunks(sql) as AsyncIterable<Int32Array[]>;
  }

  /**
   * The same for columns that are INTEGER or DOUBLE and never NULL: an Int32Array or a Float64Array
   * over DuckDB's memory for each.
   */
  async *numberChunks(sql: string): AsyncIterable<NumberColumn[]> {
    const connection = await this.instance.connect();
    try {
      const result = await connection.stream(sql);
      const columns = result.columnCount;
      const doubles = Array.from({ length: columns }, (_, c) => {
        const type = result.columnTypeId(c);
        if (type !== DuckDBTypeId.INTEGER && type !== DuckDBTypeId.DOUBLE) throw new TypeError(`column ${c} of a number query is not INTEGER or DOUBLE`);
        return type === DuckDBTypeId.DOUBLE;
      });
      for await (const chunk of result) {
        const rows = chunk.rowCount;
        yield doubles.map((double, c) => {
          const data = duckdb.vector_get_data(duckdb.data_chunk_get_vector(chunk.chunk, c), rows * (double ? 8 : 4));
          return double ? new Float64Array(data.buffer, data.byteOffset, rows) : new Int32Array(data.buffer, data.byteOffset, rows);
        });
      }
    } finally {
      connection.closeSync();
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/**
 * Rows appended to a table in chunks of CHUNK_ROWS: numbers are collected in typed arrays and copied
 * into DuckDB's vectors at once, strings assigned one by one; null marks a missing number.
 */
export class RowAppender {
  private readonly chunk: DuckDBDataChunk;
  private readonly numbers: (Int32Array | Float64Array | undefined)[];
  private readonly strings: (string[] | undefined)[];
  /** per column, DuckDB's validity mask of the chunk (a bit a row, 1 = a value), and whether it has a 0 */
  private readonly validity: Uint8Array[];
  private readonly hasNull: boolean[];
  private length = 0;
  rowCount = 0;

  constructor(
    readonly name: string,
    readonly spec: Column[],
    private readonly appender: DuckDBAppender,
  ) {
    this.chunk = DuckDBDataChunk.create(spec.map((c) => DUCK_TYPES[c.type]));
    this.numbers = spec.map((c) => (c.type === 'INTEGER' ? new Int32Array(CHUNK_ROWS) : c.type === 'DOUBLE' ? new Float64Array(CHUNK_ROWS) : undefined));
    this.strings = spec.map((c) => (c.type === 'VARCHAR' ? new Array<string>(CHUNK_ROWS) : undefined));
    this.validity = spec.map(() => new Uint8Array(CHUNK_ROWS / 8).fill(0xff));
    this.hasNull = spec.map(() => false);
  }

  append(row: readonly DuckDBValue[]): void {
    const i = this.length;
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value === null || value === undefined) {
        this.validity[c]![i >> 3]! &= ~(1 << (i & 7));
        this.hasNull[c] = true;
        continue;
      }
      const numbers = this.numbers[c];
      if (numbers) numbers[i] = value as number;
      else this.strings[c]![i] = value as string;
    }
    this.length++;
    this.rowCount++;
    if (this.length === CHUNK_ROWS) this.flush();
  }

  private flush(): void {
    const rows = this.length;
    if (rows === 0) return;
    const raw = this.chunk.chunk;
    duckdb.data_chunk_reset(raw);
    for (let c = 0; c < this.spec.length; c++) {
      const vector = duckdb.data_chunk_get_vector(raw, c);
      const numbers = this.numbers[c];
      if (numbers) duckdb.copy_data_to_vector(vector, 0, numbers.buffer as ArrayBuffer, 0, rows * numbers.BYTES_PER_ELEMENT);
      else {
        const strings = this.strings[c]!;
        for (let i = 0; i < rows; i++) if (strings[i] !== undefined) duckdb.vector_assign_string_element(vector, i, strings[i]!);
        strings.fill(undefined as unknown as string, 0, rows);
      }
      if (this.hasNull[c]) {
        duckdb.vector_ensure_validity_writable(vector);
        duckdb.copy_data_to_vector_validity(vector, 0, this.validity[c]!.buffer as ArrayBuffer, 0, Math.ceil(rows / 64) * 8);
        this.validity[c]!.fill(0xff);
        this.hasNull[c] = false;
      }
    }
    duckdb.data_chunk_set_size(raw, rows);
    this.appender.appendDataChunk(this.chunk);
    this.length = 0;
  }

  /** flushes what is left and closes the appender: the rows are then in the table */
  close(): void {
    this.flush();
    this.appender.closeSync();
  }
}

/** a column of numbers as the store copies it: INTEGER from an Int32Array, DOUBLE from a Float64Array */
export type NumberColumn = Int32Array | Float64Array;

/**
 * Number columns (INTEGER or DOUBLE, never NULL) appended in bulk: each column's values are copied
 * into DuckDB's vectors a chunk at a time (memcpy), not converted one value at a time.
 */
export class NumberAppender {
  private readonly chunk: DuckDBDataChunk;

  constructor(
    readonly name: string,
    readonly types: readonly ('INTEGER' | 'DOUBLE')[],
    private readonly appender: DuckDBAppender,
  ) {
    this.chunk = DuckDBDataChunk.create(
      types.map((t) => DUCK_TYPES[t]),
      CHUNK_ROWS,
    );
  }

  /** rows 0 … count − 1 of the given columns, one typed array a column (Int32Array for INTEGER, Float64Array for DOUBLE) */
  append(values: readonly NumberColumn[], count: number): void {
    values.forEach((column, c) => {
      if (column.BYTES_PER_ELEMENT !== (this.types[c] === 'DOUBLE' ? 8 : 4)) throw new TypeError(`${this.name}: column ${c} is ${this.types[c]}`);
    });
    for (let from = 0; from < count; from += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, count - from);
      duckdb.data_chunk_reset(this.chunk.chunk);
      values.forEach((column, c) => {
        const vector = duckdb.data_chunk_get_vector(this.chunk.chunk, c);
        const size = column.BYTES_PER_ELEMENT;
        duckdb.copy_data_to_vector(vector, 0, column.buffer as ArrayBuffer, column.byteOffset + from * size, rows * size);
      });
      duckdb.data_chunk_set_size(this.chunk.chunk, rows);
      this.appender.appendDataChunk(this.chunk);
    }
  }

  close(): void {
    this.appender.closeSync();
  }
}

/**
 * Integer counts summed by an integer key of two or three parts (term id and part of speech; period
 * and entity id; period and the two ids of a pair). Each count is a row, appended to a partial table
 * in bulk, and `finish` sums them by key into the table `name`: DuckDB's aggregation (in C++, on
 * every core, spilling to disk) does in a second what a hash table in JavaScript did in minutes, and
 * the main thread only copies numbers.
 */
export class CountTable {
  private readonly columns: Int32Array[];
  private size = 0;

  constructor(
    readonly name: string,
    private readonly keys: string[],
    private readonly values: string[],
    private readonly partial: NumberAppender,
    private readonly bufferRows = BULK_ROWS,
  ) {
    this.columns = [...keys, ...values].map(() => new Int32Array(bufferRows));
  }

  /**
   * adds v0, v1, v2 (as many as the table has value columns) to the sums of the key (k0, k1[, k2]);
   * key parts are ids, whole numbers from 0 to 2³¹ − 1 (k2 is ignored for a two-part key)
   */
  add(k0: number, k1: number, k2: number, v0: number, v1 = 0, v2 = 0): void {
    const c = this.columns;
    const i = this.size++;
    c[0]![i] = k0;
    c[1]![i] = k1;
    let k = 2;
    if (this.keys.length === 3) c[k++]![i] = k2;
    c[k++]![i] = v0;
    if (k < c.length) c[k++]![i] = v1;
    if (k < c.length) c[k]![i] = v2;
    if (this.size === this.bufferRows) this.flush();
  }

  private flush(): void {
    this.partial.append(this.columns, this.size);
    this.size = 0;
  }

  /** the sums of every key, in the table `name`: the partial sums summed */
  async finish(store: Store): Promise<void> {
    this.flush();
    this.partial.close();
    const keys = this.keys.map((k) => `"${k}"`).join(', ');
    const sums = this.values.map((v) => `sum("${v}")::INTEGER AS "${v}"`).join(', ');
    await store.run(`CREATE OR REPLACE TABLE ${this.name} AS SELECT ${keys}, ${sums} FROM ${this.partial.name} GROUP BY ${keys}`);
    await store.run(`DROP TABLE ${this.partial.name}`);
  }
}
