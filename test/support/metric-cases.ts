/**
 * A small, tricky dataset for the metric tests, with every expected figure computed by hand in the tests.
 *
 * Users: u_ny (America/New_York, US, premium), u_tok (Asia/Tokyo +09:00, JP, basic),
 * u_lon (Europe/London, GB, standard; BST until 2026-10-25), u_ghost (no record: inferred, UTC, Unknown).
 * Content: m_a "Alpha" (movie, Drama, 6000 s → completed at ≥ 5700), m_b "Bravo" (movie, Comedy, 3000 s →
 * ≥ 2850), e_1/e_2 (episodes S1E1/S1E2 of series s_x "Xeno", Sci-Fi, 1200 s → ≥ 1140), m_ghost (no
 * record: inferred, Unknown).
 * October 2026: Thu 1 … Sat 31; weekend days 3,4,10,11,17,18,24,25,31 = 9, weekdays 31 − 9 = 22.
 *
 * Sessions (local date, day type, local hour, length, watch, completed, bucket):
 *  s1  u_ny    m_a     tv      Mon 10-05 weekday  9  5800  5800  yes [60m,120m)
 *  s2  u_ny    m_a     mobile  Tue 10-06 weekday 19   760   760  no  [5m,15m)
 *  s3  u_tok   e_1     tv      Sat 10-10 weekend  1  1300  1200  yes [15m,30m)  (Friday 16:00 in UTC)
 *  s4  u_tok   e_2     mobile  Sun 10-11 weekend 12   200   200  no  [0,5m)
 *  s5  u_lon   m_b     web     Wed 10-14 weekday 19    60    60  no  [0,5m)     (open: play, seek)
 *  s6  u_ghost m_ghost tv      Sat 10-17 weekend 22  2400  2400  no  [30m,60m)  (no runtime)
 *  s7  u_lon   m_a     tv      Mon 10-26 weekday 20  7500  7500  yes [120m,∞)   (GMT after BST)
 *  s8  u_ny    e_1     web     Fri 10-30 weekday 23   900   900  no  [15m,30m)  (Saturday in UTC; 900 = bucket edge)
 *  s10 u_tok   m_b     tv      Thu 10-01 weekday  1  3000  3000  yes [30m,60m)  (09-30 in UTC)
 *  s11 u_lon   m_b     tv      Wed 09-30 weekday 23   100   100  no             (outside October)
 *  s9  u_ny    m_b     tv      Mon 11-02 weekday 10   100   100  no             (newest session: November)
 *
 * Ratings (local date): m_a: 5 (u_ny tv 10-05), 4 (u_lon tv 10-26), 1 (u_ny tv 09-30 local, outside);
 * m_b: 4 (u_tok tv 10-01), 5 (u_lon web 10-14); s_x: 3 (u_tok tv e_1 10-10), 2 (u_ny mobile e_2 10-20),
 * 4 (u_tok tv e_1 10-31 23:00 Tokyo); m_ghost: 1 (u_ghost tv 10-17).
 */
import type { Line } from '@/test/support/dataset';

export const users: Line[] = [
  { user_id: 'u_ny', signup_date: '2025-03-14', country: 'US', time_zone: 'America/New_York', age_band: '25-34', subscription_plan: 'premium' },
  { user_id: 'u_tok', signup_date: '2025-06-01', country: 'JP', time_zone: 'Asia/Tokyo', age_band: '18-24', subscription_plan: 'basic' },
  { user_id: 'u_lon', signup_date: '2024-01-20', country: 'GB', time_zone: 'Europe/London', age_band: '45-54', subscription_plan: 'standard' },
];

export const content: Line[] = [
  { content_id: 'm_a', content_type: 'movie', title: 'Alpha', genre: 'Drama', release_year: 2019, runtime_seconds: 6000, maturity_rating: 'PG-13' },
  { content_id: 'm_b', content_type: 'movie', title: 'Bravo', genre: 'Comedy', release_year: 2020, runtime_seconds: 3000, maturity_rating: 'PG' },
  { content_id: 'e_1', content_type: 'episode', title: 'Arrival', genre: 'Sci-Fi', release_year: 2023, runtime_seconds: 1200, maturity_rating: 'TV-14', series_id: 's_x', series_title: 'Xeno', season_number: 1, episode_number: 1 },
  { content_id: 'e_2', content_type: 'episode', title: 'Contact', genre: 'Sci-Fi', release_year: 2023, runtime_seconds: 1200, maturity_rating: 'TV-14', series_id: 's_x', series_title: 'Xeno', season_number: 1, episode_number: 2 },
];

