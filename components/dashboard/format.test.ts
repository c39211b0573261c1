import { describe, expect, it } from 'vitest';

import { contentLabel, formatDuration, formatHours, formatPercent } from './format';

describe('dashboard formats', () => {
  it('reads durations the way people say them, rounding only for display', () => {
    expect(formatDuration(0.4)).toBe('0 s');
    expect(formatDuration(59.5)).toBe('1 min');
    expect(formatDuration(725)).toBe('12 min 5 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(12_030)).toBe('3 h 20 min');
    expect(formatDuration(4_334_400)).toBe('1,204 h');
    expect(formatDuration(null)).toBe('—');
  });

  it('shows rates as percentages and totals as hours', () => {
    expect(formatPercent(0.8766)).toBe('87.7 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatHours(18_234_512)).toBe('5,065 h');
  });

  it('names episodes by series, season and episode', () => {
    expect(contentLabel({ title: 'Contact', content_type: 'episode', series_title: 'Xeno', season_number: 1, episode_number: 2 })).toBe('Xeno · S1 E2 · Contact');
    expect(contentLabel({ title: 'Alpha', content_type: 'movie', series_title: null })).toBe('Alpha');
    expect(contentLabel({ title: 'Pilot', content_type: 'episode', series_title: null, season_number: null, episode_number: 3 })).toBe('E3 · Pilot');
  });
});
