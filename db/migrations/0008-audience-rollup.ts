import { audienceDayInsert } from '../viewer-rollup-sql';
import { AUDIENCE_ROLLUP_MIGRATION } from '../schema';
import { createTablesPlan } from './create-tables';
import type { Migration } from './types';

/**
 * Adds agg_audience_day (db/schema/audience-rollup.ts), behind the overview and the trend, and fills it
 * from the facts already loaded; from then on 076_viewer_rollups.sql keeps it exact with agg_viewer_day.
 */
export const audienceRollup: Migration = {
  version: AUDIENCE_ROLLUP_MIGRATION,
  name: 'audience-rollup',
  plan: (engine) => createTablesPlan(AUDIENCE_ROLLUP_MIGRATION, engine, [audienceDayInsert()]),
};
