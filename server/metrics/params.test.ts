import { describe, expect, it } from 'vitest';

import type { SqlRunner } from '@/db/warehouse';

import { runMetric } from './index';
import { ParamError, parseMetricParams, periodDays, type MetricName } from './params';

function paramError(metric: MetricName, raw: Record<string, string> | URLSearchParams): ParamError {
  try {
    parseMetricParams(metric, raw);
  } catch (error) {
    if (error instanceof ParamError) return error;
    throw error;
  }
  throw new Error('expected a ParamError');
}

describe('metric parameters (api.md)', () => {
  it('fills in the defaults', () => {
    expect(parseMetricParams('watch-time', { by: 'user' })).toEqual({ format: 'json', filters: {}, by: 'user', limit: 100 });
    expect(parseMetricParams('completion', {})).toEqual({ format: 'json', filters: {}, limit: 100, level: 'item', min_sessions: 10 });
    expect(parseMetricParams('top-titles', {})).toEqual({ format: 'json', filters: {}, limit: 10 });
    expect(parseMetricParams('rating-popularity', {})).toEqual({ format: 'json', filters: {}, min_ratings: 5 });
    expect(parseMetricParams('peak-hours', {})).toEqual({ format: 'json', filters: {} });
    expect(parseMetricParams('session-duration', { format: 'csv' })).toEqual({ format: 'csv', filters: {} });
    expect(parseMetricParams('overview', {})).toEqual({ format: 'json', filters: {} });
    expect(parseMetricParams('trend', {})).toEqual({ format: 'json', filters: {}, grain: 'day' });
  });

  it('reads the overview\'s compare and the trend\'s grain, and refuses them elsewhere or misspelt, naming the parameter', () => {
    expect(parseMetricParams('overview', { compare: 'year' }).compare).toBe('year');
    expect(parseMetricParams('overview', { compare: 'previous' }).compare).toBe('previous');
    expect(parseMetricParams('trend', { grain: 'month' }).grain).toBe('month');
    expect(paramError('overview', { compare: 'last' })).toMatchObject({ param: 'compare', message: 'compare must be one of previous, year' });
    expect(paramError('overview', { compare: '' })).toMatchObject({ param: 'compare' });
    expect(paramError('trend', { grain: 'quarter' })).toMatchObject({ param: 'grain', message: 'grain must be one of day, week, month' });
    expect(paramError('trend', { compare: 'year' })).toMatchObject({ param: 'compare' });
    expect(paramError('overview', { grain: 'day' })).toMatchObject({ param: 'grain' });
    expect(paramError('peak-hours', { compare: 'year' })).toMatchObject({ param: 'compare' });
    expect(paramError('overview', { limit: '5' })).toMatchObject({ param: 'limit' });
  });

  it('CSV without a limit keeps every row; an explicit limit applies to CSV too', () => {
    expect(parseMetricParams('watch-time', { by: 'genre', format: 'csv' }).limit).toBeUndefined();
    expect(parseMetricParams('completion', { format: 'csv', limit: '7' }).limit).toBe(7);
  });

  it('parses a full request, lists trimmed and de-duplicated, Unknown allowed in every domain', () => {
    const params = parseMetricParams(
      'watch-time',
      new URLSearchParams('by=device_type&from=2026-01-01&to=2026-12-31&limit=10000&device_type=tv,%20mobile,tv,Unknown&genre=Drama,Unknown&content_type=movie,episode,Unknown&subscription_plan=basic,Unknown&country=US,Unknown'),
    );
    expect(params).toEqual({
      format: 'json', from: '2026-01-01', to: '2026-12-31', by: 'device_type', limit: 10000,
      filters: { device_type: ['tv', 'mobile', 'Unknown'], genre: ['Drama', 'Unknown'], content_type: ['movie', 'episode', 'Unknown'], subscription_plan: ['basic', 'Unknown'], country: ['US', 'Unknown'] },
    });
  });

  it('accepts a period of exactly 400 days and min values of 1', () => {
    expect(periodDays('2026-01-01', '2027-02-04')).toBe(400);
    expect(parseMetricParams('peak-hours', { from: '2026-01-01', to: '2027-02-04' }).to).toBe('2027-02-04');
    expect(parseMetricParams('completion', { min_sessions: '1', limit: '1' })).toMatchObject({ min_sessions: 1, limit: 1 });
    expect(parseMetricParams('rating-popularity', { min_ratings: '1' }).min_ratings).toBe(1);
  });

  // Every 400 case of api.md, each naming its parameter.
  const cases: [string, MetricName, Record<string, string>, string][] = [
    ['missing by', 'watch-time', {}, 'by'],
    ['unknown by', 'watch-time', { by: 'country' }, 'by'],
    ['unknown parameter name', 'peak-hours', { hour: '3' }, 'hour'],
    ['parameter of another metric', 'session-duration', { limit: '5' }, 'limit'],
    ['by on another metric', 'completion', { by: 'user' }, 'by'],
    ['min_ratings on completion', 'completion', { min_ratings: '2' }, 'min_ratings'],
    ['malformed from', 'peak-hours', { from: '2026-1-01', to: '2026-01-31' }, 'from'],
    ['impossible to', 'peak-hours', { from: '2026-02-01', to: '2026-02-30' }, 'to'],
    ['from without to', 'peak-hours', { from: '2026-02-01' }, 'to'],
    ['to without from', 'peak-hours', { to: '2026-02-01' }, 'from'],
    ['from after to', 'completion', { from: '2026-03-02', to: '2026-03-01' }, 'from'],
    ['period longer than 400 days', 'completion', { from: '2026-01-01', to: '2027-02-05' }, 'to'],
    ['device_type outside its domain', 'peak-hours', { device_type: 'tv,toaster' }, 'device_type'],
    ['content_type outside its domain', 'peak-hours', { content_type: 'series' }, 'content_type'],
    ['subscription_plan outside its domain', 'peak-hours', { subscription_plan: 'gold' }, 'subscription_plan'],
    ['genre longer than 64 characters', 'peak-hours', { genre: 'x'.repeat(65) }, 'genre'],
    ['country longer than 64 characters', 'peak-hours', { country: `US,${'y'.repeat(65)}` }, 'country'],
    ['empty filter value', 'peak-hours', { genre: 'Drama,,Comedy' }, 'genre'],
    ['non-integer limit', 'watch-time', { by: 'user', limit: '1.5' }, 'limit'],
    ['limit 0', 'watch-time', { by: 'user', limit: '0' }, 'limit'],
    ['limit above 10000', 'completion', { limit: '10001' }, 'limit'],
    ['negative limit', 'completion', { limit: '-1' }, 'limit'],
    ['limit in exponent form', 'completion', { limit: '1e3' }, 'limit'],
    ['non-integer min_sessions', 'completion', { min_sessions: 'ten' }, 'min_sessions'],
    ['min_sessions 0', 'completion', { min_sessions: '0' }, 'min_sessions'],
    ['non-integer min_ratings', 'rating-popularity', { min_ratings: '2.0' }, 'min_ratings'],
    ['min_ratings 0', 'rating-popularity', { min_ratings: '0' }, 'min_ratings'],
    ['unknown format', 'peak-hours', { format: 'xml' }, 'format'],
  ];
  it.each(cases)('%s → 400 naming %s', (_label, metric, raw, param) => {
    const error = paramError(metric, raw);
    expect(error.param).toBe(param);
    expect(error.code).toBe('invalid_parameter');
    expect(error.message).toMatch(/\S/);
    expect(error.toJSON()).toEqual({ code: 'invalid_parameter', param, message: error.message });
  });

  it('names a repeated parameter', () => {
    expect(paramError('peak-hours', new URLSearchParams('genre=Drama&genre=Comedy')).param).toBe('genre');
  });

  it('reports an unknown name before any other problem', () => {
    expect(paramError('watch-time', { from: 'bad', colour: 'red' }).param).toBe('colour');
  });

  it('a bad request never reaches the warehouse', async () => {
    const sent: string[] = [];
    const spy: SqlRunner = {
      engine: 'duckdb',
      query: async (text) => {
        sent.push(text);
        return [];
      },
      exec: async () => {},
    };
    await expect(runMetric('watch-time', { by: 'nope' }, spy)).rejects.toBeInstanceOf(ParamError);
    await expect(runMetric('completion', { from: '2026-01-02', to: '2026-01-01' }, spy)).rejects.toMatchObject({ param: 'from' });
    expect(sent).toEqual([]);
  });
});
