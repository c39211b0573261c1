import { DuckDBTypeId, type DuckDBResult } from '@duckdb/node-api';

import { parseDate, parseNumber, parseUtcTimestamp } from '../type-parsers';

type Convert = (value: unknown) => unknown;

const asText = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * DuckDB's JSON form hands BIGINT, HUGEINT and DECIMAL over as strings (they may not fit a JS number) and
 * timestamps and dates as text: the same shapes pg gives, so they meet the same parsers and every engine
 * answers with the same JS values (numbers, `YYYY-MM-DD`, ISO-8601 UTC; null for the unparsable, never 0).
 */
const byType: Partial<Record<DuckDBTypeId, Convert>> = {
  [DuckDBTypeId.BIGINT]: (v) => parseNumber(asText(v)),
  [DuckDBTypeId.UBIGINT]: (v) => parseNumber(asText(v)),
  [DuckDBTypeId.HUGEINT]: (v) => parseNumber(asText(v)),
  [DuckDBTypeId.UHUGEINT]: (v) => parseNumber(asText(v)),
  [DuckDBTypeId.DECIMAL]: (v) => parseNumber(asText(v)),
  [DuckDBTypeId.FLOAT]: (v) => (typeof v === 'number' ? v : parseNumber(asText(v))),
  [DuckDBTypeId.DOUBLE]: (v) => (typeof v === 'number' ? v : parseNumber(asText(v))),
  [DuckDBTypeId.TIMESTAMP]: (v) => parseUtcTimestamp(asText(v)),
  [DuckDBTypeId.TIMESTAMP_MS]: (v) => parseUtcTimestamp(asText(v)),
  [DuckDBTypeId.TIMESTAMP_S]: (v) => parseUtcTimestamp(asText(v)),
  [DuckDBTypeId.TIMESTAMP_NS]: (v) => parseUtcTimestamp(asText(v)),
  [DuckDBTypeId.DATE]: (v) => parseDate(asText(v)),
};

/** The result's rows as objects keyed by column name, each value converted by its column's type. */
export async function convertRows(result: DuckDBResult): Promise<Record<string, unknown>[]> {
  const names = result.columnNames();
  const converters = names.map((_, i) => byType[result.columnTypeId(i)]);
  const rows = await result.getRowsJson();
  return rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const value = row[i] ?? null;
      const convert = converters[i];
      object[names[i] as string] = value === null ? null : convert ? convert(value) : value;
    }
    return object;
  });
}
