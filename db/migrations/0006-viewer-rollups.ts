import { VIEWER_ROLLUPS_MIGRATION } from '../schema';
import { sessionLengthInsert, viewerDayInsert } from '../viewer-rollup-sql';
import { createTablesPlan } from './create-tables';
import type { Migration } from './types';

/**
 * Creates the aggregates behind exact distinct viewers and session-length percentiles
 * (db/schema/viewer-rollups.ts) and fills them from the facts already loaded; from then on every load
 * keeps them exact (sql/transforms/076_viewer_rollups.sql).
 */
export const viewerRollups: Migration = {
  version: VIEWER_ROLLUPS_MIGRATION,
  name: 'viewer-rollups',
  plan: (engine) => createTablesPlan(VIEWER_ROLLUPS_MIGRATION, engine, [viewerDayInsert(), sessionLengthInsert()]),
};
