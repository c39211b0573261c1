import 'server-only';

import { Binds, dimensionJoins, filterConditions, ROLLUP_ALIAS, toNumber, toText, whereClause, type Column, type MetricQuery } from './filters';
import type { MetricParams } from './params';
import type { Period } from './period';
import type { QueryOptions } from './source';
import { secondsFromMilliseconds, viewerRollupConditions } from './viewer-source';

const COLUMNS: Column[] = [
  { name: 'title_id', type: 'string' },
  { name: 'season_number', type: 'number' },
  { name: 'title', type: 'string' },
  { name: 'content_type', type: 'string' },
  { name: 'hours_viewed', type: 'number' },
  { name: 'runtime_seconds', type: 'number' },
  { name: 'views', type: 'number' },
];

/** Σ watch_seconds per title and season (null for a movie) of the sessions in the period under the filters. */
function watchedSelect(params: MetricParams, period: Period, binds: Binds, options: QueryOptions): string {
  const from = binds.add(period.fromKey);
  const to = binds.add(period.toKey);
  if (options.source === 'fact') {
    return `SELECT c.title_id, c.season_number, SUM(f.watch_seconds) AS watch_seconds
  FROM fact_viewing_session AS f
  ${dimensionJoins('f', params.filters, ['content']).replaceAll('\n', '\n  ')}
  WHERE ${whereClause([`f.start_date_key BETWEEN ${from} AND ${to}`, ...filterConditions(params.filters, binds)], '    ')}
  GROUP BY c.title_id, c.season_number`;
  }
  // Watch time is additive, so agg_viewer_day answers any filters: summed per item, then per title and season.
  const a = ROLLUP_ALIAS;
  return `SELECT c.title_id, c.season_number, ${secondsFromMilliseconds('SUM(v.watch_milliseconds)')} AS watch_seconds
  FROM (
    SELECT ${a}.content_key, SUM(${a}.watch_milliseconds) AS watch_milliseconds
    FROM agg_viewer_day AS ${a}
    WHERE ${whereClause([`${a}.start_date_key BETWEEN ${from} AND ${to}`, ...viewerRollupConditions(params.filters, binds)], '      ')}
    GROUP BY ${a}.content_key
  ) AS v
  JOIN dim_content AS c ON c.content_key = v.content_key
  GROUP BY c.title_id, c.season_number`;
}

/**
 * Metric 9: views per title, where a movie is a title and each season of a series is a title of its
 * own: hours viewed in the period, the runtime (the movie's, or the sum of the season's episodes in the
 * catalog, watched or not) and views = watch_seconds / runtime_seconds. Inferred items (their own title,
 * no season) have no runtime and are left out by the join to the catalog. Sorted by views desc, hours desc, title_id and season_number asc; the ratio is
 * ordered in double precision in SQL and computed again from the same doubles here, so both agree.
 */
export function topTitlesQuery(params: MetricParams, period: Period, options: QueryOptions = {}): MetricQuery {
  const binds = new Binds();
  // limit is an integer proved by zod (1..10000): Redshift only takes a literal here.
  const limit = params.limit !== undefined && Number.isSafeInteger(params.limit) ? `\nLIMIT ${params.limit}` : '';
  const sql = `WITH watched AS (
  ${watchedSelect(params, period, binds, options)}
),
catalog AS (
  SELECT title_id, season_number, MAX(title_name) AS title, SUM(runtime_seconds) AS runtime_seconds
  FROM dim_content
  WHERE runtime_seconds IS NOT NULL
  GROUP BY title_id, season_number
)
SELECT
  w.title_id,
  w.season_number,
  k.title,
  w.watch_seconds,
  k.runtime_seconds
FROM watched AS w
JOIN catalog AS k ON k.title_id = w.title_id AND COALESCE(k.season_number, 0) = COALESCE(w.season_number, 0)
WHERE k.runtime_seconds > 0
ORDER BY CAST(w.watch_seconds AS DOUBLE PRECISION) / k.runtime_seconds DESC, w.watch_seconds DESC, w.title_id ASC, w.season_number ASC${limit}`;
  const readRow = (row: Record<string, unknown>) => {
    const watch = toNumber(row.watch_seconds) ?? 0;
    const runtime = toNumber(row.runtime_seconds) ?? 0;
    return {
      title_id: toText(row.title_id),
      season_number: toNumber(row.season_number),
      title: toText(row.title),
      content_type: row.season_number === null || row.season_number === undefined ? 'movie' : 'season',
      hours_viewed: watch / 3600,
      runtime_seconds: runtime,
      views: watch / runtime,
    };
  };
  return {
    sql,
    values: binds.values,
    columns: COLUMNS,
    source: options.source === 'fact' ? 'fact_viewing_session' : 'agg_viewer_day',
    read: (rows) => ({ rows: rows.map(readRow), summary: {} }),
    readRow,
  };
}
