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
import { DEFAULT_MIN_SESSIONS, type CompletionLevel, type MetricParams } from './params';
import type { Period } from './period';
import { rollupFor, type QueryOptions } from './source';

const MEASURES: Column[] = [
  { name: 'sessions', type: 'number' },
  { name: 'completed_sessions', type: 'number' },
  { name: 'completion_rate', type: 'number' },
];

/**
 * Each level's key columns and how dim_content (alias c) gives them: the item itself; a season (the
 * episodes of one season_number of one series, so movies and inferred items have none); a title (a
 * movie, a series, or an inferred item on its own). Expressions from code only.
 */
const LEVELS: Record<CompletionLevel, { keys: { name: string; type: Column['type']; expr: string }[]; groupBy: string[]; where?: string; order: string }> = {
  item: {
    keys: [
      { name: 'content_id', type: 'string', expr: 'c.content_id' },
      { name: 'title', type: 'string', expr: 'c.title' },
      { name: 'content_type', type: 'string', expr: 'c.content_type' },
      { name: 'series_title', type: 'string', expr: 'c.series_title' },
      { name: 'season_number', type: 'number', expr: 'c.season_number' },
      { name: 'episode_number', type: 'number', expr: 'c.episode_number' },
      { name: 'genre', type: 'string', expr: 'c.genre' },
    ],
    groupBy: ['c.content_id', 'c.title', 'c.content_type', 'c.series_title', 'c.season_number', 'c.episode_number', 'c.genre'],
    order: 'c.content_id ASC',
  },
  season: {
    keys: [
      { name: 'title_id', type: 'string', expr: 'c.title_id' },
      { name: 'title', type: 'string', expr: 'MAX(c.title_name)' },
      { name: 'season_number', type: 'number', expr: 'c.season_number' },
    ],
    groupBy: ['c.title_id', 'c.season_number'],
    where: 'c.season_number IS NOT NULL',
    order: 'c.title_id ASC, c.season_number ASC',
  },
  title: {
    keys: [
      { name: 'title_id', type: 'string', expr: 'c.title_id' },
      { name: 'title', type: 'string', expr: 'MAX(c.title_name)' },
      { name: 'content_type', type: 'string', expr: "MAX(CASE WHEN c.content_type = 'episode' THEN 'series' ELSE c.content_type END)" },
    ],
    groupBy: ['c.title_id'],
    order: 'c.title_id ASC',
  },
};

/**
 * Metrics 3 and 8: completion rate per content item, season or title with at least min_sessions sessions
 * in the period, sorted by completion_rate desc, sessions desc, then the key ascending.
 */
export function completionQuery(params: MetricParams, period: Period, options: QueryOptions = {}): MetricQuery {
  const binds = new Binds();
  const level = LEVELS[params.level ?? 'item'];
  // Sessions and completed sessions per local date and item are additive: a rollup that also keeps every
  // filtered column (genre, type, title and season through dim_content) gives the same sums as the fact.
  const rollup = rollupFor({ groupBy: ['start_date_key', 'content_key'], measures: ['sessions', 'completed_sessions'] }, params.filters, options);
  const a = ROLLUP_ALIAS;
  const dates = (alias: string) => `${alias}.start_date_key BETWEEN ${binds.add(period.fromKey)} AND ${binds.add(period.toKey)}`;
  const conditions = rollup ? [dates(a), ...rollupConditions(params.filters, binds, rollup.grain)] : [dates('f'), ...filterConditions(params.filters, binds)];
  const minSessions = binds.add(params.min_sessions ?? DEFAULT_MIN_SESSIONS);
  const limit = params.limit !== undefined && Number.isSafeInteger(params.limit) ? `\nLIMIT ${params.limit}` : '';
  const keys = level.keys.map((k) => (k.expr === `c.${k.name}` ? k.expr : `${k.expr} AS ${k.name}`)).join(',\n  ');
  const groupBy = level.groupBy.join(', ');
  const order = `ORDER BY completion_rate DESC, sessions DESC, ${level.order}${limit}`;
  // From a rollup: summed per content_key (one per content_id) first, then the thousand groups joined to dim_content.
  const sql = rollup
    ? `SELECT
  ${keys},
  SUM(v.sessions) AS sessions,
  SUM(v.completed_sessions) AS completed_sessions,
  CAST(SUM(v.completed_sessions) AS DOUBLE PRECISION) / SUM(v.sessions) AS completion_rate
FROM (
  SELECT ${a}.content_key, SUM(${a}.sessions) AS sessions, SUM(${a}.completed_sessions) AS completed_sessions
  FROM ${rollup.name} AS ${a}
  WHERE ${whereClause(conditions, '    ')}
  GROUP BY ${a}.content_key
) AS v
JOIN dim_content AS c ON c.content_key = v.content_key${level.where ? `\nWHERE ${level.where}` : ''}
GROUP BY ${groupBy}
HAVING SUM(v.sessions) >= ${minSessions}
${order}`
    : `SELECT
  ${keys},
  COUNT(*) AS sessions,
  SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END) AS completed_sessions,
  CAST(SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*) AS completion_rate
FROM fact_viewing_session AS f
${dimensionJoins('f', params.filters, ['content'])}
WHERE ${whereClause(level.where ? [...conditions, level.where] : conditions)}
GROUP BY ${groupBy}
HAVING COUNT(*) >= ${minSessions}
${order}`;
  const columns: Column[] = [...level.keys.map(({ name, type }) => ({ name, type })), ...MEASURES];
  return { ...rowWiseQuery(sql, binds.values, columns), source: rollup?.name ?? 'fact_viewing_session' };
}
