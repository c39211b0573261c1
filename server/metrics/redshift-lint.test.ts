import { describe, expect, it } from 'vitest';

import { lintRedshift } from '@/db/redshift-lint';

import { FILTER_VALUES_SQL } from '../dashboard-options';
import { CURSOR } from './csv';
import { buildMetricQuery, METRIC_NAMES, parseMetricParams } from './index';
import { NEWEST_SESSION_SQL, toPeriod } from './period';
import type { RawParams } from './params';
import { encodeCursor, parseSessionParams, sessionExportQuery, sessionPageQuery } from './sessions';

const ALL_FILTERS = {
  device_type: 'tv,mobile,Unknown',
  genre: "Drama,O'Brien; DROP TABLE dim_user --",
  content_type: 'movie,episode',
  subscription_plan: 'basic,Unknown',
  country: 'US,GB',
  title_id: "s_1,m_2'; --",
  season_number: '1,2',
};

const combinations: Record<string, RawParams>[] = [
  { 'watch-time': { by: 'user' }, completion: {}, 'rating-popularity': {}, 'peak-hours': {}, 'session-duration': {} },
  {
    'watch-time': { by: 'genre', limit: '10000', ...ALL_FILTERS },
    completion: { min_sessions: '3', limit: '5', ...ALL_FILTERS },
    'rating-popularity': { min_ratings: '2', ...ALL_FILTERS },
    'peak-hours': ALL_FILTERS,
    'session-duration': ALL_FILTERS,
  },
  { 'watch-time': { by: 'device_type', format: 'csv', country: 'JP' }, completion: { format: 'csv' }, 'rating-popularity': { genre: 'Unknown' }, 'peak-hours': { device_type: 'web' }, 'session-duration': { content_type: 'episode' } },
  {
    overview: { compare: 'year', ...ALL_FILTERS },
    trend: { grain: 'week', ...ALL_FILTERS },
    'watch-time': { by: 'title', title_id: 's_1' },
    completion: { level: 'season', ...ALL_FILTERS },
    'top-titles': { limit: '25', ...ALL_FILTERS },
  },
  { 'watch-time': { by: 'genre' }, overview: { compare: 'previous', genre: 'Drama' }, trend: { grain: 'month', device_type: 'tv' }, completion: { level: 'title' }, 'top-titles': { format: 'csv' } },
];

describe('every metric statement passes the Redshift lint', () => {
  it('the default-period look-up and the dashboards\' filter values', () => {
    expect(lintRedshift(NEWEST_SESSION_SQL)).toEqual([]);
    expect(lintRedshift(FILTER_VALUES_SQL)).toEqual([]);
  });

  it('the CSV export cursor around a metric statement', () => {
    const query = buildMetricQuery('watch-time', parseMetricParams('watch-time', { by: 'user' }), toPeriod('2026-10-01', '2026-10-31'));
    for (const statement of [CURSOR.declare(query.sql), CURSOR.fetch, CURSOR.close]) expect(lintRedshift(statement), statement).toEqual([]);
  });

  it('the sessions list: a page with its total, from a cursor, and the export', () => {
    const period = toPeriod('2026-10-01', '2026-10-31');
    const base = parseSessionParams({ ...ALL_FILTERS, content_id: "c'1", user_id: 'u', day_type: 'weekend', hour: '0', completed: 'true', length_bucket: '120m+' });
    const cursor = encodeCursor({ ts: '2026-10-05T10:00:00.000Z', id: "a'1" }, base);
    const paged = parseSessionParams({ ...ALL_FILTERS, content_id: "c'1", user_id: 'u', day_type: 'weekend', hour: '0', completed: 'true', length_bucket: '120m+', limit: '1000', cursor });
    for (const query of [sessionPageQuery(base, period), sessionPageQuery(paged, period), sessionExportQuery(base, period), sessionExportQuery({ ...base, limit: 5 }, period)]) {
      expect(lintRedshift(query.sql), query.sql).toEqual([]);
      expect(query.sql).not.toContain("'");
      const placeholders = new Set([...query.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      expect([...placeholders].sort((a, b) => a - b)).toEqual(query.values.map((_, i) => i + 1));
    }
  });

  for (const name of METRIC_NAMES) {
    it(name, () => {
      for (const combination of combinations) {
        const params = parseMetricParams(name, combination[name] ?? {});
        const query = buildMetricQuery(name, params, toPeriod('2026-10-01', '2026-10-31'));
        expect(lintRedshift(query.sql), query.sql).toEqual([]);
        // Request values are bind parameters only: none appears in the text.
        for (const value of Object.values(params.filters).flat()) expect(query.sql).not.toContain(`'${value}'`);
        expect(query.sql).not.toContain('DROP');
        expect(query.sql).not.toContain('2026');
        const placeholders = new Set([...query.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
        expect([...placeholders].sort((a, b) => a - b)).toEqual(query.values.map((_, i) => i + 1));
      }
    });
  }
});
