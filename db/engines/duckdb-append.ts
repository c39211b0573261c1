import {
  DuckDBDateValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';

type Append = (appender: DuckDBAppender, value: unknown) => void;

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD HH:MM:SS[.fff]` (UTC wall-clock, as the loader writes it) or a Date, as DuckDB's microseconds. */
function timestampMicros(value: unknown): bigint {
  const ms = value instanceof Date ? value.getTime() : Date.parse(`${String(value).replace(' ', 'T')}Z`);
  if (!Number.isFinite(ms)) throw new Error(`not a timestamp: ${String(value)}`);
  return BigInt(ms) * 1000n;
}

function dateDays(value: unknown): number {
  const ms = Date.parse(`${String(value).slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new Error(`not a date: ${String(value)}`);
  return ms / MS_PER_DAY;
}

const appendByType: Partial<Record<DuckDBTypeId, Append>> = {
  [DuckDBTypeId.VARCHAR]: (a, v) => a.appendVarchar(String(v)),
  [DuckDBTypeId.BOOLEAN]: (a, v) => a.appendBoolean(Boolean(v)),
  [DuckDBTypeId.SMALLINT]: (a, v) => a.appendSmallInt(Number(v)),
  [DuckDBTypeId.INTEGER]: (a, v) => a.appendInteger(Number(v)),
  [DuckDBTypeId.BIGINT]: (a, v) => a.appendBigInt(BigInt(v as number)),
  [DuckDBTypeId.DOUBLE]: (a, v) => a.appendDouble(Number(v)),
  [DuckDBTypeId.TIMESTAMP]: (a, v) => a.appendTimestamp(new DuckDBTimestampValue(timestampMicros(v))),
  [DuckDBTypeId.DATE]: (a, v) => a.appendDate(new DuckDBDateValue(dateDays(v))),
};

/** Columns of a table in their order, as DuckDB declares them. */
async function tableColumns(connection: DuckDBConnection, table: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    'SELECT column_name FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index',
    [table],
  );
  return reader.getRowsJson().map((row) => String(row[0]));
}

/**
 * Bulk-loads rows with DuckDB's appender, which writes column vectors straight into the table (inside the
 * connection's transaction): no SQL text, no parameters. The appender fills every column of a table in
 * order, so the rows must name them all; a table with other columns (an identity key) is filled through
 * a temporary table of exactly these columns.
 */
export async function appendRows(
  connection: DuckDBConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const declared = await tableColumns(connection, table);
  const direct = declared.length === columns.length && declared.every((c, i) => c === columns[i]);
  const target = direct ? table : `tmp_append_${table}`;
  if (!direct) {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${target} AS SELECT ${columns.join(', ')} FROM ${table} LIMIT 0`);
  }
  const appender = await connection.createAppender(target);
  try {
    const appends = Array.from({ length: columns.length }, (_, i) => {
      const append = appendByType[appender.columnType(i).typeId];
      if (!append) throw new Error(`no appender for ${target} column ${columns[i]} of type ${appender.columnType(i).toString()}`);
      return append;
    });
    for (const row of rows) {
      for (let i = 0; i < appends.length; i++) {
        const value = row[i];
        if (value === null || value === undefined) appender.appendNull();
        else (appends[i] as Append)(appender, value);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  if (!direct) {
    await connection.run(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM ${target}`);
    await connection.run(`DROP TABLE ${target}`);
  }
}
