import type { Migration } from './types';

/** Fixed so that the migration's statements, and so its checksum, never change. */
const EPOCH = '1970-01-01 00:00:00';

/**
 * The unknown member (key −1) of each dimension: the row a fact points at when it cannot name a member
 * at all. Inferred members, by contrast, get a row of their own per natural key (see the ELT).
 */
export const unknownMembers: Migration = {
  version: 3,
  name: 'unknown members',
  plan: () => [
    {
      text: `INSERT INTO dim_user (user_key, user_id, signup_date, country, time_zone, age_band, subscription_plan, is_inferred, updated_at)
VALUES (-1, $1, NULL, $1, $2, $1, $1, FALSE, $3)`,
      params: ['Unknown', 'UTC', EPOCH],
    },
    {
      text: `INSERT INTO dim_content (content_key, content_id, content_type, title, genre, release_year, runtime_seconds, maturity_rating, series_id, series_title, season_number, episode_number, title_id, title_name, is_inferred, updated_at)
VALUES (-1, $1, $1, $1, $1, NULL, NULL, $1, NULL, NULL, NULL, NULL, $1, $1, FALSE, $2)`,
      params: ['Unknown', EPOCH],
    },
    {
      text: `INSERT INTO dim_device (device_key, device_id, device_type, os, app_version, updated_at)
VALUES (-1, $1, $1, $1, $1, $2)`,
      params: ['Unknown', EPOCH],
    },
  ],
};
