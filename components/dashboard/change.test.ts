import { describe, expect, it } from 'vitest';

import { describeChange } from './change';

describe('a headline change', () => {
  const versus = 'vs previous period';

  it('gives an arrow, a signed percentage and words for each direction', () => {
    expect(describeChange(0.1234, versus)).toEqual({ direction: 'up', mark: '▲', text: '+12.3 %', label: 'up 12.3 % vs previous period' });
    expect(describeChange(-0.04, versus)).toEqual({ direction: 'down', mark: '▼', text: '−4.0 %', label: 'down 4.0 % vs previous period' });
    expect(describeChange(12.5, 'vs same period last year')).toMatchObject({ text: '+1,250.0 %', label: 'up 1,250.0 % vs same period last year' });
    expect(describeChange(-1, versus)).toMatchObject({ direction: 'down', text: '−100.0 %' });
  });

  it('calls a change that rounds to 0.0 % unchanged, whatever its sign', () => {
    for (const change of [0, -0, 0.0004, -0.00049]) {
      expect(describeChange(change, versus)).toEqual({ direction: 'flat', mark: '=', text: '0.0 %', label: 'unchanged vs previous period' });
    }
    expect(describeChange(0.0005, versus).direction).toBe('up');
  });

  it('shows a dash when there is no change to show (comparison figure 0 or null)', () => {
    for (const change of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(describeChange(change, versus)).toEqual({ direction: 'none', mark: '', text: '—', label: 'no comparison data' });
    }
  });
});
