/**
 * `dyad export --format parquet`: the CSV export's columns, in the same order and with the same
 * values, as a typed Parquet file for DuckDB, Spark, pandas or BigQuery: codes as strings ("042"),
 * dates as DATE, Goldstein, confidence and coordinates as DOUBLE, counts as INTEGER, and the PLOVER
 * contexts and topics as lists of strings. Written by an in-memory DuckDB (@duckdb/node-api) that
 * may not install or load extensions (nothing reaches the network); zstd-compressed.
 *
 * With partitionBy 'month', `out` is a folder with one file per month of date_start, in Hive
 * layout (out/month=2024-05/data_0.parquet; events without a date under month=NULL), which the
 * same engines read as one table with a `month` column.
 */
import { rmSync } from 'node:fs';
import { EVENT_CSV_COLUMNS, eventCsvCells, type Cell } from './export.js';
import type { QueryEvent } from './events.js';

export const PARTITIONS = ['month'] as const;
export type Partition = (typeof PARTITIONS)[number];

export interface ParquetOptions {
  /** The file, or with partitionBy the folder (replaced if it exists). */
  readonly out: string;
  readonly partitionBy?: Partition | null;
}

type ColumnType = 'VARCHAR' | 'DATE' | 'DOUBLE' | 'INTEGER' | 'VARCHAR[]';

/** Parquet types of the CSV columns; every other column is a string. */
const TYPES: Readonly<Record<string, ColumnType>> = {
  date_start: 'DATE', date_end: 'DATE', published: 'DATE', quad_class: 'INTEGER', goldstein: 'DOUBLE',
  plover_contexts: 'VARCHAR[]', topics: 'VARCHAR[]', lat: 'DOUBLE', lon: 'DOUBLE',
  num_mentions: 'INTEGER', num_articles: 'INTEGER', num_sources: 'INTEGER', confidence: 'DOUBLE',
};

export const PARQUET_TYPES: readonly ColumnType[] = EVENT_CSV_COLUMNS.map((c) => TYPES[c] ?? 'VARCHAR');

/** The staging table holds numbers as numbers and everything else as text; the COPY casts. */
function stagingType(t: ColumnType): string {
  return t === 'DOUBLE' || t === 'INTEGER' ? t : 'VARCHAR';
}

function finalExpr(name: string, t: ColumnType): string {
  const c = `"${name}"`;
  if (t === 'DATE') return `CAST(${c} AS DATE) AS ${c}`;
  if (t === 'VARCHAR[]') return `CASE WHEN ${c} IS NULL OR ${c} = '' THEN []::VARCHAR[] ELSE string_split(${c}, ';') END AS ${c}`;
  return c;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Writes the events of `pages` as Parquet; returns how many. */
export async function writeParquet(pages: AsyncIterable<readonly QueryEvent[]>, options: ParquetOptions): Promise<number> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const db = await instance.connect();
  try {
    await db.run(`CREATE TABLE events (${EVENT_CSV_COLUMNS.map((c, i) => `"${c}" ${stagingType(PARQUET_TYPES[i])}`).join(', ')})`);
    const appender = await db.createAppender('events');
    let n = 0;
    for await (const page of pages) {
      for (const e of page) {
        eventCsvCells(e).forEach((cell: Cell, i) => {
          if (cell === null) appender.appendNull();
          else if (PARQUET_TYPES[i] === 'DOUBLE') appender.appendDouble(Number(cell));
          else if (PARQUET_TYPES[i] === 'INTEGER') appender.appendInteger(Number(cell));
          else appender.appendVarchar(String(cell));
        });
        appender.endRow();
        n++;
      }
      appender.flushSync();
    }
    appender.closeSync();
    const select = EVENT_CSV_COLUMNS.map((c, i) => finalExpr(c, PARQUET_TYPES[i])).join(', ');
    if (options.partitionBy === 'month') {
      rmSync(options.out, { recursive: true, force: true });
      await db.run(`COPY (SELECT ${select}, strftime(CAST(date_start AS DATE), '%Y-%m') AS month FROM events ORDER BY id)
        TO ${quote(options.out)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (month))`);
    } else {
      await db.run(`COPY (SELECT ${select} FROM events ORDER BY id) TO ${quote(options.out)} (FORMAT parquet, COMPRESSION zstd)`);
    }
    return n;
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
