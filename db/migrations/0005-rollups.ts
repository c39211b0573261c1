import { renderPostgresTable } from '../ddl/render-postgres';
import { renderRedshiftTable } from '../ddl/render-redshift';
import { rollupFillStatement } from '../rollup-sql';
import { getRollup, ROLLUPS_MIGRATION, tablesCreatedBy } from '../schema';
import { splitStatements } from '../sql-text';
import type { Migration, PlannedStatement } from './types';

/**
 * Creates the dashboards' rollup tables (db/schema/rollups.ts) and fills them from the facts already
 * loaded, so that a warehouse loaded before this release answers from them at once; from then on every
 * load keeps them exact (sql/transforms/075_rollups.sql).
 */
export const rollups: Migration = {
  version: ROLLUPS_MIGRATION,
  name: 'rollups',
  plan(engine) {
    const tables = tablesCreatedBy(ROLLUPS_MIGRATION);
    const fills: PlannedStatement[] = tables.map((t) => ({ text: rollupFillStatement(getRollup(t.name)) }));
    if (engine === 'redshift') {
      return [...tables.flatMap((t) => renderRedshiftTable(t)).flatMap(splitStatements).map((text) => ({ text })), ...fills];
    }
    const ddl = tables.flatMap((t) => renderPostgresTable(t)).flatMap(splitStatements).map((text) => ({ text, postgresOnly: true }));
    return [...ddl, ...fills];
  },
};
