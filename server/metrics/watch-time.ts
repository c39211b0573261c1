import 'server-only';

import { Binds, dimensionJoins, filterConditions, whereClause, type Column, type Dimension, type MetricQuery, rowWiseQuery } from './filters';
import type { MetricParams, WatchTimeBy } from './params';
import type { Period } from './period';

/** Output key column and the expression it reads (from code only). */
const KEYS: Record<WatchTimeBy, { name: string; expr: string; dimension: Dimension }> = {
  user: { name: 'user_id', expr: 'u.user_id', dimension: 'user' },
  genre: { name: 'genre', expr: 'c.genre', dimension: 'content' },
  device_type: { name: 'device_type', expr: 'd.device_type', dimension: 'device' },
};

/**
 * Metric 1: watch_seconds, sessions and distinct viewers per user, genre or device type over the
 * sessions in the period, sorted by watch_seconds descending, then the key ascending (byte order).
 */
export function watchTimeQuery(params: MetricParams, period: Period): MetricQuery {
  const key = KEYS[params.by ?? 'genre'];
  const binds = new Binds();
  const conditions = [
    `f.start_date_key BETWEEN ${binds.add(period.fromKey)} AND ${binds.add(period.toKey)}`,
    ...filterConditions(params.filters, binds),
  ];
  // limit is an integer proved by zod (1..10000): Redshift only takes a literal here.
  const limit = params.limit !== undefined && Number.isSafeInteger(params.limit) ? `\nLIMIT ${params.limit}` : '';
  // Distinct viewers as the number of (key, user) groups: hashing those groups is exact and, on PGlite,
  // about twice as fast as COUNT(DISTINCT), which sorts every session.
  const sql = `SELECT
  ${key.name},
  SUM(watch_seconds) AS watch_seconds,
  SUM(sessions) AS sessions,
  COUNT(*) AS viewers
FROM (
  SELECT
    ${key.expr} AS ${key.name},
    f.user_key,
    SUM(f.watch_seconds) AS watch_seconds,
    COUNT(*) AS sessions
  FROM fact_viewing_session AS f
  ${dimensionJoins('f', params.filters, [key.dimension]).replaceAll('\n', '\n  ')}
  WHERE ${whereClause(conditions, '    ')}
  GROUP BY ${key.expr}, f.user_key
) AS per_viewer
GROUP BY ${key.name}
ORDER BY watch_seconds DESC, ${key.name} ASC${limit}`;
  const columns: Column[] = [
    { name: key.name, type: 'string' },
    { name: 'watch_seconds', type: 'number' },
    { name: 'sessions', type: 'number' },
    { name: 'viewers', type: 'number' },
  ];
  return rowWiseQuery(sql, binds.values, columns);
}
