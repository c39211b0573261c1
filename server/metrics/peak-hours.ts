import 'server-only';

import { Binds, dimensionJoins, filterConditions, whereClause, type Column, type MetricQuery, rowWiseQuery } from './filters';
import type { MetricParams } from './params';
import type { Period } from './period';

/**
 * Metric 2: sessions and watch_seconds per local day type and local start hour, all 48 rows (zeros
 * included), and per calendar day of that type in the period. The grid is the cross join of the
 * calendar's day types and the clock's hours (no generate_series or VALUES on Redshift). When the period
 * has no day of a type (e.g. a single Monday has no weekend day), its per-day figures are null: a rate
 * over zero days is undefined, and 0 would claim "nothing watched per day".
 */
export function peakHoursQuery(params: MetricParams, period: Period): MetricQuery {
  const binds = new Binds();
  const from = binds.add(period.fromKey);
  const to = binds.add(period.toKey);
  const conditions = [`f.start_date_key BETWEEN ${from} AND ${to}`, ...filterConditions(params.filters, binds)];
  const sql = `WITH by_hour AS (
  SELECT
    dd.day_type,
    t.hour_of_day,
    COUNT(*) AS sessions,
    SUM(f.watch_seconds) AS watch_seconds
  FROM fact_viewing_session AS f
  JOIN dim_date AS dd ON dd.date_key = f.start_date_key
  JOIN dim_time_of_day AS t ON t.time_of_day_key = f.start_time_of_day_key
  ${dimensionJoins().replaceAll('\n', '\n  ')}
  WHERE ${whereClause(conditions, '    ')}
  GROUP BY dd.day_type, t.hour_of_day
),
day_counts AS (
  SELECT day_type, COUNT(*) AS days
  FROM dim_date
  WHERE date_key BETWEEN ${from} AND ${to}
  GROUP BY day_type
),
grid AS (
  SELECT day_types.day_type, hours.hour_of_day
  FROM (SELECT DISTINCT day_type FROM dim_date WHERE date_key > 0) AS day_types
  CROSS JOIN (SELECT DISTINCT hour_of_day FROM dim_time_of_day WHERE hour_of_day >= 0) AS hours
)
SELECT
  g.day_type,
  g.hour_of_day AS hour,
  COALESCE(b.sessions, 0) AS sessions,
  COALESCE(b.watch_seconds, 0) AS watch_seconds,
  COALESCE(dc.days, 0) AS days,
  CASE WHEN COALESCE(dc.days, 0) = 0 THEN NULL
    ELSE CAST(COALESCE(b.sessions, 0) AS DOUBLE PRECISION) / dc.days END AS sessions_per_day,
  CASE WHEN COALESCE(dc.days, 0) = 0 THEN NULL
    ELSE CAST(COALESCE(b.watch_seconds, 0) AS DOUBLE PRECISION) / dc.days END AS watch_seconds_per_day
FROM grid AS g
LEFT JOIN by_hour AS b ON b.day_type = g.day_type AND b.hour_of_day = g.hour_of_day
LEFT JOIN day_counts AS dc ON dc.day_type = g.day_type
ORDER BY g.day_type ASC, g.hour_of_day ASC`;
  const columns: Column[] = [
    { name: 'day_type', type: 'string' },
    { name: 'hour', type: 'number' },
    { name: 'sessions', type: 'number' },
    { name: 'watch_seconds', type: 'number' },
    { name: 'days', type: 'number' },
    { name: 'sessions_per_day', type: 'number' },
    { name: 'watch_seconds_per_day', type: 'number' },
  ];
  return rowWiseQuery(sql, binds.values, columns);
}
