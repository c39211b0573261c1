import { describe, expect, it } from 'vitest';

import { describeCorrelation, logTrend, trendAt } from './rating-trend';

describe('rating trend line', () => {
  it('fits rating on log10 viewers and ignores titles nobody watched', () => {
    // ratings 3, 4, 5 at 10, 100, 1000 viewers: exactly +1 per decade, through 2 at 1 viewer.
    const trend = logTrend([
      { viewers: 10, avg_rating: 3 },
      { viewers: 100, avg_rating: 4 },
      { viewers: 1000, avg_rating: 5 },
      { viewers: 0, avg_rating: 1 },
    ]);
    expect(trend).not.toBeNull();
    expect(trend!.slope).toBeCloseTo(1, 12);
    expect(trend!.intercept).toBeCloseTo(2, 12);
    expect([trend!.from, trend!.to]).toEqual([10, 1000]);
    expect(trendAt(trend!, 316.227766)).toBeCloseTo(4.5, 6);
  });

  it('has no line without two distinct viewer counts', () => {
    expect(logTrend([{ viewers: 5, avg_rating: 3 }])).toBeNull();
    expect(logTrend([{ viewers: 5, avg_rating: 3 }, { viewers: 5, avg_rating: 4 }])).toBeNull();
  });

  it('puts a correlation into words', () => {
    expect(describeCorrelation(0.62)).toBe('a strong positive relation');
    expect(describeCorrelation(-0.2)).toBe('a weak negative relation');
    expect(describeCorrelation(0.05)).toBe('no linear relation');
    expect(describeCorrelation(null)).toMatch(/not defined/);
  });
});
