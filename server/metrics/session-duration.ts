import 'server-only';

import { Binds, dimensionJoins, filterConditions, toNumber, whereClause, type Column, type MetricQuery } from './filters';
import type { MetricParams } from './params';
import type { Period } from './period';

/** The histogram buckets of metrics.md, in order: [lower, upper) in seconds (upper null = unbounded). */
export const DURATION_BUCKETS = [
  { bucket: '[0,5m)', lower: 0, upper: 300 },
  { bucket: '[5m,15m)', lower: 300, upper: 900 },
  { bucket: '[15m,30m)', lower: 900, upper: 1800 },
  { bucket: '[30m,60m)', lower: 1800, upper: 3600 },
  { bucket: '[60m,120m)', lower: 3600, upper: 7200 },
  { bucket: '[120m,∞)', lower: 7200, upper: null },
] as const;

const SUMMARY_COLUMNS = ['sessions', 'avg_session_seconds', 'median_session_seconds', 'p90_session_seconds', 'avg_watch_seconds'] as const;

/**
 * Metric 4 in one statement: the summary figures (averages as SUM/COUNT in double precision, continuous
 * percentiles) cross joined onto the six histogram rows, so `sql` is the whole answer. Bucket labels and
 * bounds are constants of this module (not request values), written as literals; the labels are cast to
 * VARCHAR because Redshift's CHAR cannot hold the multibyte ∞.
 */
export function sessionDurationQuery(params: MetricParams, period: Period): MetricQuery {
  const binds = new Binds();
  const conditions = [
    `f.start_date_key BETWEEN ${binds.add(period.fromKey)} AND ${binds.add(period.toKey)}`,
    ...filterConditions(params.filters, binds),
  ];
  const bucketCase = DURATION_BUCKETS.map((b, i) =>
    b.upper === null ? `ELSE ${i}` : `WHEN session_length_seconds < ${b.upper} THEN ${i}`,
  ).join(' ');
  const bucketRows = DURATION_BUCKETS.map(
    (b, i) => `SELECT ${i} AS bucket_index, CAST('${b.bucket}' AS VARCHAR(16)) AS bucket`,
  ).join('\n  UNION ALL ');
  const sql = `WITH sessions AS (
  SELECT f.session_length_seconds, f.watch_seconds
  FROM fact_viewing_session AS f
  ${dimensionJoins().replaceAll('\n', '\n  ')}
  WHERE ${whereClause(conditions, '    ')}
),
summary AS (
  SELECT
    COUNT(*) AS sessions,
    CAST(SUM(session_length_seconds) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS avg_session_seconds,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY session_length_seconds) AS median_session_seconds,
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY session_length_seconds) AS p90_session_seconds,
    CAST(SUM(watch_seconds) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS avg_watch_seconds
  FROM sessions
),
counts AS (
  SELECT CASE ${bucketCase} END AS bucket_index, COUNT(*) AS sessions
  FROM sessions
  GROUP BY 1
),
buckets AS (
  ${bucketRows}
)
SELECT
  b.bucket,
  COALESCE(n.sessions, 0) AS bucket_sessions,
  s.sessions,
  s.avg_session_seconds,
  s.median_session_seconds,
  s.p90_session_seconds,
  s.avg_watch_seconds
FROM buckets AS b
LEFT JOIN counts AS n ON n.bucket_index = b.bucket_index
CROSS JOIN summary AS s
ORDER BY b.bucket_index ASC`;
  const columns: Column[] = [
    { name: 'bucket', type: 'string' },
    { name: 'sessions', type: 'number' },
  ];
  return {
    sql,
    values: binds.values,
    columns,
    read(rows) {
      const first = rows[0] ?? {};
      const sessions = toNumber(first.sessions) ?? 0;
      const summary: Record<string, unknown> = {};
      for (const name of SUMMARY_COLUMNS) summary[name] = name === 'sessions' ? sessions : sessions === 0 ? null : toNumber(first[name]);
      return {
        rows: rows.map((r) => ({ bucket: String(r.bucket), sessions: toNumber(r.bucket_sessions) ?? 0 })),
        summary,
      };
    },
  };
}
