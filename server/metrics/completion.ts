import 'server-only';

import {
  Binds,
  dimensionJoins,
  filterConditions,
  ROLLUP_ALIAS,
  rollupConditions,
  whereClause,
  type Column,
  type MetricQuery,
  rowWiseQuery,
} from './filters';
import { DEFAULT_MIN_SESSIONS, type MetricParams } from './params';
import type { Period } from './period';
import { rollupFor, type QueryOptions } from './source';

/**
 * Metric 3: completion rate per content item (movie or episode) with at least min_sessions sessions in
 * the period, sorted by completion_rate desc, sessions desc, content_id asc.
 */
export function completionQuery(params: MetricParams, period: Period, options: QueryOptions = {}): MetricQuery {
  const binds = new Binds();
  // Sessions and completed sessions per local date and item are additive: a rollup that also keeps every
  // filtered column (genre and type through dim_content) gives the same sums as the fact.
  const rollup = rollupFor({ groupBy: ['start_date_key', 'content_key'], measures: ['sessions', 'completed_sessions'] }, params.filters, options);
  const a = ROLLUP_ALIAS;
  const dates = (alias: string) => `${alias}.start_date_key BETWEEN ${binds.add(period.fromKey)} AND ${binds.add(period.toKey)}`;
  const conditions = rollup ? [dates(a), ...rollupConditions(params.filters, binds, rollup.grain)] : [dates('f'), ...filterConditions(params.filters, binds)];
  const minSessions = binds.add(params.min_sessions ?? DEFAULT_MIN_SESSIONS);
  const limit = params.limit !== undefined && Number.isSafeInteger(params.limit) ? `\nLIMIT ${params.limit}` : '';
  const item = 'c.content_id,\n  c.title,\n  c.content_type,\n  c.series_title,\n  c.season_number,\n  c.episode_number,\n  c.genre';
  // From a rollup: summed per content_key (one per content_id) first, then the thousand groups joined to dim_content.
  const sql = rollup
    ? `SELECT
  ${item},
  v.sessions,
  v.completed_sessions,
  CAST(v.completed_sessions AS DOUBLE PRECISION) / v.sessions AS completion_rate
FROM (
  SELECT ${a}.content_key, SUM(${a}.sessions) AS sessions, SUM(${a}.completed_sessions) AS completed_sessions
  FROM ${rollup.name} AS ${a}
  WHERE ${whereClause(conditions, '    ')}
  GROUP BY ${a}.content_key
  HAVING SUM(${a}.sessions) >= ${minSessions}
) AS v
JOIN dim_content AS c ON c.content_key = v.content_key
ORDER BY completion_rate DESC, v.sessions DESC, c.content_id ASC${limit}`
    : `SELECT
  ${item},
  COUNT(*) AS sessions,
  SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END) AS completed_sessions,
  CAST(SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*) AS completion_rate
FROM fact_viewing_session AS f
${dimensionJoins('f', params.filters, ['content'])}
WHERE ${whereClause(conditions)}
GROUP BY ${item.replaceAll('\n  ', ' ')}
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
  return { ...rowWiseQuery(sql, binds.values, columns), source: rollup?.name ?? 'fact_viewing_session' };
}
