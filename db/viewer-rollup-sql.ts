import { AUDIENCE_SLICES, audiencePreviousDateColumn } from './schema/audience-rollup';
import { previousDateColumn, VIEWER_SLICES, type SliceAttribute } from './schema/viewer-rollups';

/** Where the viewer rows read each slice attribute (aliases fixed here, never from a request). */
const SLICE_SOURCE: Record<SliceAttribute, string> = {
  title_id: 'v.title_id',
  genre: 'v.genre',
  content_type: 'v.content_type',
  device_type: 'v.device_type',
};

export const VIEWER_DAY_COLUMNS = [
  'start_date_key',
  'user_key',
  'content_key',
  'device_type',
  'subscription_plan',
  'country',
  'sessions',
  'watch_milliseconds',
  ...VIEWER_SLICES.map(previousDateColumn),
];

export const AUDIENCE_DAY_COLUMNS = [
  'start_date_key',
  'user_key',
  'genre',
  'content_type',
  'device_type',
  'subscription_plan',
  'country',
  'sessions',
  'completed_sessions',
  'watch_milliseconds',
  ...AUDIENCE_SLICES.map(audiencePreviousDateColumn),
];

export const SESSION_LENGTH_COLUMNS = [
  'start_date_key',
  'content_key',
  'device_type',
  'subscription_plan',
  'country',
  'session_length_milliseconds',
  'watch_milliseconds',
];

const FACT_JOINS = `JOIN dim_content AS c ON c.content_key = f.content_key
    JOIN dim_device AS d ON d.device_key = f.device_key
    JOIN dim_user AS u ON u.user_key = f.user_key`;

const millis = (column: string) => `CAST(${column} * 1000 AS BIGINT)`;

/**
 * agg_viewer_day's rows from fact_viewing_session (the definition the table must equal), optionally for the
 * viewers a condition on the fact (alias f) selects: a viewer's previous dates depend on all their rows, so
 * a viewer's rows are only ever computed together.
 */
export function viewerDayFromFactSelect(where?: string): string {
  // The order within a viewer's slice only has to be total: any one row of the first date in the period counts.
  const previous = VIEWER_SLICES.map(
    (slice) =>
      `COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, ${slice.map((a) => SLICE_SOURCE[a]).join(', ')} ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS ${previousDateColumn(slice)}`,
  );
  return `SELECT
  v.start_date_key, v.user_key, v.content_key, v.device_type, v.subscription_plan, v.country, v.sessions, v.watch_milliseconds,
  ${previous.join(',\n  ')}
FROM (
  SELECT
    f.start_date_key, f.user_key, f.content_key, d.device_type, u.subscription_plan, u.country, c.title_id, c.genre, c.content_type,
    COUNT(*) AS sessions,
    SUM(${millis('f.watch_seconds')}) AS watch_milliseconds
  FROM fact_viewing_session AS f
    ${FACT_JOINS}${where ? `\n  WHERE ${where}` : ''}
  GROUP BY f.start_date_key, f.user_key, f.content_key, d.device_type, u.subscription_plan, u.country, c.title_id, c.genre, c.content_type
) AS v`;
}

/**
 * agg_audience_day's rows from fact_viewing_session (the definition the table must equal), optionally for
 * the viewers a condition on the fact (alias f) selects, for the same reason as agg_viewer_day's.
 */
