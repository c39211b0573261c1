import { describe, expect, it } from 'vitest';

import { rollupDeclarations, type RollupDeclaration } from '@/db/schema/rollups';

import { parseMetricParams, type FilterName } from './params';
import { completionQuery } from './completion';
import { peakHoursQuery } from './peak-hours';
import { toPeriod } from './period';
import { chooseRollup, columnAccess, givenFilters, type RollupNeed } from './source';

const PEAK: Omit<RollupNeed, 'filters'> = { groupBy: ['start_date_key', 'hour_of_day'], measures: ['sessions', 'watch_seconds'] };
const COMPLETION: Omit<RollupNeed, 'filters'> = { groupBy: ['start_date_key', 'content_key'], measures: ['sessions', 'completed_sessions'] };
const FILTERS: FilterName[] = ['device_type', 'genre', 'content_type', 'subscription_plan', 'country'];

/** Every subset of the five filters. */
const subsets: FilterName[][] = Array.from({ length: 1 << FILTERS.length }, (_, mask) => FILTERS.filter((_f, i) => mask & (1 << i)));

const choose = (need: Omit<RollupNeed, 'filters'>, filters: FilterName[]) => chooseRollup({ ...need, filters })?.name;

describe('chooseRollup', () => {
  it('reads a content attribute through content_key, and nothing a grain lacks', () => {
    expect(columnAccess(['start_date_key', 'content_key'], 'genre')).toBe('content');
    expect(columnAccess(['start_date_key', 'content_key'], 'content_type')).toBe('content');
    expect(columnAccess(['start_date_key', 'genre'], 'genre')).toBe('own');
    expect(columnAccess(['start_date_key', 'content_key'], 'device_type')).toBeUndefined();
    expect(columnAccess(['start_date_key', 'genre'], 'content_key')).toBeUndefined();
  });

  it('peak hours: the audience rollup for plan and country, the content-device one for genre, type and device, the full one for a mix', () => {
    expect(choose(PEAK, [])).toBe('agg_peak_hour_audience');
    expect(choose(PEAK, ['subscription_plan', 'country'])).toBe('agg_peak_hour_audience');
    expect(choose(PEAK, ['genre'])).toBe('agg_peak_hour_content_device');
    expect(choose(PEAK, ['genre', 'content_type', 'device_type'])).toBe('agg_peak_hour_content_device');
    expect(choose(PEAK, ['device_type', 'country'])).toBe('agg_peak_hour_full');
    expect(choose(PEAK, FILTERS)).toBe('agg_peak_hour_full');
  });

  it('completion: per item for no filter or content filters, with the device for device_type, with the audience for plan or country, the full one for both', () => {
    expect(choose(COMPLETION, [])).toBe('agg_completion_content');
    expect(choose(COMPLETION, ['genre', 'content_type'])).toBe('agg_completion_content');
    expect(choose(COMPLETION, ['device_type'])).toBe('agg_completion_content_device');
    expect(choose(COMPLETION, ['device_type', 'genre'])).toBe('agg_completion_content_device');
    expect(choose(COMPLETION, ['subscription_plan'])).toBe('agg_completion_audience');
    expect(choose(COMPLETION, ['country', 'genre', 'content_type'])).toBe('agg_completion_audience');
    expect(choose(COMPLETION, ['device_type', 'country'])).toBe('agg_completion_full');
    expect(choose(COMPLETION, FILTERS)).toBe('agg_completion_full');
  });

  it('answers every combination of the five filters with a rollup that gives every filtered column', () => {
    for (const need of [PEAK, COMPLETION]) {
      for (const filters of subsets) {
        const rollup = chooseRollup({ ...need, filters });
        expect(rollup, filters.join()).toBeDefined();
        for (const c of [...need.groupBy, ...filters]) expect(columnAccess(rollup?.grain ?? [], c), `${rollup?.name} ${c}`).toBeDefined();
        for (const m of need.measures) expect(rollup?.measures).toContain(m);
      }
    }
  });

  it('takes the first covering rollup in the order given, and the fact when none covers', () => {
    const small: RollupDeclaration = { name: 'small', grain: ['start_date_key', 'hour_of_day'], measures: ['sessions', 'watch_seconds'], serves: '' };
    const wide: RollupDeclaration = { name: 'wide', grain: ['start_date_key', 'hour_of_day', 'country'], measures: ['sessions', 'watch_seconds'], serves: '' };
    expect(chooseRollup({ ...PEAK, filters: [] }, [small, wide])?.name).toBe('small');
    expect(chooseRollup({ ...PEAK, filters: [] }, [wide, small])?.name).toBe('wide');
    expect(chooseRollup({ ...PEAK, filters: ['country'] }, [small, wide])?.name).toBe('wide');
    expect(chooseRollup({ ...PEAK, filters: ['genre'] }, [small, wide])).toBeUndefined();
    // A measure the rollup lacks disqualifies it, whatever its grain.
    expect(chooseRollup({ ...COMPLETION, filters: [] }, [{ ...wide, grain: ['start_date_key', 'content_key'] }])).toBeUndefined();
    // Any rollup with the measures serves a need it covers: sessions per date and genre come from the smallest, per item.
    expect(chooseRollup({ groupBy: ['start_date_key', 'genre'], measures: ['sessions'], filters: [] })?.name).toBe('agg_completion_content');
  });

  it('counts a filter as given only when it has a value, in the fixed filter order', () => {
    expect(givenFilters({})).toEqual([]);
    expect(givenFilters({ country: ['US'], genre: [], device_type: ['tv'] })).toEqual(['device_type', 'country']);
  });

  it('declares every rollup with start_date_key first, known measures, and no duplicate name', () => {
    expect(new Set(rollupDeclarations.map((r) => r.name)).size).toBe(rollupDeclarations.length);
    for (const r of rollupDeclarations) {
      expect(r.grain[0], r.name).toBe('start_date_key');
      expect(r.name, r.name).toMatch(/^agg_/);
    }
  });
});

