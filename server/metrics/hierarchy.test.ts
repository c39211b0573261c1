import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Warehouse } from '@/db/warehouse';
import { loadDataset } from '@/pipeline/load/load-dataset';
import { writeDataset, type Line } from '@/test/support/dataset';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { runMetric, type MetricName, type MetricSource } from './index';
import { handleSessionsRequest } from './sessions-http';

/**
 * Metrics 8–10 over a catalog with a hierarchy, every figure computed by hand:
 * m1 "Moon" (movie, 6000 s); series s1 "Saga": season 1 = e11 (1200 s) + e12 (1800 s), season 2 = e21
 * (1500 s) + e22 (1500 s, never watched); x9 is inferred (no record, no runtime).
 * u1 is in UTC, u2 in Tokyo (+09:00). October 2026: Mon 5 … Sat 10.
 *
 *  session user content device start (UTC)        local                  length watch completed
 *  a1      u1   m1      tv     10-05 10:00        10-05 10:00 weekday    6000   6000  yes
 *  a2      u2   m1      web    10-06 01:00        10-06 10:00 weekday    3000   3000  no
 *  a3      u1   e11     tv     10-07 10:00        10-07 10:00 weekday    1200   1200  yes
 *  a4      u1   e12     tv     10-07 11:00        10-07 11:00 weekday    1800   1800  yes (1750 ≥ 1710)
 *  a5      u2   e11     mobile 10-08 01:00        10-08 10:00 weekday     600    600  no
 *  a6      u2   e21     mobile 10-09 01:00        10-09 10:00 weekday    1500   1500  yes
 *  a7      u1   x9      tv     10-10 10:00        10-10 10:00 weekend     900    900  no (no runtime)
 *  a8      u1   e21     tv     10-10 12:00        10-10 12:00 weekend     400    300  no (paused 100 s)
 *  a0      u2   m1      tv     10-10 12:00        10-10 21:00 weekend     100    100  no (a8's start: ties by id)
 */
const users: Line[] = [
  { user_id: 'u1', signup_date: '2025-01-01', country: 'US', time_zone: 'UTC', age_band: '25-34', subscription_plan: 'premium' },
  { user_id: 'u2', signup_date: '2025-01-01', country: 'JP', time_zone: 'Asia/Tokyo', age_band: '18-24', subscription_plan: 'basic' },
];
const episode = (id: string, season: number, number: number, runtime: number): Line => ({
  content_id: id, content_type: 'episode', title: `Episode ${id}`, genre: 'Sci-Fi', release_year: 2024, runtime_seconds: runtime, maturity_rating: 'TV-14',
  series_id: 's1', series_title: 'Saga', season_number: season, episode_number: number,
});
const content: Line[] = [
  { content_id: 'm1', content_type: 'movie', title: 'Moon', genre: 'Drama', release_year: 2020, runtime_seconds: 6000, maturity_rating: 'PG' },
  episode('e11', 1, 1, 1200),
  episode('e12', 1, 2, 1800),
  episode('e21', 2, 1, 1500),
  episode('e22', 2, 2, 1500),
];
const devices = { tv: 'd_tv', web: 'd_web', mobile: 'd_mob' } as const;
function session(id: string, user: string, item: string, device: keyof typeof devices, start: string, steps: [string, number, number][]): Line[] {
  return steps.map(([type, offset, position], i) => ({
    event_id: `${id}_${i}`, event_type: type, event_ts: new Date(Date.parse(start) + offset * 1000).toISOString(), session_id: id, user_id: user,
    content_id: item, device: { device_id: devices[device], device_type: device, os: 'x', app_version: '1.0.0' }, position_seconds: position,
  }));
}
const events: Line[] = [
  ...session('a1', 'u1', 'm1', 'tv', '2026-10-05T10:00:00Z', [['play', 0, 0], ['stop', 6000, 6000]]),
  ...session('a2', 'u2', 'm1', 'web', '2026-10-06T01:00:00Z', [['play', 0, 0], ['stop', 3000, 3000]]),
  ...session('a3', 'u1', 'e11', 'tv', '2026-10-07T10:00:00Z', [['play', 0, 0], ['stop', 1200, 1200]]),
  ...session('a4', 'u1', 'e12', 'tv', '2026-10-07T11:00:00Z', [['play', 0, 0], ['stop', 1800, 1750]]),
  ...session('a5', 'u2', 'e11', 'mobile', '2026-10-08T01:00:00Z', [['play', 0, 0], ['stop', 600, 600]]),
  ...session('a6', 'u2', 'e21', 'mobile', '2026-10-09T01:00:00Z', [['play', 0, 0], ['stop', 1500, 1500]]),
  ...session('a7', 'u1', 'x9', 'tv', '2026-10-10T10:00:00Z', [['play', 0, 0], ['stop', 900, 900]]),
  ...session('a8', 'u1', 'e21', 'tv', '2026-10-10T12:00:00Z', [['play', 0, 0], ['pause', 300, 300], ['stop', 400, 300]]),
  ...session('a0', 'u2', 'm1', 'tv', '2026-10-10T12:00:00Z', [['play', 0, 0], ['stop', 100, 100]]),
];
const NOW = new Date('2026-11-20T00:00:00Z');
const OCT = { from: '2026-10-01', to: '2026-10-31' };
const NEWEST_FIRST = ['a0', 'a8', 'a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1'];