const devices = {
  tv: { device_id: 'd_tv', device_type: 'tv', os: 'tizen', app_version: '5.2.1' },
  mobile: { device_id: 'd_mob', device_type: 'mobile', os: 'ios', app_version: '1.0.0' },
  web: { device_id: 'd_web', device_type: 'web', os: 'chrome', app_version: '1.0.0' },
};
type DeviceName = keyof typeof devices;

/** [type, seconds after the start, position] */
type Step = [type: string, offset: number, position: number];

function session(id: string, user: string, contentId: string, device: DeviceName, start: string, steps: Step[]): Line[] {
  const t0 = Date.parse(start);
  return steps.map(([type, offset, position], i) => ({
    event_id: `${id}_${i}`,
    event_type: type,
    event_ts: new Date(t0 + offset * 1000).toISOString(),
    session_id: id,
    user_id: user,
    content_id: contentId,
    device: devices[device],
    position_seconds: position,
  }));
}

function rate(id: string, user: string, contentId: string, device: DeviceName, ts: string, rating: number): Line {
  return { event_id: id, event_type: 'rate', event_ts: ts, user_id: user, content_id: contentId, device: devices[device], rating };
}

const sessions: Line[] = [
  ...session('s1', 'u_ny', 'm_a', 'tv', '2026-10-05T13:00:00Z', [['play', 0, 0], ['stop', 5800, 5800]]),
  ...session('s2', 'u_ny', 'm_a', 'mobile', '2026-10-06T23:30:00Z', [['play', 0, 0], ['stop', 760, 760]]),
  ...session('s3', 'u_tok', 'e_1', 'tv', '2026-10-09T16:00:00Z', [['play', 0, 0], ['pause', 300, 300], ['play', 400, 300], ['stop', 1300, 1200]]),
  ...session('s4', 'u_tok', 'e_2', 'mobile', '2026-10-11T03:00:00Z', [['play', 0, 0], ['stop', 200, 200]]),
  ...session('s5', 'u_lon', 'm_b', 'web', '2026-10-14T18:00:00Z', [['play', 0, 0], ['seek', 60, 900]]),
  ...session('s6', 'u_ghost', 'm_ghost', 'tv', '2026-10-17T22:00:00Z', [['play', 0, 0], ['stop', 2400, 2400]]),
  ...session('s7', 'u_lon', 'm_a', 'tv', '2026-10-26T20:00:00Z', [['play', 0, 0], ['stop', 7500, 5750]]),
  ...session('s8', 'u_ny', 'e_1', 'web', '2026-10-31T03:30:00Z', [['play', 0, 0], ['stop', 900, 900]]),
  ...session('s9', 'u_ny', 'm_b', 'tv', '2026-11-02T15:00:00Z', [['play', 0, 0], ['stop', 100, 100]]),
  ...session('s10', 'u_tok', 'm_b', 'tv', '2026-09-30T16:00:00Z', [['play', 0, 0], ['stop', 3000, 2900]]),
  ...session('s11', 'u_lon', 'm_b', 'tv', '2026-09-30T22:30:00Z', [['play', 0, 0], ['stop', 100, 100]]),
];

const ratings: Line[] = [
  rate('rA1', 'u_ny', 'm_a', 'tv', '2026-10-05T14:00:00Z', 5),
  rate('rA2', 'u_lon', 'm_a', 'tv', '2026-10-26T23:00:00Z', 4),
  rate('rA0', 'u_ny', 'm_a', 'tv', '2026-10-01T02:00:00Z', 1),
  rate('rB1', 'u_tok', 'm_b', 'tv', '2026-10-01T03:00:00Z', 4),
  rate('rB2', 'u_lon', 'm_b', 'web', '2026-10-14T18:30:00Z', 5),
  rate('rX1', 'u_tok', 'e_1', 'tv', '2026-10-10T00:00:00Z', 3),
  rate('rX2', 'u_ny', 'e_2', 'mobile', '2026-10-20T12:00:00Z', 2),
  rate('rX3', 'u_tok', 'e_1', 'tv', '2026-10-31T14:00:00Z', 4),
  rate('rG1', 'u_ghost', 'm_ghost', 'tv', '2026-10-17T23:00:00Z', 1),
];

export const events: Record<string, Line[]> = { 'events-1.jsonl': [...sessions, ...ratings] };

export const NOW = new Date('2026-11-20T00:00:00Z');