describe('the statements built from the choice', () => {
  const period = toPeriod('2026-10-01', '2026-10-31');

  it('read the chosen rollup with the same bind values as the fact path, and the fact when forced', () => {
    const raw = { genre: 'Drama', country: 'US' };
    const peak = parseMetricParams('peak-hours', raw);
    const completion = parseMetricParams('completion', { ...raw, min_sessions: '2' });
    expect(peakHoursQuery(peak, period).source).toBe('agg_peak_hour_full');
    expect(peakHoursQuery(peak, period, { source: 'fact' }).source).toBe('fact_viewing_session');
    expect(peakHoursQuery(peak, period).values).toEqual(peakHoursQuery(peak, period, { source: 'fact' }).values);
    expect(completionQuery(completion, period).source).toBe('agg_completion_audience');
    // The genre selects items in dim_content, which joins only the per-item sums.
    expect(completionQuery(completion, period).sql).toContain('FROM agg_completion_audience AS a\n');
    expect(completionQuery(completion, period).sql).toContain(
      'AND a.country IN ($4)\n    AND a.content_key IN (SELECT c.content_key FROM dim_content AS c WHERE c.genre IN ($3))',
    );
    expect(completionQuery(completion, period).sql).toContain(') AS v\nJOIN dim_content AS c ON c.content_key = v.content_key');
    expect(completionQuery(completion, period).values).toEqual([20261001, 20261031, 'Drama', 'US', 2]);
    expect(completionQuery(completion, period, { source: 'fact' }).sql).toContain('FROM fact_viewing_session AS f');
  });

  it('filter a peak-hour rollup on its own content columns, with no join to dim_content', () => {
    const peak = parseMetricParams('peak-hours', { content_type: 'movie' });
    const query = peakHoursQuery(peak, period);
    expect(query.source).toBe('agg_peak_hour_content_device');
    expect(query.sql).toContain('AND a.content_type IN ($3)');
    expect(query.sql).not.toContain('dim_content');
  });
});
