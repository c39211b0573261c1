/**
 * Calendar arithmetic on local dates (YYYY-MM-DD) that the server and the dashboards share: the
 * comparison period of the overview (metric 6) and the buckets of the trend (metric 7). Pure, on UTC
 * midnights, so no time zone or DST can shift a date.
 */

export const COMPARE = ['previous', 'year'] as const;
export type Compare = (typeof COMPARE)[number];

export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return toDate(toTime(date) + days * DAY_MS);
}

/** The number of dates from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS) + 1;
}

/** The same calendar date a year earlier; 29 February becomes 28 February. */
export function yearEarlier(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/**
 * The comparison period (metrics.md, metric 6): `previous` has as many days and ends the day before
 * `from`; `year` is the same calendar dates one year earlier.
 */
export function comparisonPeriod(period: DateRange, compare: Compare): DateRange {
  if (compare === 'year') return { from: yearEarlier(period.from), to: yearEarlier(period.to) };
  return { from: addDays(period.from, -daysInRange(period.from, period.to)), to: addDays(period.from, -1) };
}

export interface TrendBucket {
  /** The bucket's first date inside the period. */
  bucket: string;
  /** Its dates inside the period. */
  days: number;
}

/** The first date of the grain's bucket holding `date`: itself, its ISO week's Monday, or its month's 1st. */
export function bucketStart(date: string, grain: Grain): string {
  if (grain === 'day') return date;
  if (grain === 'month') return `${date.slice(0, 8)}01`;
  const weekday = (new Date(toTime(date)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

/**
 * Every bucket of the grain that overlaps the period, in date order (metrics.md, metric 7): a week or
 * month cut by the period starts at `from` and counts only its dates inside it.
 */
export function trendBuckets(period: DateRange, grain: Grain): TrendBucket[] {
  const buckets: TrendBucket[] = [];
  for (let date = period.from; date <= period.to; date = addDays(date, 1)) {
    const last = buckets.at(-1);
    if (last && bucketStart(date, grain) === bucketStart(last.bucket, grain)) last.days++;
    else buckets.push({ bucket: date, days: 1 });
  }
  return buckets;
}
