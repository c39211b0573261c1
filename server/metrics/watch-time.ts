import 'server-only';

import { previousDateColumn } from '@/db/schema/viewer-rollups';

import { Binds, dimensionJoins, filterConditions, ROLLUP_ALIAS, whereClause, type Column, type Dimension, type MetricQuery, rowWiseQuery } from './filters';
import type { MetricParams, WatchTimeBy } from './params';
import type { Period } from './period';
import type { QueryOptions } from './source';
import { secondsFromMilliseconds, viewerRollupConditions, viewerSlice } from './viewer-source';

/** Output key column and the expression it reads (from code only). */
const KEYS: Record<WatchTimeBy, { name: string; expr: string; dimension: Dimension }> = {
  user: { name: 'user_id', expr: 'u.user_id', dimension: 'user' },
  genre: { name: 'genre', expr: 'c.genre', dimension: 'content' },
  device_type: { name: 'device_type', expr: 'd.device_type', dimension: 'device' },
  title: { name: 'title_id', expr: 'c.title_id', dimension: 'content' },
};

const COLUMNS: Column[] = [
  { name: '', type: 'string' },
  { name: 'watch_seconds', type: 'number' },
  { name: 'sessions', type: 'number' },
  { name: 'viewers', type: 'number' },
];

/**
 * Metric 1: watch_seconds, sessions and distinct viewers per user, genre or device type over the
 * sessions in the period, sorted by watch_seconds descending, then the key ascending (byte order).
 * From agg_viewer_day when it counts the viewers exactly (server/metrics/viewer-source.ts), else from the fact.
 */
export function watchTimeQuery(params: MetricParams, period: Period, options: QueryOptions = {}): MetricQuery {
  const by = params.by ?? 'genre';
  const key = KEYS[by];
  const binds = new Binds();
  const from = binds.add(period.fromKey);
  const to = binds.add(period.toKey);
  // limit is an integer proved by zod (1..10000): Redshift only takes a literal here.
  const limit = params.limit !== undefined && Number.isSafeInteger(params.limit) ? `\nLIMIT ${params.limit}` : '';
  const order = `ORDER BY watch_seconds DESC, ${key.name} ASC${limit}`;
  const columns = COLUMNS.map((c, i) => (i === 0 ? { ...c, name: key.name } : c));
  const a = ROLLUP_ALIAS;

  if (options.source !== 'fact') {
    const where = whereClause([`${a}.start_date_key BETWEEN ${from} AND ${to}`, ...viewerRollupConditions(params.filters, binds)], '    ');
    const slice = by === 'user' ? undefined : viewerSlice(by === 'title' ? 'title_id' : by, params.filters);
    // Genre and title are attributes of the item: read through dim_content.
    const itemKey = by === 'genre' || by === 'title' ? `c.${key.name}` : undefined;
    // Grouped first by the rollup's own columns, then through a dimension by the item's genre or the
    // viewer's user_id. Per user nothing is distinct (one user_id per user_key). Per genre or device type,
    // a viewer's first rows in the slice add up to one each; when a filter with several values leaves no
    // slice, viewers are the (key, user) groups, as on the fact, but of the narrower rollup.
    const shape = slice
      ? {
          inner: itemKey ? [`${a}.content_key`] : [`${a}.device_type`],
          firsts: `,\n    SUM(CASE WHEN ${a}.${previousDateColumn(slice)} < ${from} THEN 1 ELSE 0 END) AS viewers`,
          innerJoin: '',
          outerJoin: itemKey ? '\nJOIN dim_content AS c ON c.content_key = v.content_key' : '',
          key: itemKey ?? 'v.device_type',
          viewers: 'SUM(v.viewers)',
        }
      : {
          inner: by === 'user' ? [`${a}.user_key`] : [itemKey ?? `${a}.device_type`, `${a}.user_key`],
          firsts: '',
          innerJoin: itemKey ? `\n  JOIN dim_content AS c ON c.content_key = ${a}.content_key` : '',
          outerJoin: by === 'user' ? '\nJOIN dim_user AS u ON u.user_key = v.user_key' : '',
          key: by === 'user' ? 'u.user_id' : `v.${key.name}`,
          viewers: 'COUNT(*)',
        };
    const sql = `SELECT
  ${shape.key} AS ${key.name},
  ${secondsFromMilliseconds('SUM(v.watch_milliseconds)')} AS watch_seconds,
  SUM(v.sessions) AS sessions,
  ${shape.viewers} AS viewers
FROM (
  SELECT
    ${shape.inner.join(', ')},
    SUM(${a}.watch_milliseconds) AS watch_milliseconds,
    SUM(${a}.sessions) AS sessions${shape.firsts}
  FROM agg_viewer_day AS ${a}${shape.innerJoin}
  WHERE ${where}
  GROUP BY ${shape.inner.join(', ')}
) AS v${shape.outerJoin}
GROUP BY ${shape.key}
${order}`;
    return { ...rowWiseQuery(sql, binds.values, columns), source: 'agg_viewer_day' };
  }

  const conditions = [`f.start_date_key BETWEEN ${from} AND ${to}`, ...filterConditions(params.filters, binds)];
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
${order}`;
  return { ...rowWiseQuery(sql, binds.values, columns), source: 'fact_viewing_session' };
}
