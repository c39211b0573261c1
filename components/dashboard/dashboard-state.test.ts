import { describe, expect, it } from 'vitest';

import { metricQuery, metricUrl, periodRange, readState, withFilter, writeState } from './dashboard-state';

const read = (query: string) => readState(new URLSearchParams(query));

describe('dashboard URL state', () => {
  it('round-trips every setting through the URL, defaults left out', () => {
    const query = 'period=30d&device_type=tv%2Cmobile&country=JP&watch_by=user&min_sessions=3&min_ratings=2';
    const state = read(query);
    expect(state).toMatchObject({ preset: '30d', filters: { device_type: 'tv,mobile', country: 'JP' }, watchBy: 'user', minSessions: '3', minRatings: '2' });
    expect(writeState(state).toString()).toBe(query);
    expect(writeState(read('')).toString()).toBe('');
    expect(writeState(read('period=last-month&watch_by=genre')).toString()).toBe('');
  });

  it('treats from/to as a custom range and keeps bad values for the API to judge', () => {
    expect(read('from=2026-10-01&to=2026-10-31&period=7d')).toMatchObject({ preset: 'custom', from: '2026-10-01', to: '2026-10-31' });
    const bad = read('from=yesterday&period=fortnight&watch_by=planet');
    expect(bad).toMatchObject({ preset: 'custom', from: 'yesterday', watchBy: 'genre' });
    expect(metricQuery('peak-hours', bad, '2026-11-24').get('from')).toBe('yesterday');
    expect(read('period=fortnight').preset).toBe('last-month');
  });

  it('ends the last-N-days presets on the newest day with data, both ends included', () => {
    expect(periodRange(read('period=7d'), '2026-11-24')).toEqual({ from: '2026-11-18', to: '2026-11-24' });
    expect(periodRange(read('period=90d'), '2026-03-01')).toEqual({ from: '2025-12-02', to: '2026-03-01' });
    expect(periodRange(read(''), '2026-11-24')).toEqual({});
    expect(periodRange(read('period=7d'), null)).toEqual({});
  });

  it('builds each panel request from the shared filters and its own parameters only', () => {
    const state = withFilter(read('min_sessions=5&min_ratings=2&genre=Drama'), 'device_type', ['tv', 'web']);
    expect(metricQuery('completion', state, null, { limit: 100 }).toString()).toBe('device_type=tv%2Cweb&genre=Drama&min_sessions=5&limit=100');
    expect(metricQuery('rating-popularity', state, null).toString()).toBe('device_type=tv%2Cweb&genre=Drama&min_ratings=2');
    expect(metricQuery('peak-hours', withFilter(state, 'genre', []), null).toString()).toBe('device_type=tv%2Cweb');
    const query = metricQuery('watch-time', state, null, { by: 'user', limit: 25 });
    expect(metricUrl('watch-time', query, 'csv')).toBe('/api/metrics/watch-time?device_type=tv%2Cweb&genre=Drama&by=user&limit=25&format=csv');
    expect(metricUrl('session-duration', new URLSearchParams())).toBe('/api/metrics/session-duration');
  });
});
