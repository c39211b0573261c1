import { describe, expect, it } from 'vitest';

import { describeEachEngine } from '@/test/support/test-warehouse';

import { runMetric } from './index';
import { monthBefore } from './period';

describe('monthBefore', () => {
  it('gives the full calendar month before, across years and leap Februaries', () => {
    expect(monthBefore(2026, 11)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(monthBefore(2026, 1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(monthBefore(2028, 3)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthBefore(2026, 3)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthBefore(2026, 5)).toEqual({ from: '2026-04-01', to: '2026-04-30' });
  });
});

describeEachEngine('default period of an empty warehouse', (harness) => {
  it('is the month before the current UTC month', async () => {
    const warehouse = await harness.migrated();
    try {
      // 2027-01-01 00:30 UTC is still 2026-12-31 in New York: the UTC month (January) decides.
      const result = await runMetric('session-duration', {}, warehouse, { now: new Date('2027-01-01T00:30:00Z') });
      expect(result.params).toEqual({ from: '2026-12-01', to: '2026-12-31' });
      expect(result.sql_params).toEqual([20261201, 20261231]);
      expect(result.summary).toMatchObject({ sessions: 0 });
      const peak = await runMetric('peak-hours', {}, warehouse, { now: new Date('2027-01-01T00:30:00Z') });
      // December 2026: Tue 1 … Thu 31; weekends 5,6,12,13,19,20,26,27 = 8 days, weekdays 23.
      expect(peak.rows.filter((r) => r.hour === 0).map((r) => [r.day_type, r.days])).toEqual([['weekday', 23], ['weekend', 8]]);
    } finally {
      await warehouse.close();
    }
  });
});
