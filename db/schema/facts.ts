import { boolean, doublePrecision, integer, numeric, pgTable, smallint, timestamp, varchar } from 'drizzle-orm/pg-core';

import { describeTable } from './describe';
import { dimContent, dimDate, dimDevice, dimTimeOfDay, dimUser } from './dimensions';

const ts = () => timestamp({ precision: 3, mode: 'string' });
const seconds = () => numeric({ precision: 12, scale: 3, mode: 'number' });

const factDistribution = {
  style: 'KEY' as const,
  key: 'user_key' as const,
  why: 'Both facts and dim_user are distributed on user_key, so fact-to-user joins never move rows and the exact distinct-viewer counts of watch time and rating vs popularity are computed per slice before they are summed. Users are many and evenly active, so the key spreads rows without skew.',
};

export const factViewingSession = pgTable('fact_viewing_session', {
  session_id: varchar({ length: 128 }).primaryKey(),
  user_key: integer().notNull().references(() => dimUser.user_key),
  content_key: integer().notNull().references(() => dimContent.content_key),
  device_key: integer().notNull().references(() => dimDevice.device_key),
  start_date_key: integer().notNull().references(() => dimDate.date_key),
  start_time_of_day_key: smallint().notNull().references(() => dimTimeOfDay.time_of_day_key),
  session_status: varchar({ length: 6 }).notNull(),
  session_start_ts: ts().notNull(),
  last_event_ts: ts().notNull(),
  stop_ts: ts(),
  session_end_ts: ts().notNull(),
  local_start_ts: ts().notNull(),
  session_length_seconds: seconds().notNull(),
  watch_seconds: seconds().notNull(),
  start_position_seconds: doublePrecision().notNull(),
  max_position_seconds: doublePrecision().notNull(),
  is_completed: boolean().notNull(),
  pause_count: integer().notNull(),
  seek_count: integer().notNull(),
  event_count: integer().notNull(),
  events_after_stop: integer().notNull(),
  first_load_id: integer().notNull(),
  last_load_id: integer().notNull(),
});

