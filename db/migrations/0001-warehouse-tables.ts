import { postgresCompatibility, renderPostgresTable } from '../ddl/render-postgres';
import { renderRedshiftTable } from '../ddl/render-redshift';
import { tablesCreatedBy } from '../schema';
import { splitStatements } from '../sql-text';
import type { Migration, PlannedStatement } from './types';

/** Creates every table of the first release (the runner bootstraps schema_migration itself). */
export const warehouseTables: Migration = {
  version: 1,
  name: 'warehouse tables',
  plan(engine) {
    const tables = tablesCreatedBy(1).filter((t) => t.name !== 'schema_migration');
    if (engine === 'redshift') {
      return tables.flatMap((t) => renderRedshiftTable(t)).flatMap(splitStatements).map((text) => ({ text }));
    }
    const statements: PlannedStatement[] = postgresCompatibility.flatMap(splitStatements).map((text) => ({ text, postgresOnly: true }));
    for (const t of tables) {
      statements.push(...renderPostgresTable(t).flatMap(splitStatements).map((text) => ({ text, postgresOnly: true })));
    }
    return statements;
  },
};
