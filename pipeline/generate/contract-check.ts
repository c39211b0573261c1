/**
 * Test support: a strict reading of ../shared/spec/dataset.md, plus the generator's own id
 * formats and key order. `checkX(line)` returns why a line breaks the contract, or null. The
 * generator's tests run every line through it, so "malformed" means exactly "rejected here".
 */

export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55+'];
export const PLANS = ['basic', 'standard', 'premium'];
export const DEVICE_TYPES = ['tv', 'mobile', 'web', 'tablet', 'console'];
const USER_KEYS = ['user_id', 'signup_date', 'country', 'time_zone', 'age_band', 'subscription_plan'];
const MOVIE_KEYS = ['content_id', 'content_type', 'title', 'genre', 'release_year', 'runtime_seconds', 'maturity_rating'];
const EPISODE_KEYS = [...MOVIE_KEYS, 'series_id', 'series_title', 'season_number', 'episode_number'];
const PLAYER_KEYS = ['event_id', 'event_type', 'event_ts', 'user_id', 'session_id', 'content_id', 'device', 'position_seconds'];
const RATE_KEYS = ['event_id', 'event_type', 'event_ts', 'user_id', 'session_id', 'content_id', 'rating', 'device'];
const DEVICE_KEYS = ['device_id', 'device_type', 'os', 'app_version'];
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;

type Json = Record<string, unknown>;

const isString = (v: unknown, max = 64): v is string => typeof v === 'string' && v.length >= 1 && v.length <= max;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function parseObject(line: string): Json | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : 'not a JSON object';
}

function keysAre(obj: Json, expected: readonly string[]): string | null {
  const keys = Object.keys(obj).join(',');
  return keys === expected.join(',') ? null : `keys ${keys} are not ${expected.join(',')}`;
}

/** A strict calendar date `YYYY-MM-DD`. */
export function isDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
}

/** Epoch milliseconds of an ISO-8601 timestamp with `Z` or an offset, or null. */
export function parseTimestamp(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = TIMESTAMP.exec(v);
  if (!m || !isDate(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return null;
  if (m[9] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? ms : null;
}

export function isTimeZone(v: unknown): boolean {
  if (typeof v !== 'string' || !v.includes('/')) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return true;
  } catch {
    return false;
  }
}

export function checkUserLine(line: string): string | null {
  const u = parseObject(line);
  if (typeof u === 'string') return u;
  return (
    keysAre(u, USER_KEYS) ??
    (!isString(u.user_id) || !/^u_\d{5,}$/.test(u.user_id) ? 'bad user_id' : null) ??
    (!isDate(u.signup_date) ? 'bad signup_date' : null) ??
    (typeof u.country !== 'string' || !/^[A-Z]{2}$/.test(u.country) ? 'bad country' : null) ??
    (!isTimeZone(u.time_zone) ? 'bad time_zone' : null) ??
    (!AGE_BANDS.includes(u.age_band as string) ? 'bad age_band' : null) ??
    (!PLANS.includes(u.subscription_plan as string) ? 'bad subscription_plan' : null)
  );
}

export function checkContentLine(line: string): string | null {
  const c = parseObject(line);
  if (typeof c === 'string') return c;
  const common =
    (!isString(c.title, 200) ? 'bad title' : null) ??
    (!isString(c.genre) ? 'bad genre' : null) ??
    (!isInt(c.release_year) || c.release_year < 1900 || c.release_year > 2100 ? 'bad release_year' : null) ??
    (!isInt(c.runtime_seconds) || c.runtime_seconds <= 0 ? 'bad runtime_seconds' : null) ??
    (!isString(c.maturity_rating) ? 'bad maturity_rating' : null);
  if (c.content_type === 'movie') {
    return keysAre(c, MOVIE_KEYS) ?? (typeof c.content_id !== 'string' || !/^m_\d{4}$/.test(c.content_id) ? 'bad movie id' : null) ?? common;
  }
  if (c.content_type !== 'episode') return 'bad content_type';
  const m = typeof c.content_id === 'string' ? /^e_(\d{4})_(\d{2})_(\d{2})$/.exec(c.content_id) : null;
  return (
    keysAre(c, EPISODE_KEYS) ??
    (!m ? 'bad episode id' : null) ??
    common ??
    (c.series_id !== `s_${m?.[1]}` ? 'series_id does not match the episode id' : null) ??
    (!isString(c.series_title, 200) ? 'bad series_title' : null) ??
    (!isInt(c.season_number) || c.season_number < 1 || c.season_number !== Number(m?.[2]) ? 'bad season_number' : null) ??
    (!isInt(c.episode_number) || c.episode_number < 1 || c.episode_number !== Number(m?.[3]) ? 'bad episode_number' : null)
  );
}

function checkDevice(d: unknown): string | null {
  if (d === null || typeof d !== 'object' || Array.isArray(d)) return 'device is not an object';
  const device = d as Json;
  return (
    keysAre(device, DEVICE_KEYS) ??
    (typeof device.device_id !== 'string' || !/^d_\d+$/.test(device.device_id) ? 'bad device_id' : null) ??
    (!DEVICE_TYPES.includes(device.device_type as string) ? 'bad device_type' : null) ??
    (!isString(device.os) ? 'bad os' : null) ??
    (typeof device.app_version !== 'string' || !/^\d+\.\d+\.\d+$/.test(device.app_version) ? 'bad app_version' : null)
  );
}

export function checkEventLine(line: string): string | null {
  const e = parseObject(line);
  if (typeof e === 'string') return e;
  const common =
    (typeof e.event_id !== 'string' || !/^[0-9a-f]{16}$/.test(e.event_id) ? 'bad event_id' : null) ??
    (parseTimestamp(e.event_ts) === null ? 'bad event_ts' : null) ??
    (!isString(e.user_id) ? 'bad user_id' : null) ??
    (!isString(e.content_id) ? 'bad content_id' : null) ??
    checkDevice(e.device);
  const sessionId = (v: unknown) => (typeof v !== 'string' || !/^ps_[0-9a-f]{16}$/.test(v) ? 'bad session_id' : null);
  if (e.event_type === 'rate') {
    const keys = 'session_id' in e ? RATE_KEYS : RATE_KEYS.filter((k) => k !== 'session_id');
    return (
      keysAre(e, keys) ??
      common ??
      ('session_id' in e ? sessionId(e.session_id) : null) ??
      (!isInt(e.rating) || e.rating < 1 || e.rating > 5 ? 'rating outside 1..5' : null)
    );
  }
  if (!['play', 'pause', 'seek', 'stop'].includes(e.event_type as string)) return 'unknown event_type';
  return (
    keysAre(e, PLAYER_KEYS) ??
    common ??
    sessionId(e.session_id) ??
    (typeof e.position_seconds !== 'number' || !(e.position_seconds >= 0) ? 'bad position_seconds' : null)
  );
}