export const factViewingSessionModel = describeTable(factViewingSession, {
  kind: 'fact',
  description: 'The lifecycle of one playback session: when it started and stopped, how long it lasted, how much was actually watched, how far the playhead got, and whether the viewer reached the credits. Built from the play, pause, seek and stop events of the player stream.',
  grain: 'One row per viewing session (session_id).',
  factType: {
    type: 'accumulating snapshot',
    why: 'A session is a process with milestones (first play, pauses, seeks, stop) whose events arrive over minutes or hours, late and out of order, and the questions are about the session as a whole (its duration, watch time, completion). One row per session, updated in place as events arrive, answers them with a single scan; a transactional table of events would make every dashboard re-sessionize millions of events with window functions. The raw events stay in stg_player_event, so the row can always be rebuilt.',
  },
  distribution: factDistribution,
  sortKey: {
    columns: ['start_date_key', 'content_key'],
    why: 'Every metric restricts the period first, so start_date_key leads: zone maps skip every block outside [from, to]. Within a day, content_key clusters the rows of an item, which completion and rating vs popularity group by and genre or type filters select through dim_content.',
  },
  columns: {
    session_id: { description: 'Natural key of the session from the player (degenerate dimension).', encode: 'ZSTD' },
    user_key: { description: 'The viewer: the user of the session\'s first event.', encode: 'AZ64' },
    content_key: { description: 'What was played: the content of the first event.', encode: 'AZ64' },
    device_key: { description: 'Device profile of the first event.', encode: 'AZ64' },
    start_date_key: { description: 'Local date (user\'s time zone) of session_start_ts. Recomputed when an inferred user\'s time zone arrives.', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
    start_time_of_day_key: { description: 'Local minute of day of session_start_ts.', encode: 'AZ64' },
    session_status: { description: '`closed` once a stop event is seen, else `open` (the row is updated when later events arrive).', encode: 'BYTEDICT' },
    session_start_ts: { description: 'UTC time of the first event (milestone).', encode: 'AZ64' },
    last_event_ts: { description: 'UTC time of the last event that counts: the first stop, or the latest event of an open session (milestone).', encode: 'AZ64' },
    stop_ts: { description: 'UTC time of the first stop event; null while the session is open (milestone).', encode: 'AZ64' },
    session_end_ts: { description: 'stop_ts when closed, else last_event_ts.', encode: 'AZ64' },
    local_start_ts: { description: 'session_start_ts as wall-clock time in the user\'s zone.', encode: 'AZ64' },
    session_length_seconds: { description: 'session_end_ts − session_start_ts, pauses included, to the millisecond.', encode: 'AZ64' },
    watch_seconds: { description: 'Time spent playing: the sum of the gaps after each event that left the player playing, up to the last counted event, to the millisecond.', encode: 'AZ64' },
    start_position_seconds: { description: 'Playhead of the first event.', encode: 'ZSTD', encodeWhy: 'DOUBLE PRECISION keeps the player\'s exact positions; AZ64 does not apply to floating point.' },
    max_position_seconds: { description: 'Largest playhead among the counted events.', encode: 'ZSTD' },
    is_completed: { description: 'The runtime is known and max_position_seconds ≥ 95 % of it (the credits threshold). Recomputed when an inferred item\'s runtime arrives.', encode: 'RUNLENGTH' },
    pause_count: { description: 'Number of pause events counted.', encode: 'AZ64' },
    seek_count: { description: 'Number of seek events counted.', encode: 'AZ64' },
    event_count: { description: 'Events counted: up to and including the first stop.', encode: 'AZ64' },
    events_after_stop: { description: 'Events that arrived for the session after its first stop; kept for data quality, counted in no measure.', encode: 'AZ64' },
    first_load_id: { description: 'Load that first built the row (audit).', encode: 'AZ64' },
    last_load_id: { description: 'Load that last rebuilt the row (audit).', encode: 'AZ64' },
  },
});

export const factContentRating = pgTable('fact_content_rating', {
  rating_event_id: varchar({ length: 128 }).primaryKey(),
  user_key: integer().notNull().references(() => dimUser.user_key),
  content_key: integer().notNull().references(() => dimContent.content_key),
  device_key: integer().notNull().references(() => dimDevice.device_key),
  rating_date_key: integer().notNull().references(() => dimDate.date_key),
  rating_time_of_day_key: smallint().notNull().references(() => dimTimeOfDay.time_of_day_key),
  session_id: varchar({ length: 128 }),
  rated_at: ts().notNull(),
  local_rated_at: ts().notNull(),
  rating: smallint().notNull(),
  load_id: integer().notNull(),
});

export const factContentRatingModel = describeTable(factContentRating, {
  kind: 'fact',
  description: 'Star ratings (1–5) given by viewers. Each rate event is one rating: a user who rates the same item twice counts twice. Ratings of episodes roll up to their series through dim_content.title_id.',
  grain: 'One row per rate event (event_id).',
  factType: {
    type: 'transactional',
    why: 'A rating is an instantaneous event with nothing to accumulate: it is inserted once and never updated.',
  },
  distribution: factDistribution,
  sortKey: {
    columns: ['rating_date_key', 'content_key'],
    why: 'Rating vs popularity filters ratings by period and groups them by title: the date leads for zone-map pruning, content follows so a title\'s ratings are adjacent.',
  },
  columns: {
    rating_event_id: { description: 'event_id of the rate event (degenerate dimension).', encode: 'ZSTD' },
    user_key: { description: 'The rater.', encode: 'AZ64' },
    content_key: { description: 'The movie or episode rated.', encode: 'AZ64' },
    device_key: { description: 'Device profile the rating was given on.', encode: 'AZ64' },
    rating_date_key: { description: 'Local date (rater\'s time zone) of the rating.', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
    rating_time_of_day_key: { description: 'Local minute of day of the rating.', encode: 'AZ64' },
    session_id: { description: 'Viewing session the rating was given in, when the player sent one.', encode: 'ZSTD' },
    rated_at: { description: 'UTC time of the rate event.', encode: 'AZ64' },
    local_rated_at: { description: 'rated_at as wall-clock time in the rater\'s zone.', encode: 'AZ64' },
    rating: { description: 'Stars, 1–5.', encode: 'AZ64' },
    load_id: { description: 'Load that brought the rating (audit).', encode: 'AZ64' },
  },
});
