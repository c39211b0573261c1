import 'server-only';

import { audiencePreviousDateColumn, type AudienceSlice } from '@/db/schema/audience-rollup';
import { SESSION_FILTER_ATTRIBUTES } from '@/db/schema/viewer-rollups';
import { CONTENT_FILTERS } from '@/types/dashboard';
import type { Grain } from '@/types/period';

import { dimensionJoins, filterConditions, ROLLUP_ALIAS, whereClause, type Binds } from './filters';
import type { FilterName, Filters } from './params';
import type { MetricSource } from './source';
import { secondsFromMilliseconds } from './viewer-source';

/**
 * The sessions' side of the overview and the trend: watch time, sessions, completed sessions and distinct
 * viewers over consecutive dates, either the whole period or each bucket of a grain inside it.
 *
 * From agg_audience_day (db/schema/audience-rollup.ts), a viewer is counted once per bucket by the one row
 * in the bucket whose previous date in the request's slice is before the bucket's first date. A slice is
 * the session filters (genre, type, device) given one value each; a filter with several values could
 * let one viewer be first in several slices, so then viewers are counted as (bucket, user) groups, of
 * the rollup or, on the fact path, of fact_viewing_session.
 */

/** The slice whose previous dates count a request's viewers, or undefined when none does. Pure. */
export function audienceSlice(filters: Filters): AudienceSlice | undefined {
  const slice: FilterName[] = [];
  for (const attribute of SESSION_FILTER_ATTRIBUTES) {
    const values = filters[attribute]?.length ?? 0;
    if (values > 1) return undefined;
    if (values === 1) slice.push(attribute);
  }
  return SESSION_FILTER_ATTRIBUTES.filter((a) => (slice as string[]).includes(a));
}

/** agg_audience_day keeps every filter's column as its own. */
const OWN_COLUMNS = Object.fromEntries(
  (['device_type', 'genre', 'content_type', 'subscription_plan', 'country'] as const).map((name) => [name, `${ROLLUP_ALIAS}.${name}`]),
) as Record<FilterName, string>; // title_id and season_number send the request to the fact (below)

/**
 * How dates fall into buckets: the whole period as one (the overview), a day, or an ISO week or calendar
 * month cut by the period. A week's or month's first date inside the period comes from dim_date, whose
 * rows in the period are numbered by week (a running count of Mondays) or grouped by year_month.
 */
export type Bucketing = { kind: 'period' } | { kind: Grain };

interface BucketSql {
  cte: string;
  join: (table: string) => string;
  /** The bucket's key (its first date in the period) for a row of `table`; undefined for the whole period. */
  key: (table: string) => string | undefined;
  /** The bucket's first date as a date key, for the previous-date comparison. */
  first: (table: string, from: string) => string;
}

function bucketSql(bucketing: Bucketing, from: string, to: string): BucketSql {
  switch (bucketing.kind) {
    case 'period':
      return { cte: '', join: () => '', key: () => undefined, first: (_t, f) => f };
    case 'day':
      return { cte: '', join: () => '', key: (t) => `${t}.start_date_key`, first: (t) => `${t}.start_date_key` };
    case 'week':
    case 'month': {
      const partition =
        bucketing.kind === 'month'
          ? `SELECT date_key, year_month AS bucket_number
    FROM dim_date
    WHERE date_key BETWEEN ${from} AND ${to}`
          : `SELECT date_key, SUM(CASE WHEN day_of_week = 1 THEN 1 ELSE 0 END) OVER (ORDER BY date_key ROWS UNBOUNDED PRECEDING) AS bucket_number
    FROM dim_date
    WHERE date_key BETWEEN ${from} AND ${to}`;
      return {
        cte: `WITH bucket AS (
  SELECT date_key, MIN(date_key) OVER (PARTITION BY bucket_number) AS bucket_key
  FROM (
    ${partition}
  ) AS calendar
)
`,
        join: (t) => `\nJOIN bucket AS b ON b.date_key = ${t}.start_date_key`,
        key: () => 'b.bucket_key',
        first: () => 'b.bucket_key',
      };
    }
  }
}

