import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SqlRunner, Warehouse } from '@/db/warehouse';
import { loadDataset } from '@/pipeline/load/load-dataset';
import { writeDataset } from '@/test/support/dataset';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { runMetric, type MetricName } from './index';
import { content, events, NOW, users } from '@/test/support/metric-cases';

// Every expected figure below is computed by hand from the table in test-dataset.ts.

const OCT = { from: '2026-10-01', to: '2026-10-31' };

describeEachEngine('metrics over a hand-made dataset', (harness) => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await harness.migrated();
    await loadDataset(warehouse, writeDataset({ users, content, events }), { now: NOW });
  });
  afterAll(async () => {
    await warehouse?.close();
  });
  const run = (name: MetricName, params: Record<string, string> = {}) => runMetric(name, params, warehouse, { now: NOW });

  it('returns exactly the statement sent and its bind values (one statement per metric, plus the period look-up)', async () => {
    const sent: { text: string; params: readonly unknown[] | undefined }[] = [];
    const recorder: SqlRunner = {
      engine: warehouse.engine,
      query: (text, params) => {
        sent.push({ text, params });
        return warehouse.query(text, params);
      },
      exec: (script) => warehouse.exec(script),
    };
    const params = new URLSearchParams('by=genre&device_type=tv&genre=Drama,Sci-Fi&limit=3');
    const result = await runMetric('watch-time', params, recorder, { now: NOW });
    expect(sent).toHaveLength(2); // default period look-up, then the metric
    expect(sent[1]).toEqual({ text: result.sql, params: result.sql_params });
    expect(result.sql_params).toEqual([20261001, 20261031, 'tv', 'Drama', 'Sci-Fi']);
    expect(result.rows).toEqual([
      { genre: 'Drama', watch_seconds: 13300, sessions: 2, viewers: 2 }, // s1 5800 + s7 7500
      { genre: 'Sci-Fi', watch_seconds: 1200, sessions: 1, viewers: 1 }, // s3
    ]);
    sent.length = 0;
    const duration = await runMetric('session-duration', OCT, recorder);
    expect(sent).toEqual([{ text: duration.sql, params: duration.sql_params }]);
  });

  describe('watch time', () => {
    it('by genre over October: Drama 5800+760+7500, Comedy 60+3000, Unknown 2400, Sci-Fi 1200+200+900', async () => {
      const result = await run('watch-time', { ...OCT, by: 'genre' });
      expect(result.metric).toBe('watch-time');
      expect(result.params).toEqual({ ...OCT, by: 'genre', limit: 100 });
      expect(result.columns).toEqual([
        { name: 'genre', type: 'string' },
        { name: 'watch_seconds', type: 'number' },
        { name: 'sessions', type: 'number' },
        { name: 'viewers', type: 'number' },
      ]);
      expect(result.rows).toEqual([
        { genre: 'Drama', watch_seconds: 14060, sessions: 3, viewers: 2 }, // u_ny ×2, u_lon
        { genre: 'Comedy', watch_seconds: 3060, sessions: 2, viewers: 2 }, // s5 u_lon, s10 u_tok
        { genre: 'Unknown', watch_seconds: 2400, sessions: 1, viewers: 1 }, // inferred m_ghost
        { genre: 'Sci-Fi', watch_seconds: 2300, sessions: 3, viewers: 2 }, // u_tok ×2, u_ny
      ]);
      expect(result.summary).toEqual({});
      expect(result.sql_params).toEqual([20261001, 20261031]);
    });

    it('by device type: mobile 760+200 and web 60+900 tie at 960 and sort by key', async () => {
      const result = await run('watch-time', { ...OCT, by: 'device_type' });
      expect(result.rows).toEqual([
        { device_type: 'tv', watch_seconds: 19900, sessions: 5, viewers: 4 }, // 5800+1200+2400+7500+3000
        { device_type: 'mobile', watch_seconds: 960, sessions: 2, viewers: 2 },
        { device_type: 'web', watch_seconds: 960, sessions: 2, viewers: 2 },
      ]);
    });

    it('by user with limit 2: u_lon 60+7500, u_ny 5800+760+900 (u_tok 4400, u_ghost 2400 cut)', async () => {
      const result = await run('watch-time', { ...OCT, by: 'user', limit: '2' });
      expect(result.rows).toEqual([
        { user_id: 'u_lon', watch_seconds: 7560, sessions: 2, viewers: 1 },
        { user_id: 'u_ny', watch_seconds: 7460, sessions: 3, viewers: 1 },
      ]);
      expect(result.sql).toMatch(/LIMIT 2$/);
    });

    it('filters: device_type=mobile,web by genre → Sci-Fi 200+900, Drama 760, Comedy 60', async () => {
      const result = await run('watch-time', { ...OCT, by: 'genre', device_type: 'mobile,web' });
      expect(result.rows).toEqual([
        { genre: 'Sci-Fi', watch_seconds: 1100, sessions: 2, viewers: 2 },
        { genre: 'Drama', watch_seconds: 760, sessions: 1, viewers: 1 },
        { genre: 'Comedy', watch_seconds: 60, sessions: 1, viewers: 1 },
      ]);
      expect(result.params.device_type).toEqual(['mobile', 'web']);
      expect(result.sql_params).toEqual([20261001, 20261031, 'mobile', 'web']);
    });

    it('filters: genre=Drama by user → u_lon 7500, u_ny 5800+760', async () => {
      const result = await run('watch-time', { ...OCT, by: 'user', genre: 'Drama' });
      expect(result.rows).toEqual([
        { user_id: 'u_lon', watch_seconds: 7500, sessions: 1, viewers: 1 },
        { user_id: 'u_ny', watch_seconds: 6560, sessions: 2, viewers: 1 },
      ]);
    });

    it('filters: content_type=episode by device type → tv 1200, web 900, mobile 200', async () => {
      const result = await run('watch-time', { ...OCT, by: 'device_type', content_type: 'episode' });
      expect(result.rows).toEqual([
        { device_type: 'tv', watch_seconds: 1200, sessions: 1, viewers: 1 },
        { device_type: 'web', watch_seconds: 900, sessions: 1, viewers: 1 },
        { device_type: 'mobile', watch_seconds: 200, sessions: 1, viewers: 1 },
      ]);
    });

    it('filters: subscription_plan=basic (u_tok) by genre → Comedy 3000, Sci-Fi 1200+200', async () => {
      const result = await run('watch-time', { ...OCT, by: 'genre', subscription_plan: 'basic' });
      expect(result.rows).toEqual([
        { genre: 'Comedy', watch_seconds: 3000, sessions: 1, viewers: 1 },
        { genre: 'Sci-Fi', watch_seconds: 1400, sessions: 2, viewers: 1 },
      ]);
    });

    it('filters: country=US,GB by user; all filters combined', async () => {
      const byCountry = await run('watch-time', { ...OCT, by: 'user', country: 'US,GB' });
      expect(byCountry.rows.map((r) => [r.user_id, r.watch_seconds])).toEqual([['u_lon', 7560], ['u_ny', 7460]]);
      // tv ∧ Drama ∧ movie ∧ premium ∧ US → only s1 (u_ny, m_a, tv): 5800.
      const all = await run('watch-time', { ...OCT, by: 'user', device_type: 'tv', genre: 'Drama', content_type: 'movie', subscription_plan: 'premium', country: 'US' });
      expect(all.rows).toEqual([{ user_id: 'u_ny', watch_seconds: 5800, sessions: 1, viewers: 1 }]);
    });

    it('inferred members carry Unknown: plan, country, genre and content type filters find u_ghost/m_ghost', async () => {
      for (const filter of [{ subscription_plan: 'Unknown' }, { country: 'Unknown' }, { genre: 'Unknown' }, { content_type: 'Unknown' }] as Record<string, string>[]) {
        const result = await run('watch-time', { ...OCT, by: 'user', ...filter });
        expect(result.rows, JSON.stringify(filter)).toEqual([{ user_id: 'u_ghost', watch_seconds: 2400, sessions: 1, viewers: 1 }]);
      }
    });

    it('custom period 2026-09-30: s11 (23:30 London) is in, s10 (Sep 30 UTC, Oct 1 Tokyo) is not', async () => {
      const result = await run('watch-time', { from: '2026-09-30', to: '2026-09-30', by: 'user' });
      expect(result.rows).toEqual([{ user_id: 'u_lon', watch_seconds: 100, sessions: 1, viewers: 1 }]);
    });

    it('default period: the month before the newest session (s9, 2026-11-02) is October', async () => {
      const result = await run('watch-time', { by: 'genre' });
      expect(result.params).toMatchObject(OCT);
      expect(result.rows.map((r) => r.genre)).toEqual(['Drama', 'Comedy', 'Unknown', 'Sci-Fi']);
    });
  });

  describe('peak hours', () => {
    const zero = (day_type: string, hour: number, days: number) => ({
      day_type, hour, sessions: 0, watch_seconds: 0, days,
      sessions_per_day: days === 0 ? null : 0, watch_seconds_per_day: days === 0 ? null : 0,
    });

    it('48 rows over October, per day of 22 weekdays and 9 weekend days', async () => {
      const result = await run('peak-hours', OCT);
      expect(result.rows).toHaveLength(48);
      const expected = [
        ...Array.from({ length: 24 }, (_, h) => zero('weekday', h, 22)),
        ...Array.from({ length: 24 }, (_, h) => zero('weekend', h, 9)),
      ];
      const set = (day: 'weekday' | 'weekend', hour: number, sessions: number, watch: number) => {
        const days = day === 'weekday' ? 22 : 9;
        expected[(day === 'weekday' ? 0 : 24) + hour] = {
          day_type: day, hour, sessions, watch_seconds: watch, days, sessions_per_day: sessions / days, watch_seconds_per_day: watch / days,
        };
      };
      set('weekday', 1, 1, 3000); // s10: Thu 01:00 Tokyo (Wed in UTC)
      set('weekday', 9, 1, 5800); // s1
      set('weekday', 19, 2, 820); // s2 760 + s5 60: 2/22 and 820/22 per day
      set('weekday', 20, 1, 7500); // s7 (GMT)
      set('weekday', 23, 1, 900); // s8: Fri 23:30 New York (Sat in UTC)
      set('weekend', 1, 1, 1200); // s3: Sat 01:00 Tokyo (Fri in UTC): 1/9, 1200/9
      set('weekend', 12, 1, 200); // s4
      set('weekend', 22, 1, 2400); // s6 inferred user, dated in UTC
      expect(result.rows).toEqual(expected);
    });

    it('a Mon–Fri period has 5 weekdays and no weekend day: weekend per-day figures are null', async () => {
      const result = await run('peak-hours', { from: '2026-10-05', to: '2026-10-09' });
      const weekday9 = result.rows.find((r) => r.day_type === 'weekday' && r.hour === 9);
      expect(weekday9).toEqual({ day_type: 'weekday', hour: 9, sessions: 1, watch_seconds: 5800, days: 5, sessions_per_day: 0.2, watch_seconds_per_day: 1160 });
      const weekday19 = result.rows.find((r) => r.day_type === 'weekday' && r.hour === 19);
      expect(weekday19).toMatchObject({ sessions: 1, watch_seconds: 760, sessions_per_day: 0.2, watch_seconds_per_day: 152 }); // 760/5
      // s3 starts Fri 9 Oct in UTC but Sat 10 Oct in Tokyo: outside this period.
      expect(result.rows.filter((r) => r.day_type === 'weekend')).toEqual(Array.from({ length: 24 }, (_, h) => zero('weekend', h, 0)));
    });

    it('Fri 9 – Mon 12 Oct: 2 weekdays, 2 weekend days; filter content_type=episode', async () => {
      const result = await run('peak-hours', { from: '2026-10-09', to: '2026-10-12', content_type: 'episode' });
      const nonZero = result.rows.filter((r) => r.sessions !== 0);
      expect(nonZero).toEqual([
        { day_type: 'weekend', hour: 1, sessions: 1, watch_seconds: 1200, days: 2, sessions_per_day: 0.5, watch_seconds_per_day: 600 },
        { day_type: 'weekend', hour: 12, sessions: 1, watch_seconds: 200, days: 2, sessions_per_day: 0.5, watch_seconds_per_day: 100 },
      ]);
      expect(result.rows.find((r) => r.day_type === 'weekday' && r.hour === 0)).toMatchObject({ days: 2, sessions_per_day: 0 });
    });
  });

  describe('completion', () => {
    const item = {
      m_a: { content_id: 'm_a', title: 'Alpha', content_type: 'movie', series_title: null, season_number: null, episode_number: null, genre: 'Drama' },
      m_b: { content_id: 'm_b', title: 'Bravo', content_type: 'movie', series_title: null, season_number: null, episode_number: null, genre: 'Comedy' },
      e_1: { content_id: 'e_1', title: 'Arrival', content_type: 'episode', series_title: 'Xeno', season_number: 1, episode_number: 1, genre: 'Sci-Fi' },
      e_2: { content_id: 'e_2', title: 'Contact', content_type: 'episode', series_title: 'Xeno', season_number: 1, episode_number: 2, genre: 'Sci-Fi' },
      m_ghost: { content_id: 'm_ghost', title: 'Unknown', content_type: 'Unknown', series_title: null, season_number: null, episode_number: null, genre: 'Unknown' },
    };

    it('min_sessions=1: sorted by rate, then sessions, then content_id', async () => {
      const result = await run('completion', { ...OCT, min_sessions: '1' });
      expect(result.params).toEqual({ ...OCT, limit: 100, level: 'item', min_sessions: 1 });
      expect(result.rows).toEqual([
        { ...item.m_a, sessions: 3, completed_sessions: 2, completion_rate: 2 / 3 }, // s1 ✓, s2 ✗, s7 ✓
        { ...item.e_1, sessions: 2, completed_sessions: 1, completion_rate: 0.5 }, // s3 ✓, s8 ✗ (tie with m_b: e_1 < m_b)
        { ...item.m_b, sessions: 2, completed_sessions: 1, completion_rate: 0.5 }, // s10 ✓, s5 ✗ (open)
        { ...item.e_2, sessions: 1, completed_sessions: 0, completion_rate: 0 }, // s4
        { ...item.m_ghost, sessions: 1, completed_sessions: 0, completion_rate: 0 }, // s6: no runtime
      ]);
    });

    it('default min_sessions 10 leaves nothing; min_sessions=2 and limit=2', async () => {
      expect((await run('completion', OCT)).rows).toEqual([]);
      const two = await run('completion', { ...OCT, min_sessions: '2' });
      expect(two.rows.map((r) => r.content_id)).toEqual(['m_a', 'e_1', 'm_b']);
      const limited = await run('completion', { ...OCT, min_sessions: '2', limit: '2' });
      expect(limited.rows.map((r) => r.content_id)).toEqual(['m_a', 'e_1']);
    });

    it('filters: device_type=tv → m_a 2/2 (s1, s7), e_1 1/1 (s3), m_b 1/1 (s10), m_ghost 0/1', async () => {
      const result = await run('completion', { ...OCT, min_sessions: '1', device_type: 'tv' });
      expect(result.rows.map((r) => [r.content_id, r.sessions, r.completed_sessions, r.completion_rate])).toEqual([
        ['m_a', 2, 2, 1],
        ['e_1', 1, 1, 1],
        ['m_b', 1, 1, 1],
        ['m_ghost', 1, 0, 0],
      ]);
    });
  });

  describe('session duration', () => {
    it('October: 9 sessions, continuous percentiles, six buckets', async () => {
      const result = await run('session-duration', OCT);
      expect(result.columns).toEqual([{ name: 'bucket', type: 'string' }, { name: 'sessions', type: 'number' }]);
      // Lengths sorted: 60, 200, 760, 900, 1300, 2400, 3000, 5800, 7500 (sum 21920).
      expect(result.rows).toEqual([
        { bucket: '[0,5m)', sessions: 2 }, // 60, 200
        { bucket: '[5m,15m)', sessions: 1 }, // 760
        { bucket: '[15m,30m)', sessions: 2 }, // 900 (edge), 1300
        { bucket: '[30m,60m)', sessions: 2 }, // 2400, 3000
        { bucket: '[60m,120m)', sessions: 1 }, // 5800
        { bucket: '[120m,∞)', sessions: 1 }, // 7500
      ]);
      const s = result.summary as Record<string, number>;
      expect(s.sessions).toBe(9);
      expect(s.avg_session_seconds).toBeCloseTo(21920 / 9, 9); // 2435.555…
      expect(s.median_session_seconds).toBe(1300); // position (9−1)×0.5 = 4 → 5th value
      expect(s.p90_session_seconds).toBeCloseTo(6140, 6); // position 7.2: 5800 + 0.2 × (7500 − 5800)
      // watch: 5800+760+1200+200+60+2400+7500+900+3000 = 21820
      expect(s.avg_watch_seconds).toBeCloseTo(21820 / 9, 9);
    });

    it('filters: subscription_plan=basic → s10 3000, s3 1300, s4 200', async () => {
      const result = await run('session-duration', { ...OCT, subscription_plan: 'basic' });
      expect(result.rows.map((r) => r.sessions)).toEqual([1, 0, 1, 1, 0, 0]);
      const s = result.summary as Record<string, number>;
      expect(s.sessions).toBe(3);
      expect(s.avg_session_seconds).toBeCloseTo(4500 / 3, 9); // 1500
      expect(s.median_session_seconds).toBe(1300);
      expect(s.p90_session_seconds).toBeCloseTo(2660, 6); // 200,1300,3000: pos 1.8 → 1300 + 0.8 × 1700
      expect(s.avg_watch_seconds).toBeCloseTo(4400 / 3, 9); // 3000 + 1200 + 200
    });

    it('no sessions: six zero buckets and null figures', async () => {
      const result = await run('session-duration', { from: '2026-12-01', to: '2026-12-31' });
      expect(result.rows.map((r) => r.sessions)).toEqual([0, 0, 0, 0, 0, 0]);
      expect(result.summary).toEqual({ sessions: 0, avg_session_seconds: null, median_session_seconds: null, p90_session_seconds: null, avg_watch_seconds: null });
    });
  });

  describe('rating vs popularity', () => {
    it('min_ratings=1: four titles, Pearson and Spearman with tied averages', async () => {
      const result = await run('rating-popularity', { ...OCT, min_ratings: '1' });
      expect(result.params).toEqual({ ...OCT, min_ratings: 1 });
      expect(result.rows).toEqual([
        // m_a: 5 and 4 (the 1 of 09-30 New York is outside); sessions s1, s2, s7
        { title_id: 'm_a', title: 'Alpha', avg_rating: 4.5, rating_count: 2, viewers: 2, sessions: 3, watch_seconds: 14060 },
        // m_b: 4 and 5; sessions s5, s10
        { title_id: 'm_b', title: 'Bravo', avg_rating: 4.5, rating_count: 2, viewers: 2, sessions: 2, watch_seconds: 3060 },
        // s_x: 3, 2, 4 over both episodes (u_tok rated e_1 twice: both count); sessions s3, s4, s8
        { title_id: 's_x', title: 'Xeno', avg_rating: 3, rating_count: 3, viewers: 2, sessions: 3, watch_seconds: 2300 },
        { title_id: 'm_ghost', title: 'Unknown', avg_rating: 1, rating_count: 1, viewers: 1, sessions: 1, watch_seconds: 2400 },
      ]);
      // x = (4.5, 4.5, 3, 1), y = (2, 2, 2, 1): dx = (1.25, 1.25, −.25, −2.25), dy = (.25, .25, .25, −.75)
      // Sxy = 2.25, Sxx = 8.25, Syy = .75 → r = 2.25 / √6.1875
      // ranks x = (3.5, 3.5, 2, 1), ranks y = (3, 3, 3, 1): Sxy = 3, Sxx = 4.5, Syy = 3 → ρ = 3 / √13.5
      expect(result.summary.n).toBe(4);
      expect(result.summary.pearson).toBeCloseTo(2.25 / Math.sqrt(6.1875), 12);
      expect(result.summary.spearman).toBeCloseTo(3 / Math.sqrt(13.5), 12);
    });

    it('default min_ratings 5: no title, n 0, nulls; min_ratings=2: viewers all 2 → no variance → nulls', async () => {
      expect((await run('rating-popularity', OCT)).summary).toEqual({ n: 0, pearson: null, spearman: null });
      const two = await run('rating-popularity', { ...OCT, min_ratings: '2' });
      expect(two.rows.map((r) => r.title_id)).toEqual(['m_a', 'm_b', 's_x']);
      expect(two.summary).toEqual({ n: 3, pearson: null, spearman: null });
    });

    it('device_type=tv drops the web rating of m_b and the mobile rating of e_2, and the non-tv sessions', async () => {
      const result = await run('rating-popularity', { ...OCT, min_ratings: '2', device_type: 'tv' });
      expect(result.rows).toEqual([
        { title_id: 'm_a', title: 'Alpha', avg_rating: 4.5, rating_count: 2, viewers: 2, sessions: 2, watch_seconds: 13300 }, // s1 + s7
        { title_id: 's_x', title: 'Xeno', avg_rating: 3.5, rating_count: 2, viewers: 1, sessions: 1, watch_seconds: 1200 }, // 3, 4; s3
      ]);
      expect(result.summary).toEqual({ n: 2, pearson: null, spearman: null });
    });

    it('rater filters: subscription_plan=Unknown and genre=Unknown keep the inferred rater and title', async () => {
      for (const filter of [{ subscription_plan: 'Unknown' }, { country: 'Unknown' }, { genre: 'Unknown' }] as Record<string, string>[]) {
        const result = await run('rating-popularity', { ...OCT, min_ratings: '1', ...filter });
        expect(result.rows, JSON.stringify(filter)).toEqual([
          { title_id: 'm_ghost', title: 'Unknown', avg_rating: 1, rating_count: 1, viewers: 1, sessions: 1, watch_seconds: 2400 },
        ]);
      }
      // country=JP (u_tok): m_b 4 (session s10: 3000), s_x 3 and 4 → 3.5 (sessions s3 1200 + s4 200); avg desc
      const jp = await run('rating-popularity', { ...OCT, min_ratings: '1', country: 'JP', content_type: 'movie,episode' });
      expect(jp.rows.map((r) => [r.title_id, r.avg_rating, r.rating_count, r.viewers, r.sessions, r.watch_seconds])).toEqual([
        ['m_b', 4, 1, 1, 1, 3000],
        ['s_x', 3.5, 2, 1, 2, 1400],
      ]);
    });
  });
});
