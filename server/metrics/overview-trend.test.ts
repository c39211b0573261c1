import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Warehouse } from '@/db/warehouse';
import { loadDataset } from '@/pipeline/load/load-dataset';
import { writeDataset, type Line } from '@/test/support/dataset';
import { content, events, NOW, users } from '@/test/support/metric-cases';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { handleMetricRequest } from './http';
import { runMetric, type MetricName, type MetricSource } from './index';

// Every expected figure is computed by hand from the sessions and ratings listed in metric-cases.ts.
// October 2026 holds s1–s8 and s10 (nine sessions, four viewers); September only s11; November only s9.

const OCT = { from: '2026-10-01', to: '2026-10-31' };
const SOURCES: MetricSource[] = ['auto', 'fact'];

const zeros = { watch_seconds: 0, sessions: 0, viewers: 0, completed_sessions: 0 };

describeEachEngine('overview and trend over a hand-made dataset', (harness) => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await harness.migrated();
    await loadDataset(warehouse, writeDataset({ users, content, events }), { now: NOW });
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  const csvOf = async (metric: MetricName, query: string) => {
    const response = await handleMetricRequest(metric, new URL(`http://localhost/api/metrics/${metric}?${query}&format=csv`), warehouse, { now: NOW });
    expect(response.status).toBe(200);
    return { disposition: response.headers.get('content-disposition'), lines: (await response.text()).trimEnd().split('\r\n') };
  };

  it('exports the overview as CSV: the period, the comparison period and the changes, one row each', async () => {
    const { disposition, lines } = await csvOf('overview', 'from=2026-10-01&to=2026-10-31&compare=previous&device_type=tv');
    expect(disposition).toBe('attachment; filename="overview_2026-10-01_2026-10-31.csv"');
    expect(lines).toEqual([
      'period,from,to,watch_seconds,sessions,viewers,watch_seconds_per_viewer,completion_rate,ratings,avg_rating',
      'current,2026-10-01,2026-10-31,19900,5,4,4975,0.8,6,3.5',
      'comparison,2026-08-31,2026-09-30,100,1,1,100,0,1,1',
      `change,,,198,4,3,48.75,,5,2.5`,
    ]);
    const alone = await csvOf('overview', 'from=2026-10-01&to=2026-10-31');
    expect(alone.lines).toHaveLength(2);
  });

  it('exports the trend as CSV with its empty buckets, as its JSON rows', async () => {
    const query = 'from=2026-10-01&to=2026-10-31&grain=week';
    const { disposition, lines } = await csvOf('trend', query);
    expect(disposition).toBe('attachment; filename="trend_2026-10-01_2026-10-31.csv"');
    const json = await runMetric('trend', Object.fromEntries(new URLSearchParams(query)), warehouse, { now: NOW });
    expect(lines).toEqual([
      'bucket,days,watch_seconds,sessions,viewers,completed_sessions',
      ...json.rows.map((r) => [r.bucket, r.days, r.watch_seconds, r.sessions, r.viewers, r.completed_sessions].join(',')),
    ]);
    expect(lines[4]).toBe('2026-10-19,7,0,0,0,0');
  });

  describe.each(SOURCES)('read from %s', (source) => {
    const run = (name: MetricName, params: Record<string, string> = {}) => runMetric(name, params, warehouse, { now: NOW, source });

    it('overview of October: 9 sessions of 4 viewers, 21,820 s, 4 completed; 8 ratings summing 28', async () => {
      const result = await run('overview', OCT);
      expect(result.params).toEqual(OCT);
      expect(result.rows).toEqual([]);
      expect(result.summary).toEqual({
        watch_seconds: 21820,
        sessions: 9,
        viewers: 4,
        watch_seconds_per_viewer: 5455,
        completion_rate: 4 / 9,
        ratings: 8, // rA0 is 09-30 in New York
        avg_rating: 3.5,
      });
      expect(result).not.toHaveProperty('comparison');
      expect(result).not.toHaveProperty('change');
    });

    it('overview against the previous period: 2026-08-31..09-30 holds s11 and rA0 only; a change from 0 is null', async () => {
      const result = await run('overview', { compare: 'previous' }); // the default period, October
      expect(result.params).toEqual({ ...OCT, compare: 'previous' });
      expect(result.comparison).toEqual({
        from: '2026-08-31',
        to: '2026-09-30',
        summary: { watch_seconds: 100, sessions: 1, viewers: 1, watch_seconds_per_viewer: 100, completion_rate: 0, ratings: 1, avg_rating: 1 },
      });
      expect(result.change).toEqual({
        watch_seconds: (21820 - 100) / 100,
        sessions: 8,
        viewers: 3,
        watch_seconds_per_viewer: (5455 - 100) / 100,
        completion_rate: null,
        ratings: 7,
        avg_rating: 2.5,
      });
    });

    it('overview against last year: no data then, so ratios and every change are null', async () => {
      const result = await run('overview', { ...OCT, compare: 'year' });
      expect(result.comparison).toEqual({
        from: '2025-10-01',
        to: '2025-10-31',
        summary: { watch_seconds: 0, sessions: 0, viewers: 0, watch_seconds_per_viewer: null, completion_rate: null, ratings: 0, avg_rating: null },
      });
      expect(Object.values(result.change as object)).toEqual(Array(7).fill(null));
    });

    it('overview filtered to one device type, with the same filter on the comparison period', async () => {
      const result = await run('overview', { ...OCT, device_type: 'tv', compare: 'previous' });
      // s1, s3, s6, s7, s10; ratings on a tv: rA1 5, rA2 4, rB1 4, rX1 3, rX3 4, rG1 1.
      expect(result.summary).toEqual({
        watch_seconds: 19900,
        sessions: 5,
        viewers: 4,
        watch_seconds_per_viewer: 4975,
        completion_rate: 0.8,
        ratings: 6,
        avg_rating: 3.5,
      });
      expect((result.comparison as { summary: object }).summary).toMatchObject({ sessions: 1, ratings: 1 });
      expect(result.sql_params).toEqual([20261001, 20261031, 'tv', 20260831, 20260930]);
    });

    it('overview under a filter with several values and a viewer filter: viewers across both genres once', async () => {
      // Drama: s1, s2, s7; Sci-Fi: s3, s4, s8. u_ny watched both genres.
      const result = await run('overview', { ...OCT, genre: 'Drama,Sci-Fi' });
      expect(result.summary).toEqual({
        watch_seconds: 16360,
        sessions: 6,
        viewers: 3,
        watch_seconds_per_viewer: 16360 / 3,
        completion_rate: 0.5,
        ratings: 5,
        avg_rating: 3.6,
      });
      const plan = await run('overview', { ...OCT, subscription_plan: 'premium,basic', content_type: 'episode' });
      // u_ny and u_tok watching episodes: s3, s4, s8.
      expect(plan.summary).toMatchObject({ watch_seconds: 2300, sessions: 3, viewers: 2, completion_rate: 1 / 3 });
    });

    it('trend per day over October: 31 buckets, the empty ones as zeros', async () => {
      const result = await run('trend', OCT);
      expect(result.params).toEqual({ ...OCT, grain: 'day' });
      expect(result.rows).toHaveLength(31);
      expect(result.rows[0]).toEqual({ bucket: '2026-10-01', days: 1, watch_seconds: 3000, sessions: 1, viewers: 1, completed_sessions: 1 });
      expect(result.rows[1]).toEqual({ bucket: '2026-10-02', days: 1, ...zeros });
      expect(result.rows[4]).toEqual({ bucket: '2026-10-05', days: 1, watch_seconds: 5800, sessions: 1, viewers: 1, completed_sessions: 1 });
      expect(result.rows.map((r) => r.sessions).reduce((a, b) => Number(a) + Number(b), 0)).toBe(9);
      // No day holds two sessions, so each day's viewers are its sessions: u_ny on 10-06 after 10-05 counts again.
      expect(result.rows[5]).toEqual({ bucket: '2026-10-06', days: 1, watch_seconds: 760, sessions: 1, viewers: 1, completed_sessions: 0 });
      expect(result.rows.map((r) => r.viewers)).toEqual(result.rows.map((r) => r.sessions));
    });

    it('trend per ISO week: the first week cut by from, the last by to, a viewer counted in each week they watched', async () => {
      const result = await run('trend', { ...OCT, grain: 'week' });
      expect(result.rows).toEqual([
        { bucket: '2026-10-01', days: 4, watch_seconds: 3000, sessions: 1, viewers: 1, completed_sessions: 1 }, // s10
        { bucket: '2026-10-05', days: 7, watch_seconds: 7960, sessions: 4, viewers: 2, completed_sessions: 2 }, // s1–s4
        { bucket: '2026-10-12', days: 7, watch_seconds: 2460, sessions: 2, viewers: 2, completed_sessions: 0 }, // s5, s6
        { bucket: '2026-10-19', days: 7, ...zeros },
        { bucket: '2026-10-26', days: 6, watch_seconds: 8400, sessions: 2, viewers: 2, completed_sessions: 1 }, // s7, s8
      ]);
    });

    it('trend per week from a Wednesday, filtered to tv', async () => {
      const result = await run('trend', { from: '2026-10-07', to: '2026-10-20', grain: 'week' });
      expect(result.rows).toEqual([
        { bucket: '2026-10-07', days: 5, watch_seconds: 1400, sessions: 2, viewers: 1, completed_sessions: 1 }, // s3, s4 of u_tok
        { bucket: '2026-10-12', days: 7, watch_seconds: 2460, sessions: 2, viewers: 2, completed_sessions: 0 },
        { bucket: '2026-10-19', days: 2, ...zeros },
      ]);
      const tv = await run('trend', { ...OCT, grain: 'week', device_type: 'tv' });
      expect(tv.rows.map((r) => [r.sessions, r.viewers, r.watch_seconds, r.completed_sessions])).toEqual([
        [1, 1, 3000, 1],
        [2, 2, 7000, 2],
        [1, 1, 2400, 0],
        [0, 0, 0, 0],
        [1, 1, 7500, 1],
      ]);
    });

    it('trend per month, cut by the period at both ends', async () => {
      const result = await run('trend', { from: '2026-09-15', to: '2026-11-10', grain: 'month' });
      expect(result.rows).toEqual([
        { bucket: '2026-09-15', days: 16, watch_seconds: 100, sessions: 1, viewers: 1, completed_sessions: 0 }, // s11
        { bucket: '2026-10-01', days: 31, watch_seconds: 21820, sessions: 9, viewers: 4, completed_sessions: 4 },
        { bucket: '2026-11-01', days: 10, watch_seconds: 100, sessions: 1, viewers: 1, completed_sessions: 0 }, // s9
      ]);
    });

    it('trend per day across the end of British Summer Time: one bucket per local date', async () => {
      const result = await run('trend', { from: '2026-10-24', to: '2026-10-27', grain: 'day', country: 'GB' });
      expect(result.rows).toEqual([
        { bucket: '2026-10-24', days: 1, ...zeros },
        { bucket: '2026-10-25', days: 1, ...zeros },
        { bucket: '2026-10-26', days: 1, watch_seconds: 7500, sessions: 1, viewers: 1, completed_sessions: 1 }, // s7, 20:00 GMT
        { bucket: '2026-10-27', days: 1, ...zeros },
      ]);
    });

    it('a trend with several values of a filter counts a viewer once per bucket', async () => {
      const result = await run('trend', { ...OCT, grain: 'month', device_type: 'tv,mobile' });
      // s1, s2, s3, s4, s6, s7, s10: u_ny, u_tok, u_ghost, u_lon.
      expect(result.rows).toEqual([{ bucket: '2026-10-01', days: 31, watch_seconds: 20860, sessions: 7, viewers: 4, completed_sessions: 4 }]);
    });
  });
});

