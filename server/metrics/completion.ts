import 'server-only';

import { Binds, dimensionJoins, filterConditions, whereClause, type Column, type MetricQuery, rowWiseQuery } from './filters';
import { DEFAULT_MIN_SESSIONS, type MetricParams } from './params';
import type { Period } from './period';

/**
 * Metric 3: completion rate per content item (movie or episode) with at least min_sessions sessions in
 * the period, sorted by completion_rate desc, sessions desc, content_id asc.
 */
export function completionQuery(params: MetricParams, period: Period): MetricQuery {
  const binds = new Binds();
  const conditions = [
    `f.start_date_key BETWEEN ${binds.add(period.fromKey)} AND ${binds.add(period.toKey)}`,
    ...filterConditions(params.filters, binds),
  ];
  const minSessions = binds.add(params.min_sessions ?? DEFAULT_MIN_SESSIONS);
  const limit = params.limit !== undefined && Number.isSafeInteger(params.limit) ? `\nLIMIT ${params.limit}` : '';
  const sql = `SELECT
  c.content_id,
  c.title,
  c.content_type,
  c.series_title,
  c.season_number,
  c.episode_number,
  c.genre,
  COUNT(*) AS sessions,
  SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END) AS completed_sessions,
  CAST(SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*) AS completion_rate
FROM fact_viewing_session AS f
${dimensionJoins()}
WHERE ${whereClause(conditions)}
GROUP BY c.content_id, c.title, c.content_type, c.series_title, c.season_number, c.episode_number, c.genre
HAVING COUNT(*) >= ${minSessions}
ORDER BY completion_rate DESC, sessions DESC, c.content_id ASC${limit}`;
  const columns: Column[] = [
    { name: 'content_id', type: 'string' },
    { name: 'title', type: 'string' },
    { name: 'content_type', type: 'string' },
    { name: 'series_title', type: 'string' },
    { name: 'season_number', type: 'number' },
    { name: 'episode_number', type: 'number' },
    { name: 'genre', type: 'string' },
    { name: 'sessions', type: 'number' },
    { name: 'completed_sessions', type: 'number' },
    { name: 'completion_rate', type: 'number' },
  ];
  return rowWiseQuery(sql, binds.values, columns);
}
