import { describe, expect, it } from 'vitest';

import { averageRanks, pearson, spearman } from './correlation';

describe('correlation', () => {
  it('Pearson of a perfect line is ±1', () => {
    expect(pearson([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 15);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 15);
  });

  it('Pearson by hand: x = (1, 2, 3), y = (1, 3, 2)', () => {
    // dx = (−1, 0, 1), dy = (−1, 1, 0): Sxy = 1, Sxx = 2, Syy = 2 → r = 0.5
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 15);
  });

  it('null when n < 3 or a side has no variance', () => {
    expect(pearson([], [])).toBeNull();
    expect(pearson([1, 2], [2, 1])).toBeNull();
    expect(pearson([4, 4, 4], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [0.1, 0.1, 0.1])).toBeNull();
    expect(spearman([1, 2], [1, 2])).toBeNull();
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
  });

  it('average ranks for ties', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(averageRanks([7, 7, 7])).toEqual([2, 2, 2]);
    expect(averageRanks([])).toEqual([]);
  });

  it('Spearman with ties by hand', () => {
    // x = (4.5, 4.5, 3, 1) → ranks (3.5, 3.5, 2, 1); y = (2, 2, 2, 1) → ranks (3, 3, 3, 1)
    // rank deviations from 2.5: (1, 1, −.5, −1.5) and (.5, .5, .5, −1.5): Sxy = 3, Sxx = 4.5, Syy = 3
    expect(spearman([4.5, 4.5, 3, 1], [2, 2, 2, 1])).toBeCloseTo(3 / Math.sqrt(13.5), 15);
  });

  it('Spearman is 1 for any monotone relation, Pearson is not', () => {
    const x = [1, 2, 3, 4, 5];
    const y = x.map((v) => v ** 3);
    expect(spearman(x, y)).toBeCloseTo(1, 15);
    expect(pearson(x, y)).toBeLessThan(1);
  });
});
