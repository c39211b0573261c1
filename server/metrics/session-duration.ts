import 'server-only';

import { Binds, dimensionJoins, filterConditions, ROLLUP_ALIAS, toNumber, whereClause, type Column, type MetricQuery } from './filters';
import type { MetricParams } from './params';
import type { Period } from './period';
import type { QueryOptions } from './source';
import { viewerRollupConditions } from './viewer-source';

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
 * Metric 4 in one statement and one pass over the sessions: the summary figures (averages as SUM/COUNT in
 * double precision, continuous percentiles) and each histogram bucket's count as a conditional sum, then
 * spread onto the six histogram rows, so `sql` is the whole answer. Bucket labels and bounds are constants
 * of this module (not request values), written as literals; the labels are cast to VARCHAR because
 * Redshift's CHAR cannot hold the multibyte ∞.
 */
export function sessionDurationQuery(params: MetricParams, period: Period, options: QueryOptions = {}): MetricQuery {
  const binds = new Binds();
  const dates = (alias: string) => `${alias}.start_date_key BETWEEN ${binds.add(period.fromKey)} AND ${binds.add(period.toKey)}`;
  const fromRollup = options.source !== 'fact';
  // Lengths and watch time as agg_session_length keeps them (whole milliseconds) or as the fact does
  // (DECIMAL(12,3) seconds). Percentiles over whole milliseconds as doubles, scaled back: the same
  // interpolation to far below a millisecond, but PostgreSQL converts integers to doubles natively instead
  // of each DECIMAL through its text, which on PGlite took two thirds of this statement. Doubles, because
  // Redshift's PERCENTILE_CONT of an integer is a DECIMAL that could round the interpolation. A sum of
  // milliseconds as a double divided by 1000 is the double nearest the sum of seconds, as the fact's is.
  const source = fromRollup ? rollupLengths(params, binds, dates(ROLLUP_ALIAS)) : factLengths(params, binds, dates('f'));
  const { length, lengthMs } = source;
  const bucketCounts = DURATION_BUCKETS.map((b, i) => {
    const bounds = [i === 0 ? null : `${length} >= ${b.lower * source.unit}`, b.upper === null ? null : `${length} < ${b.upper * source.unit}`]
      .filter(Boolean)
      .join(' AND ');
    return `SUM(CASE WHEN ${bounds} THEN 1 ELSE 0 END) AS bucket_${i}`;
  }).join(',\n    ');
  const bucketRows = DURATION_BUCKETS.map(
    (b, i) => `SELECT ${i} AS bucket_index, CAST('${b.bucket}' AS VARCHAR(16)) AS bucket`,
  ).join('\n  UNION ALL ');
  const bucketPick = DURATION_BUCKETS.map((_, i) => `WHEN ${i} THEN s.bucket_${i}`).join(' ');
  const sql = `WITH summary AS (
  SELECT
    COUNT(*) AS sessions,
    ${source.seconds('length')} / NULLIF(COUNT(*), 0) AS avg_session_seconds,
    CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ${lengthMs}) AS DOUBLE PRECISION) / 1000 AS median_session_seconds,
    CAST(PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY ${lengthMs}) AS DOUBLE PRECISION) / 1000 AS p90_session_seconds,
    ${source.seconds('watch')} / NULLIF(COUNT(*), 0) AS avg_watch_seconds,
    ${bucketCounts}
  FROM ${source.from}
  WHERE ${whereClause(source.where, '    ')}
),
buckets AS (
  ${bucketRows}
)
SELECT
  b.bucket,
  COALESCE(CASE b.bucket_index ${bucketPick} END, 0) AS bucket_sessions,
  s.sessions,
  s.avg_session_seconds,
  s.median_session_seconds,
  s.p90_session_seconds,
  s.avg_watch_seconds
FROM buckets AS b
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
    source: fromRollup ? 'agg_session_length' : 'fact_viewing_session',
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

interface LengthSource {
  from: string;
  where: string[];
  /** The length column, in `unit`s of a second, that the bucket bounds compare with. */
  length: string;
  unit: number;
  /** The length as a double of whole milliseconds, for the percentiles. */
  lengthMs: string;
  /** The sum of lengths or of watch time as a double of seconds. */
  seconds(column: 'length' | 'watch'): string;
}

function rollupLengths(params: MetricParams, binds: Binds, dates: string): LengthSource {
  const a = ROLLUP_ALIAS;
  return {
    from: `agg_session_length AS ${a}`,
    where: [dates, ...viewerRollupConditions(params.filters, binds)],
    length: `${a}.session_length_milliseconds`,
    unit: 1000,
    lengthMs: `CAST(${a}.session_length_milliseconds AS DOUBLE PRECISION)`,
    seconds: (column) => `CAST(SUM(${a}.${column === 'length' ? 'session_length' : 'watch'}_milliseconds) AS DOUBLE PRECISION) / 1000`,
  };
}

function factLengths(params: MetricParams, binds: Binds, dates: string): LengthSource {
  return {
    from: `fact_viewing_session AS f\n  ${dimensionJoins('f', params.filters).replaceAll('\n', '\n  ')}`,
    where: [dates, ...filterConditions(params.filters, binds)],
    length: 'f.session_length_seconds',
    unit: 1,
    lengthMs: 'CAST(CAST(f.session_length_seconds * 1000 AS BIGINT) AS DOUBLE PRECISION)',
    seconds: (column) => `CAST(SUM(f.${column === 'length' ? 'session_length' : 'watch'}_seconds) AS DOUBLE PRECISION)`,
  };
}
