import { describe, expect, it } from 'vitest';

import { metricQuery, metricUrl, periodRange, readState, withFilter, writeState } from './dashboard-state';

const read = (query: string) => readState(new URLSearchParams(query));

describe('dashboard URL state', () => {
  it('round-trips every setting through the URL, defaults left out', () => {
    const query = 'period=30d&compare=year&device_type=tv%2Cmobile&country=JP&watch_by=user&trend_grain=month&min_sessions=3&min_ratings=2';
    const state = read(query);
    expect(state).toMatchObject({
      preset: '30d',
      compare: 'year',
      filters: { device_type: 'tv,mobile', country: 'JP' },
      watchBy: 'user',
      trendGrain: 'month',
      minSessions: '3',
      minRatings: '2',
    });
    expect(writeState(state).toString()).toBe(query);
    expect(writeState(read('')).toString()).toBe('');
    expect(writeState(read('period=last-month&watch_by=genre&trend_grain=day')).toString()).toBe('');
  });

  it('has no comparison and a daily trend by default, and drops values no control can show', () => {
    expect(read('')).toMatchObject({ compare: undefined, trendGrain: 'day' });
    expect(read('compare=previous&trend_grain=week')).toMatchObject({ compare: 'previous', trendGrain: 'week' });
    expect(read('compare=decade&trend_grain=hour')).toMatchObject({ compare: undefined, trendGrain: 'day' });
    expect(writeState({ ...read('from=2026-10-01&to=2026-10-31'), compare: 'previous' }).toString()).toBe('from=2026-10-01&to=2026-10-31&compare=previous');
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

  it('sends the comparison to the overview only, and the grain to the trend only', () => {
    const state = read('from=2026-10-01&to=2026-10-31&compare=previous&trend_grain=week&genre=Drama');
    expect(metricQuery('overview', state, null).toString()).toBe('from=2026-10-01&to=2026-10-31&genre=Drama&compare=previous');
    expect(metricQuery('trend', state, null).toString()).toBe('from=2026-10-01&to=2026-10-31&genre=Drama&grain=week');
    for (const metric of ['watch-time', 'peak-hours', 'completion', 'session-duration', 'rating-popularity'] as const) {
      const query = metricQuery(metric, state, null);
      expect(query.has('compare') || query.has('grain'), metric).toBe(false);
    }
    expect(metricQuery('trend', { ...state, trendGrain: 'day' }, null).has('grain')).toBe(false);
    expect(metricQuery('overview', { ...state, compare: undefined }, null).has('compare')).toBe(false);
    // The trend's comparison series: the same request over other dates.
    expect(metricQuery('trend', read('trend_grain=month'), null, { from: '2025-11-01', to: '2025-11-30' }).toString()).toBe('grain=month&from=2025-11-01&to=2025-11-30');
  });

  it('keeps the title filters, the completion drill and the open sessions drawer in the URL', () => {
    const query = 'genre=Drama&title_id=s_0101&season_number=2&watch_by=title&completion_level=season&completion_title=s_0101&sessions_day_type=weekend&sessions_hour=21';
    const state = read(query);
    expect(state).toMatchObject({
      filters: { genre: 'Drama', title_id: 's_0101', season_number: '2' },
      watchBy: 'title',
      completionLevel: 'season',
      completionTitle: 's_0101',
      sessions: { day_type: 'weekend', hour: '21' },
    });
    expect(writeState(state).toString()).toBe(query);
    expect(read('completion_level=planet')).toMatchObject({ completionLevel: 'item', sessions: undefined });
    // Every panel is narrowed by the title filters; the drawer and the drill are no request parameter.
    expect(metricQuery('session-duration', state, null).toString()).toBe('genre=Drama&title_id=s_0101&season_number=2');
    expect(metricQuery('completion', { ...state, completionTitle: undefined }, null).toString()).toBe('genre=Drama&title_id=s_0101&season_number=2&level=season');
  });
});