export function audienceDayFromFactSelect(where?: string): string {
  const previous = AUDIENCE_SLICES.map(
    (slice) =>
      `COALESCE(LAG(v.start_date_key) OVER (PARTITION BY ${['v.user_key', ...slice.map((a) => SLICE_SOURCE[a])].join(', ')} ORDER BY v.start_date_key, v.genre, v.content_type, v.device_type), 0) AS ${audiencePreviousDateColumn(slice)}`,
  );
  return `SELECT
  v.start_date_key, v.user_key, v.genre, v.content_type, v.device_type, v.subscription_plan, v.country, v.sessions, v.completed_sessions, v.watch_milliseconds,
  ${previous.join(',\n  ')}
FROM (
  SELECT
    f.start_date_key, f.user_key, c.genre, c.content_type, d.device_type, u.subscription_plan, u.country,
    COUNT(*) AS sessions,
    SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END) AS completed_sessions,
    SUM(${millis('f.watch_seconds')}) AS watch_milliseconds
  FROM fact_viewing_session AS f
    ${FACT_JOINS}${where ? `\n  WHERE ${where}` : ''}
  GROUP BY f.start_date_key, f.user_key, c.genre, c.content_type, d.device_type, u.subscription_plan, u.country
) AS v`;
}

/** agg_session_length's rows from fact_viewing_session, optionally restricted by a condition on the fact (alias f). */
export function sessionLengthFromFactSelect(where?: string): string {
  return `SELECT
  f.start_date_key, f.content_key, d.device_type, u.subscription_plan, u.country,
  ${millis('f.session_length_seconds')} AS session_length_milliseconds,
  ${millis('f.watch_seconds')} AS watch_milliseconds
FROM fact_viewing_session AS f
  JOIN dim_device AS d ON d.device_key = f.device_key
  JOIN dim_user AS u ON u.user_key = f.user_key${where ? `\nWHERE ${where}` : ''}`;
}

export function viewerDayInsert(where?: string): string {
  return `INSERT INTO agg_viewer_day (${VIEWER_DAY_COLUMNS.join(', ')})\n${viewerDayFromFactSelect(where)}`;
}

/** Inserted in sort key order: DuckDB's zone maps then skip the row groups outside a request's period. */
export function audienceDayInsert(where?: string): string {
  return `INSERT INTO agg_audience_day (${AUDIENCE_DAY_COLUMNS.join(', ')})\n${audienceDayFromFactSelect(where)}\nORDER BY 1`;
}

export function sessionLengthInsert(where?: string): string {
  return `INSERT INTO agg_session_length (${SESSION_LENGTH_COLUMNS.join(', ')})\n${sessionLengthFromFactSelect(where)}`;
}

/**
 * sql/transforms/076_viewer_rollups.sql, generated (`npm run db:ddl`) so that the ELT and the definition
 * above are one text. It runs after 075, whose tmp_rollup_date holds every local date this load changed.
 */
export function viewerRollupsTransform(): string {
  return `-- Generated from db/viewer-rollup-sql.ts by \`npm run db:ddl\`; do not edit.
-- agg_session_length: every local date this load changed (075's tmp_rollup_date) is rewritten from the fact.
-- agg_viewer_day: a viewer's previous dates depend on all of their rows, so every viewer with a row on a
-- changed date, before or after this load, has all of their rows rewritten. That covers each session that
-- was added, rebuilt, re-dated or moved, and each viewer whose plan or country or whose items' title, genre
-- or type changed, since 075 counts all the dates of those sessions as changed. agg_audience_day's
-- previous dates are kept the same way, for the same viewers: it holds the same sessions.

delete from agg_session_length
where start_date_key in (select start_date_key from tmp_rollup_date);

${sessionLengthInsert('f.start_date_key in (select start_date_key from tmp_rollup_date)')};

create temp table tmp_viewer_user as
select fact.user_key
from fact_viewing_session as fact
where fact.start_date_key in (select start_date_key from tmp_rollup_date)
union
select viewer.user_key
from agg_viewer_day as viewer
where viewer.start_date_key in (select start_date_key from tmp_rollup_date);

delete from agg_viewer_day
where user_key in (select user_key from tmp_viewer_user);

${viewerDayInsert('f.user_key in (select user_key from tmp_viewer_user)')};

delete from agg_audience_day
where user_key in (select user_key from tmp_viewer_user);

${audienceDayInsert('f.user_key in (select user_key from tmp_viewer_user)')};

drop table tmp_viewer_user;
`;
}
