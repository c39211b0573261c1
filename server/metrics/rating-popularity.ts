import 'server-only';

import { pearson, spearman } from './correlation';
import { previousDateColumn } from '@/db/schema/viewer-rollups';

import { Binds, dimensionJoins, filterConditions, readColumns, ROLLUP_ALIAS, whereClause, type Column, type MetricQuery } from './filters';
import { DEFAULT_MIN_RATINGS, type MetricParams } from './params';
import type { Period } from './period';
import type { QueryOptions } from './source';
import { secondsFromMilliseconds, viewerRollupConditions, viewerSlice } from './viewer-source';

/**
 * Metric 5 per title (dim_content.title_id: a movie, or a series whose episodes roll up to it):
 * ratings in the period (by the rating's local date) restricted by the rater's plan and country, the
 * rating's device and the content's genre and type; viewers, sessions and watch_seconds from the
 * sessions on the title in the period under the same filters. Only titles with ≥ min_ratings ratings.
 * Rows are sorted by avg_rating desc, rating_count desc, title_id asc. Pearson and Spearman are computed
 * from the rows in TypeScript. Sessions and viewers come from agg_viewer_day (the fact path, kept equal to
 * it, counts viewers as (title, user) groups, exact and cheaper than COUNT(DISTINCT), which sorts).
 */
export function ratingPopularityQuery(params: MetricParams, period: Period, options: QueryOptions = {}): MetricQuery {
  const binds = new Binds();
  const from = binds.add(period.fromKey);
  const to = binds.add(period.toKey);
  // Both CTEs restrict by the same filters: the viewed one reuses the rated one's placeholders.
  const firstFilter = binds.values.length + 1;
  const filters = filterConditions(params.filters, binds).map((c) => `\n    AND ${c}`).join('');
  const minRatings = binds.add(params.min_ratings ?? DEFAULT_MIN_RATINGS);
  const joins = (fact: string) => dimensionJoins(fact, params.filters, ['content']).replaceAll('\n', '\n  ');
  const fromRollup = options.source !== 'fact';
  const sql = `WITH rated AS (
  SELECT
    c.title_id,
    COUNT(*) AS rating_count,
    CAST(SUM(r.rating) AS DOUBLE PRECISION) / COUNT(*) AS avg_rating
  FROM fact_content_rating AS r
  ${joins('r')}
  WHERE r.rating_date_key BETWEEN ${from} AND ${to}${filters}
  GROUP BY c.title_id
  HAVING COUNT(*) >= ${minRatings}
),
viewed AS (
  ${(fromRollup ? viewedFromRollup(params, binds.replay(firstFilter), from, to) : viewedFromFact(joins('f'), filters, from, to)).replaceAll('\n', '\n  ')}
),
titles AS (
  SELECT title_id, MAX(title_name) AS title
  FROM dim_content
  GROUP BY title_id
)
SELECT
  rt.title_id,
  t.title,
  rt.avg_rating,
  rt.rating_count,
  COALESCE(v.viewers, 0) AS viewers,
  COALESCE(v.sessions, 0) AS sessions,
  COALESCE(v.watch_seconds, 0) AS watch_seconds
FROM rated AS rt
JOIN titles AS t ON t.title_id = rt.title_id
LEFT JOIN viewed AS v ON v.title_id = rt.title_id
ORDER BY rt.avg_rating DESC, rt.rating_count DESC, rt.title_id ASC`;
  const columns: Column[] = [
    { name: 'title_id', type: 'string' },
    { name: 'title', type: 'string' },
    { name: 'avg_rating', type: 'number' },
    { name: 'rating_count', type: 'number' },
    { name: 'viewers', type: 'number' },
    { name: 'sessions', type: 'number' },
    { name: 'watch_seconds', type: 'number' },
  ];
  return {
    sql,
    values: binds.values,
    columns,
    source: fromRollup ? 'agg_viewer_day' : 'fact_viewing_session',
    read(raw) {
      const rows = readColumns(columns, raw);
      const xs = rows.map((r) => r.avg_rating as number);
      const ys = rows.map((r) => r.viewers as number);
      return { rows, summary: { n: rows.length, pearson: pearson(xs, ys), spearman: spearman(xs, ys) } };
    },
  };
}

/** Viewers per title as (title, user) groups of the fact's sessions; the dimension joins and filters are the rated CTE's. */
function viewedFromFact(joins: string, filters: string, from: string, to: string): string {
  return `SELECT
  title_id,
  COUNT(*) AS viewers,
  SUM(sessions) AS sessions,
  SUM(watch_seconds) AS watch_seconds
FROM (
  SELECT c.title_id, f.user_key, COUNT(*) AS sessions, SUM(f.watch_seconds) AS watch_seconds
  FROM fact_viewing_session AS f
  ${joins}
  WHERE f.start_date_key BETWEEN ${from} AND ${to}${filters.replaceAll('\n', '\n  ')}
  GROUP BY c.title_id, f.user_key
) AS per_viewer
GROUP BY title_id`;
}

/**
 * Viewers per title from agg_viewer_day: each viewer's first rows in the title's slice over the period,
 * summed per item and then per title through dim_content; when a filter with several values leaves no
 * slice, the (title, user) groups of the rollup.
 */
function viewedFromRollup(params: MetricParams, binds: Binds, from: string, to: string): string {
  const a = ROLLUP_ALIAS;
  const where = whereClause([`${a}.start_date_key BETWEEN ${from} AND ${to}`, ...viewerRollupConditions(params.filters, binds)], '    ');
  const slice = viewerSlice('title_id', params.filters);
  if (!slice) {
    return `SELECT
  v.title_id,
  COUNT(*) AS viewers,
  SUM(v.sessions) AS sessions,
  ${secondsFromMilliseconds('SUM(v.watch_milliseconds)')} AS watch_seconds
FROM (
  SELECT c.title_id, ${a}.user_key, SUM(${a}.sessions) AS sessions, SUM(${a}.watch_milliseconds) AS watch_milliseconds
  FROM agg_viewer_day AS ${a}
  JOIN dim_content AS c ON c.content_key = ${a}.content_key
  WHERE ${where}
  GROUP BY c.title_id, ${a}.user_key
) AS v
GROUP BY v.title_id`;
  }
  return `SELECT
  c.title_id,
  SUM(v.viewers) AS viewers,
  SUM(v.sessions) AS sessions,
  ${secondsFromMilliseconds('SUM(v.watch_milliseconds)')} AS watch_seconds
FROM (
  SELECT
    ${a}.content_key,
    SUM(CASE WHEN ${a}.${previousDateColumn(slice)} < ${from} THEN 1 ELSE 0 END) AS viewers,
    SUM(${a}.sessions) AS sessions,
    SUM(${a}.watch_milliseconds) AS watch_milliseconds
  FROM agg_viewer_day AS ${a}
  WHERE ${where}
  GROUP BY ${a}.content_key
) AS v
JOIN dim_content AS c ON c.content_key = v.content_key
GROUP BY c.title_id`;
}
