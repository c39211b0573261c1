import 'server-only';

import { pearson, spearman } from './correlation';
import { Binds, dimensionJoins, filterConditions, readColumns, type Column, type MetricQuery } from './filters';
import { DEFAULT_MIN_RATINGS, type MetricParams } from './params';
import type { Period } from './period';

/**
 * Metric 5 per title (dim_content.title_id: a movie, or a series whose episodes roll up to it):
 * ratings in the period (by the rating's local date) restricted by the rater's plan and country, the
 * rating's device and the content's genre and type; viewers, sessions and watch_seconds from the
 * sessions on the title in the period under the same filters. Only titles with ≥ min_ratings ratings.
 * Rows are sorted by avg_rating desc, rating_count desc, title_id asc. Pearson and Spearman are computed
 * from the rows in TypeScript. Viewers are counted as (title, user) groups, exact and cheaper than
 * COUNT(DISTINCT), which sorts every session.
 */
export function ratingPopularityQuery(params: MetricParams, period: Period): MetricQuery {
  const binds = new Binds();
  const from = binds.add(period.fromKey);
  const to = binds.add(period.toKey);
  // Both CTEs join the dimensions under the same aliases, so the filter placeholders are shared.
  const filters = filterConditions(params.filters, binds).map((c) => `\n    AND ${c}`).join('');
  const minRatings = binds.add(params.min_ratings ?? DEFAULT_MIN_RATINGS);
  const joins = (fact: string) => dimensionJoins(fact, params.filters, ['content']).replaceAll('\n', '\n  ');
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
  SELECT
    title_id,
    COUNT(*) AS viewers,
    SUM(sessions) AS sessions,
    SUM(watch_seconds) AS watch_seconds
  FROM (
    SELECT c.title_id, f.user_key, COUNT(*) AS sessions, SUM(f.watch_seconds) AS watch_seconds
    FROM fact_viewing_session AS f
    ${joins('f').replaceAll('\n', '\n  ')}
    WHERE f.start_date_key BETWEEN ${from} AND ${to}${filters.replaceAll('\n', '\n  ')}
    GROUP BY c.title_id, f.user_key
  ) AS per_viewer
  GROUP BY title_id
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
    read(raw) {
      const rows = readColumns(columns, raw);
      const xs = rows.map((r) => r.avg_rating as number);
      const ys = rows.map((r) => r.viewers as number);
      return { rows, summary: { n: rows.length, pearson: pearson(xs, ys), spearman: spearman(xs, ys) } };
    },
  };
}
