import { renderPostgresTable } from '../ddl/render-postgres';
import { renderRedshiftTable } from '../ddl/render-redshift';
import { VIEWER_ROLLUPS_MIGRATION, tablesCreatedBy } from '../schema';
import { splitStatements } from '../sql-text';
import { sessionLengthInsert, viewerDayInsert } from '../viewer-rollup-sql';
import type { Migration, PlannedStatement } from './types';

/**
 * Creates the aggregates behind exact distinct viewers and session-length percentiles
 * (db/schema/viewer-rollups.ts) and fills them from the facts already loaded; from then on every load
 * keeps them exact (sql/transforms/076_viewer_rollups.sql).
 */
export const viewerRollups: Migration = {
  version: VIEWER_ROLLUPS_MIGRATION,
  name: 'viewer-rollups',
  plan(engine) {
    const tables = tablesCreatedBy(VIEWER_ROLLUPS_MIGRATION);
    const fills: PlannedStatement[] = [{ text: viewerDayInsert() }, { text: sessionLengthInsert() }];
    if (engine === 'redshift') {
      return [...tables.flatMap((t) => renderRedshiftTable(t)).flatMap(splitStatements).map((text) => ({ text })), ...fills];
    }
    const ddl = tables.flatMap((t) => renderPostgresTable(t)).flatMap(splitStatements).map((text) => ({ text, postgresOnly: true }));
    return [...ddl, ...fills];
  },
};
