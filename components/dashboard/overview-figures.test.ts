import { describe, expect, it } from 'vitest';

import { OVERVIEW_FIGURES } from '@/types/dashboard';

import { FIGURE_DISPLAY } from './overview-figures';

describe('headline figures', () => {
  it('formats each figure in its unit, and null as a dash', () => {
    const shown = Object.fromEntries(
      OVERVIEW_FIGURES.map((name) => [name, FIGURE_DISPLAY[name].format({ watch_seconds: 18_234_512, sessions: 9120, viewers: 2210, watch_seconds_per_viewer: 8250.8, completion_rate: 0.4321, ratings: 1234, avg_rating: 3.456 }[name])]),
    );
    expect(shown).toEqual({ watch_seconds: '5,065 h', sessions: '9,120', viewers: '2,210', watch_seconds_per_viewer: '2 h 17 min', completion_rate: '43.2 %', ratings: '1,234', avg_rating: '3.46' });
    for (const name of OVERVIEW_FIGURES) expect(FIGURE_DISPLAY[name].format(null)).toBe('—');
  });
});
