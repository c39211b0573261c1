import { describe, expect, it } from 'vitest';

import { bucketStart, comparisonPeriod, daysInRange, trendBuckets, yearEarlier } from './period';

describe('comparison periods (metric 6)', () => {
  it('previous: as many days, ending the day before from, across month and year ends', () => {
    expect(comparisonPeriod({ from: '2026-10-01', to: '2026-10-31' }, 'previous')).toEqual({ from: '2026-08-31', to: '2026-09-30' });
    expect(comparisonPeriod({ from: '2026-01-01', to: '2026-01-07' }, 'previous')).toEqual({ from: '2025-12-25', to: '2025-12-31' });
    expect(comparisonPeriod({ from: '2028-03-01', to: '2028-03-01' }, 'previous')).toEqual({ from: '2028-02-29', to: '2028-02-29' });
    expect(comparisonPeriod({ from: '2028-03-01', to: '2028-03-31' }, 'previous')).toEqual({ from: '2028-01-30', to: '2028-02-29' });
  });

  it('year: the same calendar dates a year earlier, 29 February becoming 28 February', () => {
    expect(comparisonPeriod({ from: '2026-10-01', to: '2026-10-31' }, 'year')).toEqual({ from: '2025-10-01', to: '2025-10-31' });
    expect(comparisonPeriod({ from: '2028-02-29', to: '2028-02-29' }, 'year')).toEqual({ from: '2027-02-28', to: '2027-02-28' });
    expect(comparisonPeriod({ from: '2028-02-01', to: '2028-02-29' }, 'year')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(comparisonPeriod({ from: '2029-02-28', to: '2029-03-01' }, 'year')).toEqual({ from: '2028-02-28', to: '2028-03-01' });
    expect(yearEarlier('2026-12-31')).toBe('2025-12-31');
  });
});

describe('trend buckets (metric 7)', () => {
  it('days: one per date, across a DST change (dates are calendar dates, not 24-hour steps)', () => {
    expect(trendBuckets({ from: '2026-03-28', to: '2026-03-30' }, 'day')).toEqual([
      { bucket: '2026-03-28', days: 1 },
      { bucket: '2026-03-29', days: 1 },
      { bucket: '2026-03-30', days: 1 },
    ]);
  });

  it('ISO weeks Monday to Sunday, cut by the period at both ends, across a year end', () => {
    // 2026-12-30 is a Wednesday; 2027-01-04 a Monday.
    expect(trendBuckets({ from: '2026-12-30', to: '2027-01-12' }, 'week')).toEqual([
      { bucket: '2026-12-30', days: 5 },
      { bucket: '2027-01-04', days: 7 },
      { bucket: '2027-01-11', days: 2 },
    ]);
    expect(bucketStart('2027-01-03', 'week')).toBe('2026-12-28');
    expect(bucketStart('2027-01-04', 'week')).toBe('2027-01-04');
  });

  it('calendar months, February of a leap year whole', () => {
    expect(trendBuckets({ from: '2028-01-15', to: '2028-03-02' }, 'month')).toEqual([
      { bucket: '2028-01-15', days: 17 },
      { bucket: '2028-02-01', days: 29 },
      { bucket: '2028-03-01', days: 2 },
    ]);
  });

  it('adds the days of the buckets up to the period at every grain', () => {
    const period = { from: '2025-11-17', to: '2026-12-20' };
    for (const grain of ['day', 'week', 'month'] as const) {
      expect(trendBuckets(period, grain).reduce((n, b) => n + b.days, 0)).toBe(daysInRange(period.from, period.to));
    }
  });
});