describeEachEngine('the content hierarchy, views and the sessions behind a figure', (harness) => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await harness.migrated();
    await loadDataset(warehouse, writeDataset({ users, content, events: { 'events-1.jsonl': events } }), { now: NOW });
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  describe.each(['auto', 'fact'] as MetricSource[])('read from %s', (source) => {
    const run = (name: MetricName, params: Record<string, string>) => runMetric(name, { ...OCT, ...params }, warehouse, { now: NOW, source });

    it('completion per title: a series of every episode, a movie, an inferred item on its own', async () => {
      const result = await run('completion', { level: 'title', min_sessions: '1' });
      expect(result.rows).toEqual([
        { title_id: 's1', title: 'Saga', content_type: 'series', sessions: 5, completed_sessions: 3, completion_rate: 0.6 },
        { title_id: 'm1', title: 'Moon', content_type: 'movie', sessions: 3, completed_sessions: 1, completion_rate: 1 / 3 },
        { title_id: 'x9', title: expect.any(String), content_type: 'Unknown', sessions: 1, completed_sessions: 0, completion_rate: 0 },
      ]);
      expect(result.params).toMatchObject({ level: 'title', min_sessions: 1 });
    });

    it('completion per season: only episodes, min_sessions on the season', async () => {
      const result = await run('completion', { level: 'season', min_sessions: '1' });
      expect(result.rows).toEqual([
        { title_id: 's1', title: 'Saga', season_number: 1, sessions: 3, completed_sessions: 2, completion_rate: 2 / 3 },
        { title_id: 's1', title: 'Saga', season_number: 2, sessions: 2, completed_sessions: 1, completion_rate: 0.5 },
      ]);
      expect((await run('completion', { level: 'season', min_sessions: '3' })).rows.map((r) => r.season_number)).toEqual([1]);
    });

    it('completion per episode of one season, by the title and season filters', async () => {
      const result = await run('completion', { min_sessions: '1', title_id: 's1', season_number: '1' });
      expect(result.rows.map((r) => [r.content_id, r.sessions, r.completed_sessions])).toEqual([
        ['e12', 1, 1],
        ['e11', 2, 1],
      ]);
    });

    it('watch time per title', async () => {
      const result = await run('watch-time', { by: 'title' });
      expect(result.rows).toEqual([
        { title_id: 'm1', watch_seconds: 9100, sessions: 3, viewers: 2 },
        { title_id: 's1', watch_seconds: 5400, sessions: 5, viewers: 2 },
        { title_id: 'x9', watch_seconds: 900, sessions: 1, viewers: 1 },
      ]);
    });

    it('top titles by views: each season a title, its runtime every episode in the catalog, inferred items left out', async () => {
      const result = await run('top-titles', {});
      expect(result.params).toMatchObject({ limit: 10 });
      expect(result.rows).toEqual([
        { title_id: 'm1', season_number: null, title: 'Moon', content_type: 'movie', hours_viewed: 9100 / 3600, runtime_seconds: 6000, views: 9100 / 6000 },
        { title_id: 's1', season_number: 1, title: 'Saga', content_type: 'season', hours_viewed: 1, runtime_seconds: 3000, views: 1.2 },
        { title_id: 's1', season_number: 2, title: 'Saga', content_type: 'season', hours_viewed: 0.5, runtime_seconds: 3000, views: 0.6 },
      ]);
      expect((await run('top-titles', { limit: '1' })).rows).toHaveLength(1);
    });

    it('top titles under filters: a device, a title, a season number that no movie matches', async () => {
      const tv = await run('top-titles', { device_type: 'tv' });
      expect(tv.rows.map((r) => [r.title_id, r.season_number, r.views])).toEqual([
        ['m1', null, 6100 / 6000],
        ['s1', 1, 1],
        ['s1', 2, 0.1],
      ]);
      expect((await run('top-titles', { title_id: 's1' })).rows.map((r) => r.season_number)).toEqual([1, 2]);
      expect((await run('top-titles', { season_number: '2' })).rows.map((r) => [r.title_id, r.season_number])).toEqual([['s1', 2]]);
    });

    it('narrows every metric by title and season', async () => {
      const overview = await run('overview', { title_id: 's1', season_number: '1' });
      expect(overview.summary).toMatchObject({ watch_seconds: 3600, sessions: 3, viewers: 2, completion_rate: 2 / 3 });
      const peak = await run('peak-hours', { title_id: 'm1' });
      expect(peak.rows.reduce((n, r) => n + Number(r.sessions), 0)).toBe(3);
      const duration = await run('session-duration', { season_number: '2' });
      expect(duration.summary).toMatchObject({ sessions: 2, avg_session_seconds: 950 });
      const trend = await run('trend', { grain: 'month', title_id: 'x9,m1' });
      expect(trend.rows).toEqual([{ bucket: '2026-10-01', days: 31, watch_seconds: 10000, sessions: 4, viewers: 2, completed_sessions: 1 }]);
    });
  });

  describe('the sessions behind a figure', () => {
    const ask = async (query: string) => {
      const response = await handleSessionsRequest(new URL(`http://localhost/api/sessions?${query}`), warehouse, { now: NOW });
      return { status: response.status, body: (await response.json()) as { rows: Record<string, unknown>[]; total: number; next_cursor: string | null; error?: { param: string }; sql: string; sql_params: unknown[] } };
    };

    it('lists a session with its names and local start, newest first, ties by session_id', async () => {
      const { status, body } = await ask('from=2026-10-01&to=2026-10-31');
      expect(status).toBe(200);
      expect(body.total).toBe(9);
      expect(body.next_cursor).toBeNull();
      expect(body.rows.map((r) => r.session_id)).toEqual(NEWEST_FIRST);
      expect(body.rows.find((r) => r.session_id === 'a2')).toEqual({
        session_id: 'a2', user_id: 'u2', content_id: 'm1', title: 'Moon', device_type: 'web', local_start: '2026-10-06T10:00:00.000',
        session_length_seconds: 3000, watch_seconds: 3000, is_completed: false, status: 'closed',
      });
      expect(body.sql_params).toEqual(expect.arrayContaining([20261001, 20261031]));
    });

    it('pages to the end by cursor: every session once, in order, as many as the total, across a tie', async () => {
      for (const limit of [1, 2, 4]) {
        const seen: unknown[] = [];
        let cursor: string | null = '';
        while (cursor !== null) {
          const { body } = await ask(`limit=${limit}&from=2026-10-01&to=2026-10-31${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          expect(body.total).toBe(9);
          expect(body.rows.length).toBeLessThanOrEqual(limit);
          seen.push(...body.rows.map((r) => r.session_id));
          cursor = body.next_cursor;
        }
        expect(seen, `limit ${limit}`).toEqual(NEWEST_FIRST);
      }
    });

    it.each([
      ['user_id=u2', ['a0', 'a6', 'a5', 'a2']],
      ['content_id=e11', ['a5', 'a3']],
      ['completed=true', ['a6', 'a4', 'a3', 'a1']],
      ['completed=false&title_id=m1', ['a0', 'a2']],
      ['length_bucket=5-15m', ['a8', 'a5']],
      ['length_bucket=0-5m', ['a0']],
      ['length_bucket=120m%2B', []],
      ['day_type=weekend', ['a0', 'a8', 'a7']],
      ['day_type=weekday&hour=10', ['a6', 'a5', 'a3', 'a2', 'a1']],
      ['hour=21', ['a0']],
      ['device_type=mobile&season_number=1', ['a5']],
      ['genre=Drama&country=JP', ['a0', 'a2']],
    ])('selects %s', async (query, expected) => {
      const { status, body } = await ask(`from=2026-10-01&to=2026-10-31&${query}`);
      expect(status).toBe(200);
      expect(body.rows.map((r) => r.session_id)).toEqual(expected);
      expect(body.total).toBe(expected.length);
    });

    it('refuses a tampered cursor, a cursor of other filters, and bad selections, naming the parameter', async () => {
      const { body } = await ask('limit=2&from=2026-10-01&to=2026-10-31');
      const cursor = body.next_cursor ?? '';
      const [payload, sum] = cursor.split('.');
      const forged = Buffer.from(JSON.stringify(["2026-10-10T12:00:00.000Z' OR 1=1 --", 'a8'])).toString('base64url');
      for (const bad of [`${payload}.x${sum?.slice(1)}`, `${forged}.${sum}`, 'garbage', `${payload}`, '']) {
        const answer = await ask(`limit=2&from=2026-10-01&to=2026-10-31&cursor=${encodeURIComponent(bad)}`);
        expect(answer.status, bad).toBe(400);
        expect(answer.body.error?.param).toBe('cursor');
      }
      expect((await ask(`limit=2&from=2026-10-01&to=2026-10-31&device_type=tv&cursor=${encodeURIComponent(cursor)}`)).status).toBe(400);
      for (const [query, param] of [['hour=24', 'hour'], ['completed=yes', 'completed'], ['length_bucket=5m', 'length_bucket'], ['day_type=holiday', 'day_type'], ['limit=1001', 'limit'], ['season_number=0', 'season_number'], ['by=genre', 'by']]) {
        const answer = await ask(query ?? '');
        expect(answer.status, query).toBe(400);
        expect(answer.body.error?.param).toBe(param);
      }
    });

    it('exports every matching session as CSV, as the pages hold them', async () => {
      const response = await handleSessionsRequest(new URL('http://localhost/api/sessions?from=2026-10-01&to=2026-10-31&format=csv'), warehouse, { now: NOW });
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="sessions_2026-10-01_2026-10-31.csv"');
      const lines = (await response.text()).trimEnd().split('\r\n');
      expect(lines[0]).toBe('session_id,user_id,content_id,title,device_type,local_start,session_length_seconds,watch_seconds,is_completed,status');
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(NEWEST_FIRST);
      expect(lines).toContain('a2,u2,m1,Moon,web,2026-10-06T10:00:00.000,3000,3000,false,closed');
    });
  });
});
