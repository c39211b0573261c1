import { bigint, integer, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';

import { describeTable } from './describe';
import { dimContent, dimDate, dimUser } from './dimensions';
import type { ColumnDoc } from './model-types';

/**
 * The aggregates behind the metrics that carry exact distinct counts or exact percentiles, which the
 * additive rollups (rollups.ts) cannot give: a distinct count or a percentile cannot be summed from
 * partial rows.
 *
 * agg_viewer_day keeps one row per viewer, day, item and device type, and on each row, for every slice a
 * viewer may be counted in, the date of the viewer's previous row in that slice. A viewer is then counted
 * once per slice over any period [from, to] by the one row that is their first there: the row in the
 * period whose previous date is before `from`. Distinct viewers become a conditional sum, with no hash
 * of (slice, user) groups and no sort.
 *
 * agg_session_length keeps one narrow row per session: the length and watch time in whole milliseconds and
 * the filtered attributes, so that session duration's exact percentiles sort the period's lengths without
 * reading the wide fact or joining the device and user dimensions.
 */

/** The migration that creates these tables (db/migrations/0006-viewer-rollups.ts). */
export const VIEWER_ROLLUPS_MIGRATION = 6;

/** What a viewer can be counted per (a metric's grouping) or restricted by (a filter with one value). */
export const SLICE_ATTRIBUTES = ['title_id', 'genre', 'content_type', 'device_type'] as const;
export type SliceAttribute = (typeof SLICE_ATTRIBUTES)[number];

/** The groupings that count viewers: watch time by genre or device type, rating vs popularity by title. */
export const VIEWER_KEYS = ['genre', 'device_type', 'title_id'] as const satisfies readonly SliceAttribute[];
/** Session attributes a filter restricts; plan and country are the viewer's own and never split a viewer. */
export const SESSION_FILTER_ATTRIBUTES = ['genre', 'content_type', 'device_type'] as const satisfies readonly SliceAttribute[];

/** A slice's attributes in their fixed order, without repeats. */
export function normalizeSlice(attributes: readonly SliceAttribute[]): SliceAttribute[] {
  return SLICE_ATTRIBUTES.filter((a) => attributes.includes(a));
}

/** Every slice: a viewer key with any subset of the session filters. */
export const VIEWER_SLICES: readonly (readonly SliceAttribute[])[] = (() => {
  const slices = new Map<string, SliceAttribute[]>();
  for (const key of VIEWER_KEYS) {
    for (let mask = 0; mask < 1 << SESSION_FILTER_ATTRIBUTES.length; mask++) {
      const slice = normalizeSlice([key, ...SESSION_FILTER_ATTRIBUTES.filter((_a, i) => mask & (1 << i))]);
      slices.set(slice.join(','), slice);
    }
  }
  return [...slices.values()];
})();

/** The column holding the previous date of a viewer's row in a slice. */
export function previousDateColumn(slice: readonly SliceAttribute[]): string {
  return `previous_date_${normalizeSlice(slice).join('_')}`;
}

const previousDateDoc = (slice: readonly SliceAttribute[]): ColumnDoc => ({
  description: `start_date_key of the viewer's previous row with the same ${slice.join(', ')} (rows ordered by date, content_key, device_type); 0 on their first.`,
  encode: 'AZ64',
});

const dateKey = () => integer().notNull().references(() => dimDate.date_key);
const attribute = () => varchar({ length: 8 }).notNull();
const milliseconds = () => bigint({ mode: 'number' }).notNull();

const docs = {
  start_date_key: { description: 'Local date (the user\'s time zone) of the sessions, as fact_viewing_session.start_date_key.', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
  user_key: { description: 'The viewer, as fact_viewing_session.user_key.', encode: 'AZ64' },
  content_key: { description: 'The movie or episode played; its title, genre and type are read through dim_content.', encode: 'AZ64' },
  device_type: { description: 'dim_device.device_type of the session\'s device profile, or `Unknown`.', encode: 'BYTEDICT' },
  subscription_plan: { description: 'dim_user.subscription_plan of the viewer, or `Unknown` (rewritten when it changes).', encode: 'BYTEDICT' },
  country: { description: 'dim_user.country of the viewer, or `Unknown` (rewritten when it changes).', encode: 'BYTEDICT' },
  watch_milliseconds: { description: 'Σ fact_viewing_session.watch_seconds × 1000: whole milliseconds, exact, and summed as integers.', encode: 'AZ64' },
} satisfies Record<string, ColumnDoc>;

const previousDates = Object.fromEntries(VIEWER_SLICES.map((s) => [previousDateColumn(s), integer().notNull()])) as Record<string, ReturnType<typeof integer>>;

export const aggViewerDay = pgTable(
  'agg_viewer_day',
  {
    start_date_key: dateKey(),
    user_key: integer().notNull().references(() => dimUser.user_key),
    content_key: integer().notNull().references(() => dimContent.content_key),
    device_type: attribute(),
    subscription_plan: attribute(),
    country: attribute(),
    sessions: integer().notNull(),
    watch_milliseconds: milliseconds(),
    ...previousDates,
  },
  (t) => [primaryKey({ name: 'pk_agg_viewer_day', columns: [t.start_date_key, t.user_key, t.content_key, t.device_type] })],
);

export const aggViewerDayModel = describeTable(aggViewerDay, {
  kind: 'aggregate',
  createdBy: VIEWER_ROLLUPS_MIGRATION,
  aggregateOf: 'fact_viewing_session',
  description:
    'Distinct viewers without a distinct count: watch time\'s viewers per genre or device type, its totals per user, and rating vs popularity\'s viewers per title, under a plan or country filter of any values and genre, type or device filters of one value each. For each slice a viewer can be counted in, the previous date of their row in that slice: over a period, a viewer is counted by the one row in it whose previous date is before the period. Kept exact by the ELT: every load rewrites the rows of each viewer whose sessions, attributes or items changed.',
  grain: 'One row per (start_date_key, user_key, content_key, device_type) with at least one session.',
  distribution: {
    style: 'KEY',
    key: 'user_key',
    why: 'Distributed like the fact and dim_user: the ELT\'s windows over each viewer\'s rows and the join to dim_user for watch time per user stay on their slice.',
  },
  sortKey: { columns: ['start_date_key', 'content_key'], why: 'Every request restricts the period first; content_key then clusters an item\'s rows for the title and genre groupings.' },
  columns: {
    ...docs,
    sessions: { description: 'Sessions in the group: COUNT(*) of fact_viewing_session.', encode: 'AZ64' },
    ...Object.fromEntries(VIEWER_SLICES.map((s) => [previousDateColumn(s), previousDateDoc(s)])),
  } as Record<keyof typeof aggViewerDay._.columns, ColumnDoc>,
});

export const aggSessionLength = pgTable('agg_session_length', {
  start_date_key: dateKey(),
  content_key: integer().notNull().references(() => dimContent.content_key),
  device_type: attribute(),
  subscription_plan: attribute(),
  country: attribute(),
  session_length_milliseconds: milliseconds(),
  watch_milliseconds: milliseconds(),
});

export const aggSessionLengthModel = describeTable(aggSessionLength, {
  kind: 'aggregate',
  createdBy: VIEWER_ROLLUPS_MIGRATION,
  aggregateOf: 'fact_viewing_session',
  description:
    'Session duration under any filters: each session\'s length and watch time in whole milliseconds with the attributes the filters read, a seventh of the fact\'s width and with no join to dim_device or dim_user, for the exact median and p90 that need every length of the period. Kept exact by the ELT: every load rewrites each local date whose sessions it changed.',
  grain: 'One row per viewing session (no key: sessions of the same date and attributes with the same lengths are interchangeable).',
  distribution: { style: 'EVEN', why: 'Read whole per period and joined only to dim_content (DISTSTYLE ALL): EVEN spreads the scan and the sort over every slice.' },
  sortKey: { columns: ['start_date_key'], why: 'Every request restricts the period.' },
  columns: {
    ...docs,
    session_length_milliseconds: { description: 'fact_viewing_session.session_length_seconds × 1000: whole milliseconds, exact.', encode: 'AZ64' },
    watch_milliseconds: { description: 'fact_viewing_session.watch_seconds × 1000: whole milliseconds, exact.', encode: 'AZ64' },
  },
});

/** Their names, in creation order. */
export const VIEWER_ROLLUP_TABLES = ['agg_viewer_day', 'agg_session_length'] as const;
