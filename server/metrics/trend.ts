import 'server-only';

import { trendBuckets } from '@/types/period';

import { audienceSelect } from './audience';
import { Binds, toNumber, type Column, type MetricQuery } from './filters';
import type { MetricParams } from './params';
import type { Period } from './period';
import type { QueryOptions } from './source';

const COLUMNS: Column[] = [
  { name: 'bucket', type: 'string' },
  { name: 'days', type: 'number' },
  { name: 'watch_seconds', type: 'number' },
  { name: 'sessions', type: 'number' },
  { name: 'viewers', type: 'number' },
  { name: 'completed_sessions', type: 'number' },
];

const dateOfKey = (key: number) => `${String(Math.floor(key / 10_000)).padStart(4, '0')}-${String(Math.floor(key / 100) % 100).padStart(2, '0')}-${String(key % 100).padStart(2, '0')}`;

/**
 * Metric 7: watch time, sessions, distinct viewers and completed sessions per day, ISO week or calendar
 * month overlapping the period, in date order. The statement answers the buckets that hold sessions;
 * the calendar of buckets (types/period.ts) gives every bucket, its first date inside the period and its
 * number of days there, so an empty bucket is a row of zeros.
 */
export function trendQuery(params: MetricParams, period: Period, options: QueryOptions = {}): MetricQuery {
  const binds = new Binds();
  const from = binds.add(period.fromKey);
  const to = binds.add(period.toKey);
  const grain = params.grain ?? 'day';
  const { sql, source } = audienceSelect({ bucketing: { kind: grain }, from, to, filters: params.filters, binds, source: options.source });
  return {
    sql,
    values: binds.values,
    columns: COLUMNS,
    source,
    read(raw) {
      const answered = new Map(raw.map((row) => [dateOfKey(Number(row.bucket_key)), row]));
      const rows = trendBuckets(period, grain).map(({ bucket, days }) => {
        const row = answered.get(bucket);
        return {
          bucket,
          days,
          watch_seconds: toNumber(row?.watch_seconds) ?? 0,
          sessions: toNumber(row?.sessions) ?? 0,
          viewers: toNumber(row?.viewers) ?? 0,
          completed_sessions: toNumber(row?.completed_sessions) ?? 0,
        };
      });
      return { rows, summary: {} };
    },
  };
}