export interface AudienceRequest {
  bucketing: Bucketing;
  /** The period's placeholders, already bound. */
  from: string;
  to: string;
  filters: Filters;
  /** Where the filters' values are bound (a fresh sequence, or a replay of one already bound). */
  binds: Binds;
  source?: MetricSource;
}

/**
 * One SELECT giving `watch_seconds`, `sessions`, `completed_sessions` and `viewers` (and `bucket_key`
 * for a grain, ordered by it): one row for the whole period, one per non-empty bucket otherwise.
 */
export function audienceSelect(request: AudienceRequest): { sql: string; source: string } {
  const { bucketing, from, to, filters, binds } = request;
  const buckets = bucketSql(bucketing, from, to);
  // agg_audience_day keeps no item: a title or season filter reads the fact.
  const fromFact = request.source === 'fact' || CONTENT_FILTERS.some((name) => (filters[name]?.length ?? 0) > 0);
  const t = fromFact ? 'f' : ROLLUP_ALIAS;
  const key = buckets.key(t);
  const conditions = [
    `${t}.start_date_key BETWEEN ${from} AND ${to}`,
    ...(fromFact ? filterConditions(filters, binds) : filterConditions(filters, binds, OWN_COLUMNS)),
  ];
  const table = fromFact ? `fact_viewing_session AS f${dimensionJoins('f', filters) ? `\n${dimensionJoins('f', filters)}` : ''}` : `agg_audience_day AS ${t}`;
  const grouped = key === undefined ? '' : `\nGROUP BY ${key}\nORDER BY ${key}`;
  const slice = fromFact ? undefined : audienceSlice(filters);

  if (slice) {
    const sql = `${buckets.cte}SELECT${key === undefined ? '' : `\n  ${key} AS bucket_key,`}
  ${secondsFromMilliseconds(`SUM(${t}.watch_milliseconds)`)} AS watch_seconds,
  SUM(${t}.sessions) AS sessions,
  SUM(${t}.completed_sessions) AS completed_sessions,
  SUM(CASE WHEN ${t}.${audiencePreviousDateColumn(slice)} < ${buckets.first(t, from)} THEN 1 ELSE 0 END) AS viewers
FROM ${table}${buckets.join(t)}
WHERE ${whereClause(conditions)}${grouped}`;
    return { sql, source: 'agg_audience_day' };
  }

  // Viewers as the number of (bucket, user) groups: exact, and cheaper than COUNT(DISTINCT), which sorts.
  const measures = fromFact
    ? { watch: `SUM(f.watch_seconds)`, sessions: 'COUNT(*)', completed: 'SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END)', outerWatch: 'SUM(v.watch)' }
    : {
        watch: `SUM(${t}.watch_milliseconds)`,
        sessions: `SUM(${t}.sessions)`,
        completed: `SUM(${t}.completed_sessions)`,
        outerWatch: secondsFromMilliseconds('SUM(v.watch)'),
      };
  const inner = [...(key === undefined ? [] : [key]), `${t}.user_key`];
  const sql = `${buckets.cte}SELECT${key === undefined ? '' : '\n  v.bucket_key,'}
  ${measures.outerWatch} AS watch_seconds,
  SUM(v.sessions) AS sessions,
  SUM(v.completed_sessions) AS completed_sessions,
  COUNT(*) AS viewers
FROM (
  SELECT${key === undefined ? '' : `\n    ${key} AS bucket_key,`}
    ${t}.user_key,
    ${measures.watch} AS watch,
    ${measures.sessions} AS sessions,
    ${measures.completed} AS completed_sessions
  FROM ${table.replaceAll('\n', '\n  ')}${buckets.join(t).replaceAll('\n', '\n  ')}
  WHERE ${whereClause(conditions, '    ')}
  GROUP BY ${inner.join(', ')}
) AS v${key === undefined ? '' : '\nGROUP BY v.bucket_key\nORDER BY v.bucket_key'}`;
  return { sql, source: fromFact ? 'fact_viewing_session' : 'agg_audience_day' };
}
