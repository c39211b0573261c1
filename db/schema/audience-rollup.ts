import { bigint, integer, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';

import { describeTable } from './describe';
import { dimDate, dimUser } from './dimensions';
import type { ColumnDoc } from './model-types';
import { SESSION_FILTER_ATTRIBUTES, type SliceAttribute } from './viewer-rollups';

/**
 * The aggregate behind the overview and the trend (metrics 6 and 7): per viewer and local date, the
 * sessions, completions and watch time of each (genre, content type, device type) they watched, and for
 * each combination of those three attributes the date of the viewer's previous row with the same values.
 * Over any run of consecutive dates (a period, or one trend bucket inside it), a viewer is counted once by
 * the one row in it whose previous date is before its first date: distinct viewers per period and per
 * bucket become a conditional sum, exact, with no distinct count and no hash of (bucket, user) groups.
 * agg_viewer_day cannot serve here: its slices all carry a grouping key (genre, device, title), and a
 * released migration never changes.
 */

/** The migration that creates it (db/migrations/0008-audience-rollup.ts). */
export const AUDIENCE_ROLLUP_MIGRATION = 8;

export type AudienceSlice = readonly SliceAttribute[];

/** Every subset of the session filters, the empty one (all of a viewer's rows) first. */
export const AUDIENCE_SLICES: readonly AudienceSlice[] = Array.from({ length: 1 << SESSION_FILTER_ATTRIBUTES.length }, (_, mask) =>
  SESSION_FILTER_ATTRIBUTES.filter((_a, i) => mask & (1 << i)),
).sort((a, b) => a.length - b.length);

/** The column holding a row's previous date in a slice: `previous_date` for all of a viewer's rows. */
export function audiencePreviousDateColumn(slice: AudienceSlice): string {
  const attributes = SESSION_FILTER_ATTRIBUTES.filter((a) => slice.includes(a));
  return attributes.length === 0 ? 'previous_date' : `previous_date_${attributes.join('_')}`;
}

const previousDateDoc = (slice: AudienceSlice): ColumnDoc => ({
  description:
    slice.length === 0
      ? 'start_date_key of the viewer\'s previous row (rows ordered by date, genre, content_type, device_type); 0 on their first.'
      : `start_date_key of the viewer's previous row with the same ${slice.join(', ')}; 0 on their first.`,
  encode: 'AZ64',
});

const previousDates = Object.fromEntries(AUDIENCE_SLICES.map((s) => [audiencePreviousDateColumn(s), integer().notNull()])) as Record<
  string,
  ReturnType<typeof integer>
>;

export const aggAudienceDay = pgTable(
  'agg_audience_day',
  {
    start_date_key: integer()
      .notNull()
      .references(() => dimDate.date_key),
    user_key: integer()
      .notNull()
      .references(() => dimUser.user_key),
    genre: varchar({ length: 64 }).notNull(),
    content_type: varchar({ length: 8 }).notNull(),
    device_type: varchar({ length: 8 }).notNull(),
    subscription_plan: varchar({ length: 8 }).notNull(),
    country: varchar({ length: 8 }).notNull(),
    sessions: integer().notNull(),
    completed_sessions: integer().notNull(),
    watch_milliseconds: bigint({ mode: 'number' }).notNull(),
    ...previousDates,
  },
  (t) => [primaryKey({ name: 'pk_agg_audience_day', columns: [t.start_date_key, t.user_key, t.genre, t.content_type, t.device_type] })],
);

export const aggAudienceDayModel = describeTable(aggAudienceDay, {
  kind: 'aggregate',
  createdBy: AUDIENCE_ROLLUP_MIGRATION,
  aggregateOf: 'fact_viewing_session',
  description:
    'The overview\'s headline figures and the trend per day, week or month: sessions, completions, watch time and distinct viewers under any filters. For each combination of genre, type and device type, the previous date of the viewer\'s row with the same values: over a period or a trend bucket, a viewer is counted by the one row in it whose previous date is before its first day. Kept exact by the ELT: every load rewrites the rows of each viewer whose sessions, attributes or items changed.',
  grain: 'One row per (start_date_key, user_key, genre, content_type, device_type) with at least one session.',
  distribution: {
    style: 'KEY',
    key: 'user_key',
    why: 'Distributed like the fact and dim_user: the ELT\'s windows over each viewer\'s rows stay on their slice.',
  },
  sortKey: { columns: ['start_date_key'], why: 'Every request restricts the period; the trend groups consecutive dates.' },
  columns: {
    start_date_key: { description: 'Local date (the user\'s time zone) of the sessions, as fact_viewing_session.start_date_key.', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
    user_key: { description: 'The viewer, as fact_viewing_session.user_key.', encode: 'AZ64' },
    genre: { description: 'dim_content.genre of the items played, or `Unknown` (rewritten when it changes).', encode: 'BYTEDICT' },
    content_type: { description: 'dim_content.content_type of the items played: `movie`, `episode` or `Unknown`.', encode: 'BYTEDICT' },
    device_type: { description: 'dim_device.device_type of the sessions\' device profile, or `Unknown`.', encode: 'BYTEDICT' },
    subscription_plan: { description: 'dim_user.subscription_plan of the viewer, or `Unknown` (rewritten when it changes).', encode: 'BYTEDICT' },
    country: { description: 'dim_user.country of the viewer, or `Unknown` (rewritten when it changes).', encode: 'BYTEDICT' },
    sessions: { description: 'Sessions in the group: COUNT(*) of fact_viewing_session.', encode: 'AZ64' },
    completed_sessions: { description: 'Sessions of the group with is_completed.', encode: 'AZ64' },
    watch_milliseconds: { description: 'Σ fact_viewing_session.watch_seconds × 1000: whole milliseconds, exact, and summed as integers.', encode: 'AZ64' },
    ...Object.fromEntries(AUDIENCE_SLICES.map((s) => [audiencePreviousDateColumn(s), previousDateDoc(s)])),
  } as Record<keyof typeof aggAudienceDay._.columns, ColumnDoc>,
});
