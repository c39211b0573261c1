import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { Warehouse } from '@/db/warehouse';
import { loadDataset } from '@/pipeline/load/load-dataset';
import { writeDataset, type Line } from '@/test/support/dataset';
import { content } from '@/test/support/metric-cases';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { runMetric } from './index';

/**
 * Distinct viewers from agg_viewer_day's previous dates, against viewers counted here in TypeScript from
 * the sessions themselves: random sessions arrive in successive loads (so the rollup is also maintained
 * incrementally), viewers return to the same genre, title and device on several days, and each request
 * takes a random period and random filters, single values (counted by first rows) and several values
 * (counted as groups) alike.
 */

const NOW = new Date('2026-12-01T00:00:00Z');
const COUNTRIES = ['US', 'JP', 'US', 'GB'];
const users: Line[] = COUNTRIES.map((country, i) => ({
  user_id: `v${i}`,
  signup_date: '2025-01-01',
  country,
  time_zone: 'UTC',
  age_band: '25-34',
  subscription_plan: i % 2 === 0 ? 'basic' : 'premium',
}));
// m_a Drama and m_b Comedy movies; e_1 and e_2 Sci-Fi episodes of one title, s_x.
const ITEMS = [
  { id: 'm_a', genre: 'Drama', title: 'm_a' },
  { id: 'm_b', genre: 'Comedy', title: 'm_b' },
  { id: 'e_1', genre: 'Sci-Fi', title: 's_x' },
  { id: 'e_2', genre: 'Sci-Fi', title: 's_x' },
];
const DEVICE_TYPES = ['tv', 'mobile', 'web'] as const;

interface Session {
  user: number;
  item: number;
  device: number;
  day: number;
  hour: number;
  rating: number;
}

const session = fc.record({
  user: fc.integer({ min: 0, max: COUNTRIES.length - 1 }),
  item: fc.integer({ min: 0, max: ITEMS.length - 1 }),
  device: fc.integer({ min: 0, max: DEVICE_TYPES.length - 1 }),
  day: fc.integer({ min: 1, max: 6 }),
  hour: fc.integer({ min: 0, max: 22 }),
  rating: fc.integer({ min: 1, max: 5 }),
});

/** Each filter absent two times in three, else one value or several, so that most requests select sessions. */
const maybe = (...values: string[][]) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: fc.constantFrom(...values), weight: 1 });
const filters = fc
  .record({
    device_type: maybe(['tv'], ['tv', 'mobile']),
    genre: maybe(['Sci-Fi'], ['Drama', 'Sci-Fi']),
    content_type: maybe(['episode'], ['movie']),
    country: maybe(['US'], ['JP', 'GB']),
    subscription_plan: maybe(['basic'], ['basic', 'premium']),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Filters);

const period = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 })).map(([from, span]) => [from, Math.min(6, from + span)] as const);

const day = (d: number) => `2026-10-0${d}`;

function lines(sessions: readonly Session[], firstId: number): Line[] {
  return sessions.flatMap((s, i) => {
    const id = `r${firstId + i}`;
    const start = Date.parse(`${day(s.day)}T${String(s.hour).padStart(2, '0')}:00:00Z`);
    const common = { user_id: `v${s.user}`, content_id: ITEMS[s.item]?.id, device: { device_id: `d${s.user}_${s.device}`, device_type: DEVICE_TYPES[s.device], os: 'x', app_version: '1' } };
    return [
      { ...common, event_id: `${id}_play`, event_type: 'play', event_ts: new Date(start).toISOString(), session_id: id, position_seconds: 0 },
      { ...common, event_id: `${id}_stop`, event_type: 'stop', event_ts: new Date(start + 600_000).toISOString(), session_id: id, position_seconds: 600 },
      { ...common, event_id: `${id}_rate`, event_type: 'rate', event_ts: new Date(start + 601_000).toISOString(), rating: s.rating },
    ];
  });
}