/** An inferred (UTC) viewer on 29 February 2028 and on 28 February 2027, and a rating on each day. */
function leapEvents(): Line[] {
  const session = (id: string, start: string, seconds: number): Line[] => [
    { event_id: `${id}_0`, event_type: 'play', event_ts: start, session_id: id, user_id: 'u_leap', content_id: 'm_leap', device: { device_id: 'd_leap', device_type: 'tv', os: 'tizen', app_version: '1.0.0' }, position_seconds: 0 },
    { event_id: `${id}_1`, event_type: 'stop', event_ts: new Date(Date.parse(start) + seconds * 1000).toISOString(), session_id: id, user_id: 'u_leap', content_id: 'm_leap', device: { device_id: 'd_leap', device_type: 'tv', os: 'tizen', app_version: '1.0.0' }, position_seconds: seconds },
  ];
  return [...session('leap', '2028-02-29T10:00:00Z', 600), ...session('before', '2027-02-28T10:00:00Z', 300), ...session('march', '2027-03-01T10:00:00Z', 50)];
}

describeEachEngine('overview on 29 February', (harness) => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await harness.migrated();
    await loadDataset(warehouse, writeDataset({ events: { 'events-leap.jsonl': leapEvents() } }), { now: new Date('2028-03-10T00:00:00Z') });
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  it.each(SOURCES)('compares 29 February 2028 with 28 February 2027 (%s)', async (source) => {
    const result = await runMetric('overview', { from: '2028-02-29', to: '2028-02-29', compare: 'year' }, warehouse, { source });
    expect(result.summary).toMatchObject({ watch_seconds: 600, sessions: 1, viewers: 1 });
    expect(result.comparison).toEqual({
      from: '2027-02-28',
      to: '2027-02-28',
      summary: { watch_seconds: 300, sessions: 1, viewers: 1, watch_seconds_per_viewer: 300, completion_rate: 0, ratings: 0, avg_rating: null },
    });
    expect(result.change).toMatchObject({ watch_seconds: 1, sessions: 0, viewers: 0, ratings: null });
  });
});
