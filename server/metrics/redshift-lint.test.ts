import { describe, expect, it } from 'vitest';

import { lintRedshift } from '@/db/redshift-lint';

import { FILTER_VALUES_SQL } from '../dashboard-options';
import { CURSOR } from './csv';
import { buildMetricQuery, METRIC_NAMES, parseMetricParams } from './index';
import { NEWEST_SESSION_SQL, toPeriod } from './period';
import type { RawParams } from './params';

const ALL_FILTERS = {
  device_type: 'tv,mobile,Unknown',
  genre: "Drama,O'Brien; DROP TABLE dim_user --",
  content_type: 'movie,episode',
  subscription_plan: 'basic,Unknown',
  country: 'US,GB',
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
