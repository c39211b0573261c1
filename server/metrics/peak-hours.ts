import 'server-only';

import {
  ALIAS,
  Binds,
  dimensionJoins,
  filterConditions,
  ROLLUP_ALIAS,
  rollupFilterColumns,
  whereClause,
  type Column,
  type MetricQuery,
  rowWiseQuery,
} from './filters';
import type { MetricParams } from './params';
import type { Period } from './period';
import { rollupFor, type QueryOptions } from './source';

/**
 * Metric 2: sessions and watch_seconds per local day type and local start hour, all 48 rows (zeros
 * included), and per calendar day of that type in the period. The grid is the cross join of the
 * calendar's day types and the clock's hours (no generate_series or VALUES on Redshift). When the period
 * has no day of a type (e.g. a single Monday has no weekend day), its per-day figures are null: a rate
 * over zero days is undefined, and 0 would claim "nothing watched per day".
 */
export function peakHoursQuery(params: MetricParams, period: Period, options: QueryOptions = {}): MetricQuery {
  const binds = new Binds();
  const from = binds.add(period.fromKey);
  const to = binds.add(period.toKey);
  // Sessions and watch time per local date and hour are additive: a rollup that also keeps every filtered
  // column gives the same sums as the fact (see db/schema/rollups.ts).
  const rollup = rollupFor({ groupBy: ['start_date_key', 'hour_of_day'], measures: ['sessions', 'watch_seconds'] }, params.filters, options);
  let byHour: string;
  if (rollup) {
    const a = ROLLUP_ALIAS;
    const conditions = [`${a}.start_date_key BETWEEN ${from} AND ${to}`, ...filterConditions(params.filters, binds, rollupFilterColumns(rollup.grain))];
    const content = conditions.some((c) => c.startsWith(`${ALIAS.content}.`))
      ? `\n  JOIN dim_content AS ${ALIAS.content} ON ${ALIAS.content}.content_key = ${a}.content_key`
      : '';
    byHour = `SELECT
    dd.day_type,
    ${a}.hour_of_day,
    SUM(${a}.sessions) AS sessions,
    SUM(${a}.watch_seconds) AS watch_seconds
  FROM ${rollup.name} AS ${a}
  JOIN dim_date AS dd ON dd.date_key = ${a}.start_date_key${content}
  WHERE ${whereClause(conditions, '    ')}
  GROUP BY dd.day_type, ${a}.hour_of_day`;
  } else {
    const conditions = [`f.start_date_key BETWEEN ${from} AND ${to}`, ...filterConditions(params.filters, binds)];
    byHour = `SELECT
    dd.day_type,
    t.hour_of_day,
    COUNT(*) AS sessions,
    SUM(f.watch_seconds) AS watch_seconds
  FROM fact_viewing_session AS f
  JOIN dim_date AS dd ON dd.date_key = f.start_date_key
  JOIN dim_time_of_day AS t ON t.time_of_day_key = f.start_time_of_day_key
  ${dimensionJoins('f', params.filters).replaceAll('\n', '\n  ')}
  WHERE ${whereClause(conditions, '    ')}
  GROUP BY dd.day_type, t.hour_of_day`;
  }
  const sql = `WITH by_hour AS (
  ${byHour}
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
  return { ...rowWiseQuery(sql, binds.values, columns), source: rollup?.name ?? 'fact_viewing_session' };
}
