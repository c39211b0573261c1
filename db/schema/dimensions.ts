import { boolean, date, integer, pgTable, smallint, timestamp, unique, varchar } from 'drizzle-orm/pg-core';

import { describeTable } from './describe';

const inferred = 'True while the row is an inferred member: a fact named this key before its source record arrived. Attributes are `Unknown` until the record completes the row.';
const updatedAt = 'UTC time of the load that last wrote this row (passed in by the loader; Redshift has no portable NOW()).';

export const dimUser = pgTable(
  'dim_user',
  {
    user_key: integer().primaryKey().generatedByDefaultAsIdentity(),
    user_id: varchar({ length: 64 }).notNull(),
    signup_date: date({ mode: 'string' }),
    country: varchar({ length: 8 }).notNull(),
    time_zone: varchar({ length: 64 }).notNull(),
    age_band: varchar({ length: 8 }).notNull(),
    subscription_plan: varchar({ length: 8 }).notNull(),
    is_inferred: boolean().notNull(),
    updated_at: timestamp({ precision: 3, mode: 'string' }).notNull(),
  },
  (t) => [unique('uq_dim_user_user_id').on(t.user_id)],
);

export const dimUserModel = describeTable(dimUser, {
  kind: 'dimension',
  description: 'Subscribers: demographics, country, plan and the time zone in which their viewing is dated. Type 1: the newest load of a user overwrites the attributes.',
  grain: 'One row per subscriber (user_id), plus the unknown member (user_key −1).',
  distribution: {
    style: 'KEY',
    key: 'user_key',
    why: 'Users grow with the audience (millions of rows), too many to copy to every node. Distributing on user_key, like both facts, makes every fact-to-user join node-local and keeps one user\'s sessions and ratings together for distinct-viewer counts.',
  },
  sortKey: {
    columns: ['user_id'],
    why: 'The loader looks users up by natural key when it upserts them and resolves facts; sorting on user_id lets those lookups skip blocks.',
  },
  columns: {
    user_key: { description: 'Surrogate key. −1 is the unknown member.', encode: 'AZ64' },
    user_id: { description: 'Natural key from the subscription service.', encode: 'RAW', encodeWhy: 'Leading sort key column: left raw so zone maps stay exact.' },
    signup_date: { description: 'Date the subscription started; null for inferred members.', encode: 'AZ64' },
    country: { description: 'ISO 3166-1 alpha-2 country code, or `Unknown`.', encode: 'BYTEDICT', encodeWhy: 'About 250 distinct values: a one-byte dictionary.' },
    time_zone: { description: 'IANA time zone; local dates and hours of this user\'s sessions and ratings are computed in it. UTC for inferred members.', encode: 'BYTEDICT', encodeWhy: 'A few hundred zones at most.' },
    age_band: { description: 'One of 18-24, 25-34, 35-44, 45-54, 55+, or `Unknown`.', encode: 'BYTEDICT' },
    subscription_plan: { description: 'basic, standard or premium, or `Unknown`.', encode: 'BYTEDICT' },
    is_inferred: { description: inferred, encode: 'RUNLENGTH', encodeWhy: 'Almost always false: long runs.' },
    updated_at: { description: updatedAt, encode: 'AZ64' },
  },
});

export const dimContent = pgTable(
  'dim_content',
  {
    content_key: integer().primaryKey().generatedByDefaultAsIdentity(),
    content_id: varchar({ length: 64 }).notNull(),
    content_type: varchar({ length: 8 }).notNull(),
    title: varchar({ length: 512 }).notNull(),
    genre: varchar({ length: 64 }).notNull(),
    release_year: smallint(),
    runtime_seconds: integer(),
    maturity_rating: varchar({ length: 16 }).notNull(),
    series_id: varchar({ length: 64 }),
    series_title: varchar({ length: 512 }),
    season_number: smallint(),
    episode_number: smallint(),
    title_id: varchar({ length: 64 }).notNull(),
    title_name: varchar({ length: 512 }).notNull(),
    is_inferred: boolean().notNull(),
    updated_at: timestamp({ precision: 3, mode: 'string' }).notNull(),
  },
  (t) => [unique('uq_dim_content_content_id').on(t.content_id)],
);

