/**
 * The trend panel's arithmetic (metric 7): which dates a bucket stands for, the period an answer is for,
 * and how a comparison period's buckets line up with the current ones.
 */
import type { TrendRow } from '@/types/dashboard';
import { addDays, comparisonPeriod, type Compare, type DateRange } from '@/types/period';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The dates of a bucket inside the period: from its first date, `days` long. */
export function bucketRange(row: Pick<TrendRow, 'bucket' | 'days'>): DateRange {
  return { from: row.bucket, to: addDays(row.bucket, Math.max(1, row.days) - 1) };
}

/** "2026-10-05" for a single day, "2026-10-05 to 2026-10-11" for longer buckets. */
export function bucketLabel(row: Pick<TrendRow, 'bucket' | 'days'>): string {
  const { from, to } = bucketRange(row);
  return from === to ? from : `${from} to ${to}`;
}

/**
 * The period an answer is for, as the API echoes it. The default preset sends no dates, so only the
 * answer knows them; null when the echo is not a pair of dates.
 */
export function answeredPeriod(params: Record<string, unknown>): DateRange | null {
  const { from, to } = params;
  return typeof from === 'string' && typeof to === 'string' && DATE.test(from) && DATE.test(to) && from <= to ? { from, to } : null;
}

/** The comparison period of the period an answer is for, as the overview computes it. */
export function answeredComparison(params: Record<string, unknown>, compare: Compare): DateRange | null {
  const period = answeredPeriod(params);
  return period ? comparisonPeriod(period, compare) : null;
}

export interface AlignedBucket {
  current?: TrendRow;
  comparison?: TrendRow;
}

/**
 * Bucket i of the period beside bucket i of the comparison period: the first week with the first week,
 * whatever their dates. The two can differ in length by a bucket (a year earlier the weeks fall on other
 * dates), so the longer one's last buckets stand alone.
 */
export function alignByPosition(current: readonly TrendRow[], comparison?: readonly TrendRow[]): AlignedBucket[] {
  const length = Math.max(current.length, comparison?.length ?? 0);
  return Array.from({ length }, (_, i) => ({ current: current[i], comparison: comparison?.[i] }));
}
