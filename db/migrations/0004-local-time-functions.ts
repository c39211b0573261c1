import { toDuckdbMacro } from '../ddl/render-duckdb';
import { readSqlStatements } from '../sql-files';
import type { Migration } from './types';

/**
 * f_date_key and f_time_of_day_key, from sql/functions/local_time.sql: the same text on Redshift and
 * PostgreSQL, translated into macros for DuckDB.
 */
export const localTimeFunctions: Migration = {
  version: 4,
  name: 'local time functions',
  plan(engine) {
    const statements = readSqlStatements('functions/local_time.sql');
    if (engine === 'duckdb') return statements.map((text) => ({ text: toDuckdbMacro(text), translated: true }));
    return statements.map((text) => ({ text }));
  },
};
