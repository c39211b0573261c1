import 'server-only';

import { PassThrough, pipeline, Readable } from 'node:stream';

import { stringify } from 'csv-stringify';

import type { Row, SqlRunner, Warehouse } from '@/db/warehouse';

import type { Column } from './filters';
import type { PreparedMetric } from '.';

/** What a CSV export needs: the statement and where to run it. */
export type CsvSource = Pick<PreparedMetric, 'query' | 'warehouse'>;

/**
 * Redshift caps a FETCH at 1,000 rows on single-node clusters, so that is the batch everywhere.
 */
const FETCH_ROWS = 1000;

/** The statements of a CSV export through a cursor, exported for the Redshift lint test. */
export const CURSOR = {
  declare: (sql: string) => `DECLARE metric_export CURSOR FOR ${sql}`,
  fetch: `FETCH FORWARD ${FETCH_ROWS} FROM metric_export`,
  close: 'CLOSE metric_export',
} as const;

/** Text a spreadsheet would evaluate as a formula (OWASP's CSV-injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that starts like a formula gets a leading apostrophe, which spreadsheets show as text and
 * never evaluate. Number columns are left alone: `-3.5` is data, not a formula.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvStringifier(columns: readonly Column[]) {
  const textColumns = new Set(columns.filter((c) => c.type === 'string').map((c) => c.name));
  return stringify({
    header: true,
    columns: columns.map((c) => c.name),
    record_delimiter: 'windows',
    cast: {
      string: (value, context) => (typeof context.column === 'string' && textColumns.has(context.column) ? neutralizeFormula(value) : value),
      boolean: (value) => String(value),
    },
  });
}

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done);
      resolve();
    };
    stream.on('drain', done).on('close', done);
  });
}

/**
 * Streams a statement's rows in batches through a cursor (DECLARE/FETCH, valid on Redshift, PostgreSQL
 * and PGlite) inside one read-only transaction. The promise settles once the first batch is in, so a
 * timeout or an unreachable warehouse still becomes a 504 or 503 before any byte is sent; later rows
 * follow the consumer's pace, and a consumer that goes away ends the transaction.
 */
async function cursorStream(warehouse: Warehouse, sql: string, values: readonly unknown[]): Promise<Readable> {
  const out = new PassThrough({ objectMode: true, highWaterMark: 4 });
  let started: () => void = () => {};
  const firstBatch = new Promise<void>((resolve) => (started = resolve));
  const consumerGone = () => out.destroyed;

  const transfer = warehouse.transaction(async (tx) => {
    await tx.query(CURSOR.declare(sql), values);
    for (;;) {
      const rows = await tx.query<Row>(CURSOR.fetch);
      started();
      for (const row of rows) {
        if (consumerGone()) throw new Error('the CSV consumer went away');
        if (!out.write(row)) await drainedOrClosed(out);
      }
      if (rows.length < FETCH_ROWS) break;
    }
    await tx.query(CURSOR.close);
  });

  const failedEarly = transfer.then(
    () => {
      out.end();
      return undefined;
    },
    (error: unknown) => {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
      return error;
    },
  );
  const early = await Promise.race([firstBatch.then(() => undefined), failedEarly]);
  if (early !== undefined) throw early;
  return out;
}

function hasTransactions(runner: SqlRunner): runner is Warehouse {
  return typeof (runner as Partial<Warehouse>).transaction === 'function';
}

/**
 * The metric's CSV body. Row-wise metrics on a server engine stream through a cursor; the others are
 * bounded (six buckets, 48 hours, one row per title) and read at once. Embedded DuckDB has no cursors,
 * and its whole answer is already in this process's memory, so it is read at once too.
 */
export async function metricCsv(prepared: CsvSource): Promise<Readable> {
  const { query, warehouse } = prepared;
  const readRow = query.readRow;
  let rows: Readable;
  if (readRow && warehouse.engine !== 'duckdb' && hasTransactions(warehouse)) {
    rows = (await cursorStream(warehouse, query.sql, query.values)).map((row: Row) => readRow(row));
  } else {
    const answer = query.read(await warehouse.query(query.sql, query.values));
    rows = Readable.from(answer.csvRows ?? answer.rows);
  }
  // pipeline, unlike pipe, passes a failure or a closed consumer along to every stage.
  return pipeline(rows, csvStringifier(query.columns), () => {});
}
