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
  const c = ALIAS.content;
  const conditions = rollup
    ? [
        `${a}.start_date_key BETWEEN ${binds.add(period.fromKey)} AND ${binds.add(period.toKey)}`,
        ...filterConditions(params.filters, binds, rollupFilterColumns(rollup.grain)),
      ]
    : [`f.start_date_key BETWEEN ${binds.add(period.fromKey)} AND ${binds.add(period.toKey)}`, ...filterConditions(params.filters, binds)];
  const minSessions = binds.add(params.min_sessions ?? DEFAULT_MIN_SESSIONS);
  const limit = params.limit !== undefined && Number.isSafeInteger(params.limit) ? `\nLIMIT ${params.limit}` : '';
  const measures = rollup
    ? {
        sessions: `SUM(${a}.sessions)`,
        completed: `SUM(${a}.completed_sessions)`,
        from: `${rollup.name} AS ${a}\nJOIN dim_content AS ${c} ON ${c}.content_key = ${a}.content_key`,
      }
    : { sessions: 'COUNT(*)', completed: 'SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END)', from: `fact_viewing_session AS f\n${dimensionJoins('f', params.filters, ['content'])}` };
  const sql = `SELECT
  c.content_id,
  c.title,
  c.content_type,
  c.series_title,
  c.season_number,
  c.episode_number,
  c.genre,
  ${measures.sessions} AS sessions,
  ${measures.completed} AS completed_sessions,
  CAST(${measures.completed} AS DOUBLE PRECISION) / ${measures.sessions} AS completion_rate
FROM ${measures.from}
WHERE ${whereClause(conditions)}
GROUP BY c.content_id, c.title, c.content_type, c.series_title, c.season_number, c.episode_number, c.genre
HAVING ${measures.sessions} >= ${minSessions}
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
