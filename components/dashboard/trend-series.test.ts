import { describe, expect, it } from 'vitest';

import type { TrendRow } from '@/types/dashboard';
import { addDays, trendBuckets } from '@/types/period';

import { alignByPosition, answeredComparison, answeredPeriod, bucketLabel, bucketRange } from './trend-series';

const row = (bucket: string, days: number, sessions = 0): TrendRow => ({ bucket, days, watch_seconds: sessions * 600, sessions, viewers: sessions, completed_sessions: 0 });

describe('trend buckets', () => {
  it('stand for their dates inside the period, a cut week or month included', () => {
    expect(bucketRange(row('2026-10-05', 7))).toEqual({ from: '2026-10-05', to: '2026-10-11' });
    expect(bucketRange(row('2026-10-31', 1))).toEqual({ from: '2026-10-31', to: '2026-10-31' });
    // A month cut by the period's end, and one across a leap day.
    expect(bucketRange(row('2026-12-01', 8))).toEqual({ from: '2026-12-01', to: '2026-12-08' });
    expect(bucketRange(row('2028-02-01', 29))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(bucketLabel(row('2026-10-05', 7))).toBe('2026-10-05 to 2026-10-11');
    expect(bucketLabel(row('2026-10-05', 1))).toBe('2026-10-05');
  });

  it('cover the period exactly, bucket after bucket', () => {
    for (const grain of ['day', 'week', 'month'] as const) {
      const buckets = trendBuckets({ from: '2026-10-10', to: '2026-12-08' }, grain);
      const ranges = buckets.map((b) => bucketRange(b));
      expect(ranges[0]?.from).toBe('2026-10-10');
      expect(ranges.at(-1)?.to).toBe('2026-12-08');
      for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.from).toBe(addDays(ranges[i - 1]!.to, 1));
    }
  });
});

describe('the period an answer is for', () => {
  it('reads the echoed dates, and nothing from a malformed echo', () => {
    expect(answeredPeriod({ from: '2026-11-01', to: '2026-11-30', grain: 'day' })).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(answeredPeriod({ from: '2026-11-01' })).toBeNull();
    expect(answeredPeriod({ from: '2026-11-30', to: '2026-11-01' })).toBeNull();
    expect(answeredPeriod({ from: 'yesterday', to: '2026-11-01' })).toBeNull();
  });

  it('gives the overview\'s comparison period of it', () => {
    const params = { from: '2026-11-01', to: '2026-11-30' };
    expect(answeredComparison(params, 'previous')).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(answeredComparison(params, 'year')).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(answeredComparison({ from: '2028-02-01', to: '2028-02-29' }, 'year')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(answeredComparison({}, 'year')).toBeNull();
  });
});

describe('a comparison series', () => {
  it('lines up bucket i with bucket i, the longer side standing alone at the end', () => {
    const current = [row('2026-11-01', 1, 3), row('2026-11-02', 7, 9), row('2026-11-09', 7, 8)];
    const previous = [row('2026-10-02', 3, 1), row('2026-10-05', 7, 2)];
    expect(alignByPosition(current, previous)).toEqual([
      { current: current[0], comparison: previous[0] },
      { current: current[1], comparison: previous[1] },
      { current: current[2], comparison: undefined },
    ]);
    expect(alignByPosition(previous, current).at(-1)).toEqual({ current: undefined, comparison: current[2] });
    expect(alignByPosition(current)).toEqual(current.map((c) => ({ current: c, comparison: undefined })));
    expect(alignByPosition([], [])).toEqual([]);
  });
});
