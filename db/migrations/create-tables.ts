import { renderPostgresTable } from '../ddl/render-postgres';
import { renderRedshiftTable } from '../ddl/render-redshift';
import { tablesCreatedBy } from '../schema';
import { splitStatements } from '../sql-text';
import type { Engine } from '../warehouse';
import type { PlannedStatement } from './types';

/**
 * The statements of a migration that creates the tables naming it (in the DDL the schema renders for the
 * engine) and then fills them: Redshift gets its own DDL, PostgreSQL and PGlite the translation.
 */
export function createTablesPlan(version: number, engine: Engine, fills: readonly string[]): PlannedStatement[] {
  const tables = tablesCreatedBy(version);
  const ddl =
    engine === 'redshift'
      ? tables.flatMap((t) => renderRedshiftTable(t)).flatMap(splitStatements).map((text) => ({ text }))
      : tables.flatMap((t) => renderPostgresTable(t)).flatMap(splitStatements).map((text) => ({ text, postgresOnly: true }));
  return [...ddl, ...fills.map((text) => ({ text }))];
}
