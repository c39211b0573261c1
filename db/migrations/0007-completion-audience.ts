import { renderPostgresTable } from '../ddl/render-postgres';
import { renderRedshiftTable } from '../ddl/render-redshift';
import { rollupFillStatement } from '../rollup-sql';
import { COMPLETION_AUDIENCE_MIGRATION, getRollup, tablesCreatedBy } from '../schema';
import { splitStatements } from '../sql-text';
import type { Migration, PlannedStatement } from './types';

/**
 * Adds agg_completion_audience (db/schema/rollups.ts), for completion filtered by plan or country, and
 * fills it from the facts already loaded; from then on 075_rollups.sql keeps it exact with the others.
 */
export const completionAudience: Migration = {
  version: COMPLETION_AUDIENCE_MIGRATION,
  name: 'completion-audience',
  plan(engine) {
    const tables = tablesCreatedBy(COMPLETION_AUDIENCE_MIGRATION);
    const fills: PlannedStatement[] = tables.map((t) => ({ text: rollupFillStatement(getRollup(t.name)) }));
    if (engine === 'redshift') {
      return [...tables.flatMap((t) => renderRedshiftTable(t)).flatMap(splitStatements).map((text) => ({ text })), ...fills];
    }
    const ddl = tables.flatMap((t) => renderPostgresTable(t)).flatMap(splitStatements).map((text) => ({ text, postgresOnly: true }));
    return [...ddl, ...fills];
  },
};
