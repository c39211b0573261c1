import { tableStatements } from '../ddl/render';
import { tablesCreatedBy } from '../schema';
import type { Engine } from '../warehouse';
import type { PlannedStatement } from './types';

/**
 * The statements of a migration that creates the tables naming it (in the DDL the schema renders for the
 * engine) and then fills them: Redshift gets its own DDL, PostgreSQL and DuckDB their translations.
 */
export function createTablesPlan(version: number, engine: Engine, fills: readonly string[]): PlannedStatement[] {
  const ddl = tablesCreatedBy(version).flatMap((t) => tableStatements(engine, t));
  return [...ddl, ...fills.map((text) => ({ text }))];
}
