import { rollupFillStatement } from '../rollup-sql';
import { getRollup, ROLLUPS_MIGRATION, tablesCreatedBy } from '../schema';
import { createTablesPlan } from './create-tables';
import type { Migration } from './types';

/**
 * Creates the dashboards' rollup tables (db/schema/rollups.ts) and fills them from the facts already
 * loaded, so that a warehouse loaded before this release answers from them at once; from then on every
 * load keeps them exact (sql/transforms/075_rollups.sql).
 */
export const rollups: Migration = {
  version: ROLLUPS_MIGRATION,
  name: 'rollups',
  plan: (engine) =>
    createTablesPlan(
      ROLLUPS_MIGRATION,
      engine,
      tablesCreatedBy(ROLLUPS_MIGRATION).map((t) => rollupFillStatement(getRollup(t.name))),
    ),
};
