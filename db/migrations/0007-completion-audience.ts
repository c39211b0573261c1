import { rollupFillStatement } from '../rollup-sql';
import { COMPLETION_AUDIENCE_MIGRATION, getRollup } from '../schema';
import { createTablesPlan } from './create-tables';
import type { Migration } from './types';

/**
 * Adds agg_completion_audience (db/schema/rollups.ts), for completion filtered by plan or country, and
 * fills it from the facts already loaded; from then on 075_rollups.sql keeps it exact with the others.
 */
export const completionAudience: Migration = {
  version: COMPLETION_AUDIENCE_MIGRATION,
  name: 'completion-audience',
  plan: (engine) => createTablesPlan(COMPLETION_AUDIENCE_MIGRATION, engine, [rollupFillStatement(getRollup('agg_completion_audience'))]),
};