export const dimContentModel = describeTable(dimContent, {
  kind: 'dimension',
  description: 'The playable catalog: movies and episodes. The Series → Season → Episode hierarchy is flattened into each episode row, and title_id rolls episodes up to their series, so "per title" analysis is a GROUP BY, not a join. A snowflake (series and season tables) would add two joins to every content query for a catalog small enough to copy to every node; a bridge table is for many-to-many hierarchies, and an episode belongs to exactly one season of one series.',
  grain: 'One row per playable item (content_id): a movie or an episode, plus the unknown member (content_key −1).',
  distribution: {
    style: 'ALL',
    why: 'Tens of thousands of rows that every metric joins for genre, type or title: a copy on every node makes those joins local whatever the fact\'s distribution.',
  },
  sortKey: { columns: ['content_id'], why: 'Upserts and fact resolution look items up by natural key.' },
  columns: {
    content_key: { description: 'Surrogate key. −1 is the unknown member.', encode: 'AZ64' },
    content_id: { description: 'Natural key from the catalog (CMS).', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
    content_type: { description: '`movie` or `episode`, or `Unknown`.', encode: 'BYTEDICT' },
    title: { description: 'The movie\'s or the episode\'s own title.', encode: 'ZSTD' },
    genre: { description: 'Primary genre; for episodes the series\' genre.', encode: 'BYTEDICT' },
    release_year: { description: 'Year of release.', encode: 'AZ64' },
    runtime_seconds: { description: 'Running time in seconds; null while unknown (then no session of it counts as completed).', encode: 'AZ64' },
    maturity_rating: { description: 'Maturity rating (PG-13, TV-MA…).', encode: 'BYTEDICT' },
    series_id: { description: 'Episodes: the series\' id. Null for movies.', encode: 'ZSTD' },
    series_title: { description: 'Episodes: the series\' title. Null for movies.', encode: 'ZSTD' },
    season_number: { description: 'Episodes: season number (≥ 1). Null for movies.', encode: 'AZ64' },
    episode_number: { description: 'Episodes: episode number within the season (≥ 1). Null for movies.', encode: 'AZ64' },
    title_id: { description: 'The title a viewer thinks of as one show: content_id for a movie, series_id for an episode.', encode: 'ZSTD' },
    title_name: { description: 'Name of that title: the movie\'s title, or the series title for an episode.', encode: 'ZSTD' },
    is_inferred: { description: inferred, encode: 'RUNLENGTH' },
    updated_at: { description: updatedAt, encode: 'AZ64' },
  },
});

export const dimDevice = pgTable(
  'dim_device',
  {
    device_key: integer().primaryKey().generatedByDefaultAsIdentity(),
    device_id: varchar({ length: 64 }).notNull(),
    device_type: varchar({ length: 8 }).notNull(),
    os: varchar({ length: 64 }).notNull(),
    app_version: varchar({ length: 64 }).notNull(),
    updated_at: timestamp({ precision: 3, mode: 'string' }).notNull(),
  },
  (t) => [unique('uq_dim_device_profile').on(t.device_id, t.device_type, t.os, t.app_version)],
);

export const dimDeviceModel = describeTable(dimDevice, {
  kind: 'dimension',
  description: 'The device profile a session was played on, as the player reported it. A new app version or OS makes a new row, so a session keeps the profile of its first event however the device changes later, and no load order can change it.',
  grain: 'One row per distinct (device_id, device_type, os, app_version), plus the unknown member (device_key −1).',
  distribution: {
    style: 'AUTO',
    why: 'Grows with the audience but queries only group on device_type: AUTO lets Redshift keep it ALL while small and switch to EVEN when copying it everywhere stops paying.',
  },
  sortKey: { columns: ['device_id'], why: 'The loader resolves profiles by device_id.' },
  columns: {
    device_key: { description: 'Surrogate key. −1 is the unknown member.', encode: 'AZ64' },
    device_id: { description: 'Device identifier from the player.', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
    device_type: { description: 'tv, mobile, web, tablet or console, or `Unknown`.', encode: 'BYTEDICT' },
    os: { description: 'Operating system reported by the player.', encode: 'BYTEDICT' },
    app_version: { description: 'Player app version.', encode: 'BYTEDICT' },
    updated_at: { description: updatedAt, encode: 'AZ64' },
  },
});

export const dimDate = pgTable('dim_date', {
  date_key: integer().primaryKey(),
  full_date: date({ mode: 'string' }),
  year_number: smallint().notNull(),
  quarter_number: smallint().notNull(),
  month_number: smallint().notNull(),
  month_name: varchar({ length: 9 }).notNull(),
  year_month: varchar({ length: 7 }).notNull(),
  day_of_month: smallint().notNull(),
  day_of_year: smallint().notNull(),
  day_of_week: smallint().notNull(),
  day_name: varchar({ length: 9 }).notNull(),
  iso_week: smallint().notNull(),
  is_weekend: boolean().notNull(),
  day_type: varchar({ length: 7 }).notNull(),
});

export const dimDateModel = describeTable(dimDate, {
  kind: 'dimension',
  description: 'The calendar. Facts point at the local date of the user (the user\'s time zone), so "weekday" and "last month" mean what the viewer lived. Seeded for 2015-01-01..2035-12-31.',
  grain: 'One row per calendar day, plus the unknown member (date_key −1).',
  distribution: { style: 'ALL', why: 'About 7,700 rows joined by every period filter: one copy per node.' },
  sortKey: { columns: ['date_key'], why: 'Period filters are ranges of date_key.' },
  columns: {
    date_key: { description: 'Smart key YYYYMMDD (e.g. 20261003); −1 is the unknown member.', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
    full_date: { description: 'The date; null for the unknown member.', encode: 'AZ64' },
    year_number: { description: 'Calendar year; −1 for the unknown member.', encode: 'AZ64' },
    quarter_number: { description: 'Quarter 1–4.', encode: 'AZ64' },
    month_number: { description: 'Month 1–12.', encode: 'AZ64' },
    month_name: { description: 'January … December.', encode: 'BYTEDICT' },
    year_month: { description: 'YYYY-MM, for monthly grouping.', encode: 'BYTEDICT' },
    day_of_month: { description: 'Day 1–31.', encode: 'AZ64' },
    day_of_year: { description: 'Day 1–366.', encode: 'AZ64' },
    day_of_week: { description: 'ISO day of week: 1 = Monday … 7 = Sunday.', encode: 'AZ64' },
    day_name: { description: 'Monday … Sunday.', encode: 'BYTEDICT' },
    iso_week: { description: 'ISO 8601 week number 1–53.', encode: 'AZ64' },
    is_weekend: { description: 'Saturday or Sunday.', encode: 'RUNLENGTH' },
    day_type: { description: '`weekday` (Monday–Friday) or `weekend` (Saturday, Sunday).', encode: 'BYTEDICT' },
  },
});

export const dimTimeOfDay = pgTable('dim_time_of_day', {
  time_of_day_key: smallint().primaryKey(),
  hour_of_day: smallint().notNull(),
  minute_of_hour: smallint().notNull(),
  time_label: varchar({ length: 7 }).notNull(),
  hour_label: varchar({ length: 7 }).notNull(),
  day_part: varchar({ length: 9 }).notNull(),
  is_prime_time: boolean().notNull(),
});

export const dimTimeOfDayModel = describeTable(dimTimeOfDay, {
  kind: 'dimension',
  description: 'Local time of day at minute grain. Peak-hour analysis reads hour_of_day, but minute grain costs only 1,440 rows and lets an analyst ask for quarter hours or "just before 9 pm" without a new dimension; the hour is one column away.',
  grain: 'One row per minute of the day (0–1439), plus the unknown member (time_of_day_key −1).',
  distribution: { style: 'ALL', why: '1,441 rows: one copy per node.' },
  sortKey: { columns: ['time_of_day_key'], why: 'Ranges of minutes (an hour, a day part) are contiguous keys.' },
  columns: {
    time_of_day_key: { description: 'Minute of the day, hour × 60 + minute; −1 is the unknown member.', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
    hour_of_day: { description: 'Local hour 0–23; −1 for the unknown member.', encode: 'AZ64' },
    minute_of_hour: { description: 'Minute 0–59.', encode: 'AZ64' },
    time_label: { description: 'HH:MM.', encode: 'ZSTD' },
    hour_label: { description: 'HH:00, for hourly grouping.', encode: 'BYTEDICT' },
    day_part: { description: 'night (00–05), morning (06–11), afternoon (12–17) or evening (18–23).', encode: 'BYTEDICT' },
    is_prime_time: { description: 'Between 19:00 and 22:59, the evening peak of streaming.', encode: 'RUNLENGTH' },
  },
});