type Filters = Partial<Record<'device_type' | 'genre' | 'content_type' | 'country' | 'subscription_plan', readonly string[]>>;

/** The sessions a request selects, with each one's attributes. */
function selected(all: readonly Session[], [from, to]: readonly [number, number], f: Filters) {
  return all
    .map((s) => ({
      ...s,
      genre: ITEMS[s.item]?.genre ?? '',
      title: ITEMS[s.item]?.title ?? '',
      type: s.item < 2 ? 'movie' : 'episode',
      deviceType: DEVICE_TYPES[s.device] ?? '',
      country: COUNTRIES[s.user] ?? '',
      plan: s.user % 2 === 0 ? 'basic' : 'premium',
    }))
    .filter(
      (s) =>
        s.day >= from &&
        s.day <= to &&
        (!f.device_type || f.device_type.includes(s.deviceType)) &&
        (!f.genre || f.genre.includes(s.genre)) &&
        (!f.content_type || f.content_type.includes(s.type)) &&
        (!f.country || f.country.includes(s.country)) &&
        (!f.subscription_plan || f.subscription_plan.includes(s.plan)),
    );
}

/** Viewers per key, counted from the sessions: the definition, with no SQL. */
function viewersBy<T>(sessions: readonly T[], key: (s: T) => string, user: (s: T) => number): Record<string, number> {
  const sets = new Map<string, Set<number>>();
  for (const s of sessions) sets.set(key(s), (sets.get(key(s)) ?? new Set()).add(user(s)));
  return Object.fromEntries([...sets].map(([k, v]) => [k, v.size]));
}

describeEachEngine('distinct viewers from first rows by previous date', (harness) => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await harness.migrated();
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  it('equal the viewers counted from the sessions, and the fact path, for any sessions, loads, periods and filters', async () => {
    const loaded: Session[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(session, { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(period, filters), { minLength: 4, maxLength: 4 }), async (batch, requests) => {
        await loadDataset(warehouse, writeDataset({ users, content, events: { [`events-${loaded.length}.jsonl`]: lines(batch, loaded.length) } }), { now: NOW });
        loaded.push(...batch);
        for (const [dates, f] of requests) {
          const raw = { from: day(dates[0]), to: day(dates[1]), ...Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.join(',')])) };
          const picked = selected(loaded, dates, f);
          for (const by of ['genre', 'device_type', 'user'] as const) {
            const auto = await runMetric('watch-time', { ...raw, by }, warehouse, { now: NOW });
            const fact = await runMetric('watch-time', { ...raw, by }, warehouse, { now: NOW, source: 'fact' });
            expect(auto.sql).toContain('FROM agg_viewer_day AS a');
            const key = by === 'genre' ? 'genre' : by === 'device_type' ? 'device_type' : 'user_id';
            const expected = viewersBy(picked, (s) => (by === 'genre' ? s.genre : by === 'device_type' ? s.deviceType : `v${s.user}`), (s) => s.user);
            expect(Object.fromEntries(auto.rows.map((r) => [r[key], r.viewers])), `${by} ${JSON.stringify(raw)}`).toEqual(expected);
            expect(auto.rows.map((r) => r.sessions)).toEqual(fact.rows.map((r) => r.sessions));
            expect(auto.rows).toEqual(fact.rows);
          }
          const ratedAuto = await runMetric('rating-popularity', { ...raw, min_ratings: '1' }, warehouse, { now: NOW });
          const ratedFact = await runMetric('rating-popularity', { ...raw, min_ratings: '1' }, warehouse, { now: NOW, source: 'fact' });
          const titleViewers = viewersBy(picked, (s) => s.title, (s) => s.user);
          for (const row of ratedAuto.rows) expect(row.viewers, `${String(row.title_id)} ${JSON.stringify(raw)}`).toBe(titleViewers[String(row.title_id)] ?? 0);
          expect(ratedAuto.rows).toEqual(ratedFact.rows);
        }
      }),
      { numRuns: 12, seed: 20261202 },
    );
  });
});
