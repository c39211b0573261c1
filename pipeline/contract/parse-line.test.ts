import { describe, expect, it } from 'vitest';

import { parseLine } from './parse-line';
import { parseTimestamp } from './timestamp';

const device = { device_id: 'd_77', device_type: 'tv', os: 'tizen', app_version: '5.2.1' };
const play = { event_id: 'e1', event_type: 'play', event_ts: '2026-10-03T19:02:11.250Z', user_id: 'u_1', session_id: 'ps_1', content_id: 'm_1', device, position_seconds: 0 };
const rate = { event_id: 'e2', event_type: 'rate', event_ts: '2026-10-03T20:01:40Z', user_id: 'u_1', content_id: 'm_1', rating: 4, device };
const line = (o: object) => JSON.stringify(o);

describe('event_ts', () => {
  it.each([
    ['2026-10-03T19:02:11.250Z', '2026-10-03 19:02:11.250'],
    ['2026-10-03T21:02:11.250+02:00', '2026-10-03 19:02:11.250'],
    ['2026-10-03T14:32:11.25-0430', '2026-10-03 19:02:11.250'],
    ['2026-10-04T00:32:11+05:30', '2026-10-03 19:02:11.000'],
    ['2026-10-03T19:02:11.123999Z', '2026-10-03 19:02:11.123'],
    ['2024-02-29T00:00:00Z', '2024-02-29 00:00:00.000'],
  ])('%s is %s UTC', (input, utc) => {
    expect(parseTimestamp(input)?.utc).toBe(utc);
  });

  it.each(['2026-10-03T19:02:11', '2026-02-30T00:00:00Z', '2026-10-03T24:00:00Z', '2026-10-03', 'yesterday', '2026-10-03T19:02:11+25:00', '2025-02-29T00:00:00Z'])('refuses %s', (input) => {
    expect(parseTimestamp(input)).toBeNull();
  });
});

describe('event lines', () => {
  it('accepts the contract examples', () => {
    const parsed = parseLine('event', line(play));
    expect(parsed).toMatchObject({ ok: true, value: { event_type: 'play', event_ts: { utc: '2026-10-03 19:02:11.250' }, position_seconds: 0 } });
    expect(parseLine('event', line(rate))).toMatchObject({ ok: true, value: { rating: 4 } });
    expect(parseLine('event', line({ ...rate, session_id: null }))).toMatchObject({ ok: true });
  });

  it.each([
    ['{"event_id": "e1", ', 'not valid JSON'],
    ['[1,2]', 'not a JSON object'],
    [line({ ...play, event_type: 'rewind' }), 'event_type: must be one of play, pause, seek, stop, rate'],
    [line({ ...play, event_ts: 'soon' }), 'event_ts: must be an ISO-8601 timestamp with Z or an offset'],
    [line({ ...play, event_ts: '2009-01-01T00:00:00Z' }), 'event_ts: must fall within the warehouse calendar 2015-01-01..2035-12-31'],
    [line({ ...play, session_id: undefined }), 'session_id: is required'],
    [line({ ...play, position_seconds: '12' }), 'position_seconds: must be a number'],
    [line({ ...play, position_seconds: -1 }), 'position_seconds: must be at least 0'],
    [line({ ...rate, rating: 7 }), 'rating: must be at most 5'],
    [line({ ...rate, rating: 3.5 }), 'rating: must be an integer'],
    [line({ ...rate, rating: undefined }), 'rating: is required'],
    [line({ ...play, device: { ...device, device_type: 'fridge' } }), 'device.device_type: must be one of tv, mobile, web, tablet, console'],
    [line({ ...play, device: undefined }), 'device: is required'],
    [line({ ...play, user_id: '' }), 'user_id: must not be empty'],
    [line({ ...play, user_id: 'u'.repeat(65) }), 'user_id: must be at most 64 characters'],
    [line({ ...play, content_id: 'm\u0000' }), 'content_id: must not contain NUL characters'],
  ])('refuses %s with a reason', (input, reason) => {
    expect(parseLine('event', input)).toEqual({ ok: false, reason });
  });
});

describe('dimension lines', () => {
  const user = { user_id: 'u_00042', signup_date: '2025-03-14', country: 'US', time_zone: 'America/New_York', age_band: '25-34', subscription_plan: 'premium' };
  const movie = { content_id: 'm_0007', content_type: 'movie', title: 'The Long Night', genre: 'Drama', release_year: 2019, runtime_seconds: 6420, maturity_rating: 'PG-13' };
  const episode = { ...movie, content_id: 'e_0101_01_03', content_type: 'episode', series_id: 's_0101', series_title: 'Dockside', season_number: 1, episode_number: 3 };

  it('accepts the contract examples', () => {
    expect(parseLine('user', line(user)).ok).toBe(true);
    expect(parseLine('user', line({ ...user, time_zone: 'Asia/Kolkata' })).ok).toBe(true);
    expect(parseLine('content', line(movie)).ok).toBe(true);
    expect(parseLine('content', line(episode)).ok).toBe(true);
  });

  it.each([
    ['user', line({ ...user, time_zone: 'Mars/Olympus' }), 'time_zone: must be an IANA time zone'],
    ['user', line({ ...user, age_band: '65+' }), 'age_band: must be one of 18-24, 25-34, 35-44, 45-54, 55+'],
    ['user', line({ ...user, signup_date: '2025-02-30' }), 'signup_date: must be a date YYYY-MM-DD'],
    ['user', line({ ...user, country: 'usa' }), 'country: must be an ISO 3166-1 alpha-2 code'],
    ['content', line({ ...movie, runtime_seconds: 0 }), 'runtime_seconds: must be at least 1'],
    ['content', line({ ...movie, content_type: 'short' }), 'content_type: must be one of movie, episode'],
    ['content', line({ ...episode, season_number: undefined }), 'season_number: is required'],
    ['content', line({ ...movie, release_year: '2019' }), 'release_year: must be a number'],
  ] as const)('refuses a bad %s record', (kind, input, reason) => {
    expect(parseLine(kind, input)).toEqual({ ok: false, reason });
  });
});

describe('canonical timestamps', () => {
  it.each(['2026-02-30T00:00:00.000Z', '2026-10-03T24:00:00.000Z', '2026-13-01T00:00:00.000Z', '2025-02-29T12:00:00.000Z', '2026-10-03T12:60:00.000Z'])('refuses %s, which Date.parse would roll over', (input) => {
    expect(parseTimestamp(input)).toBeNull();
  });

  it('reads the epoch and UTC text of the common form', () => {
    expect(parseTimestamp('2024-02-29T23:59:59.999Z')).toEqual({ epochMs: Date.UTC(2024, 1, 29, 23, 59, 59, 999), utc: '2024-02-29 23:59:59.999' });
  });
});
