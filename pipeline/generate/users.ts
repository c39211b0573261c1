/**
 * Subscribers and their devices. Markets pair a country with one of its IANA zones (including
 * a half-hour zone, Asia/Kolkata, and a southern-hemisphere DST zone, Australia/Sydney), so the
 * local-time dashboards are exercised. Each user owns 1–3 devices with stable ids.
 */
import { GENRE_WEIGHTS, GENRES, type Genre } from './catalog';
import { at, Weighted, type Rng } from './random';
import { formatDay } from './time';
import { ZoneClock } from './zones';

export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55+'] as const;
export const PLANS = ['basic', 'standard', 'premium'] as const;
export const DEVICE_TYPES = ['tv', 'mobile', 'web', 'tablet', 'console'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

const MARKETS = [
  { country: 'US', zone: 'America/New_York', weight: 14 },
  { country: 'US', zone: 'America/Chicago', weight: 7 },
  { country: 'US', zone: 'America/Denver', weight: 3 },
  { country: 'US', zone: 'America/Los_Angeles', weight: 10 },
  { country: 'CA', zone: 'America/Toronto', weight: 4 },
  { country: 'MX', zone: 'America/Mexico_City', weight: 4 },
  { country: 'BR', zone: 'America/Sao_Paulo', weight: 8 },
  { country: 'GB', zone: 'Europe/London', weight: 9 },
  { country: 'DE', zone: 'Europe/Berlin', weight: 8 },
  { country: 'FR', zone: 'Europe/Paris', weight: 5 },
  { country: 'ES', zone: 'Europe/Madrid', weight: 4 },
  { country: 'IN', zone: 'Asia/Kolkata', weight: 8 },
  { country: 'JP', zone: 'Asia/Tokyo', weight: 6 },
  { country: 'AU', zone: 'Australia/Sydney', weight: 6 },
] as const;

const OS_BY_TYPE: Record<DeviceType, Weighted<string>> = {
  tv: new Weighted(['tizen', 'webos', 'roku', 'androidtv', 'tvos'], [30, 25, 20, 15, 10]),
  mobile: new Weighted(['ios', 'android'], [45, 55]),
  web: new Weighted(['windows', 'macos', 'chromeos', 'linux'], [50, 32, 10, 8]),
  tablet: new Weighted(['ipados', 'android'], [60, 40]),
  console: new Weighted(['playstation', 'xbox'], [55, 45]),
};
/** Current app release per device family: [major, latest minor]. */
const APP_RELEASE: Record<DeviceType, readonly [number, number]> = {
  tv: [5, 4], mobile: [8, 15], web: [3, 9], tablet: [8, 15], console: [2, 6],
};
/** Device mix by age band (18-24 … 55+): the young watch on phones, the older on the TV. */
const DEVICE_MIX = [
  [30, 40, 15, 7, 8], [42, 27, 15, 7, 9], [48, 22, 14, 9, 7], [52, 18, 16, 11, 3], [58, 14, 14, 13, 1],
].map((w) => new Weighted<DeviceType>(DEVICE_TYPES, w));

export interface Device {
  /** `device_id` is `d_<number>` (kept as a number: a run may hold hundreds of thousands). */
  readonly number: number;
  readonly type: DeviceType;
  readonly os: string;
  readonly version: string;
  /** The app upgrades to `upgradedVersion` from this epoch day on (never, when Infinity). */
  readonly upgradeDay: number;
  readonly upgradedVersion: string;
  /** Some app builds send local time with a numeric offset instead of UTC `Z`. */
  readonly sendsOffset: boolean;
}

export interface UserProfile {
  readonly index: number;
  readonly id: string;
  readonly country: string;
  readonly clock: ZoneClock;
  readonly ageBand: (typeof AGE_BANDS)[number];
  readonly plan: (typeof PLANS)[number];
  readonly signupDay: number;
  /** Mean sessions started from the home screen per day (binge continuations come on top). */
  readonly activity: number;
  /** Chance of letting autoplay run into the next episode after finishing one. */
  readonly binge: number;
  readonly favouriteGenre: Genre;
  readonly devices: readonly Device[];
  // Viewing state, carried from session to session by the viewing model.
  seriesIndex: number;
  nextEpisode: number;
  partialItem: number;
  partialMs: number;
}

export interface UserOptions {
  count: number;
  firstDay: number;
  lastDay: number;
  /** Mean home-screen sessions per active user per day. */
  activity: number;
}

const GOLDEN = 0.6180339887498949;

export function buildUsers(rng: Rng, options: UserOptions): UserProfile[] {
  const markets = new Weighted(MARKETS, MARKETS.map((m) => m.weight));
  const clocks = new Map<string, ZoneClock>(MARKETS.map((m) => [m.zone, new ZoneClock(m.zone)]));
  const ageBands = new Weighted(AGE_BANDS, [18, 30, 24, 16, 12]);
  const plans = new Weighted(PLANS, [30, 45, 25]);
  // Favourites follow the catalog's mix: a niche genre with few titles and many fans would
  // hand its top title an outsized share of all viewing.
  const genres = new Weighted(GENRES, GENRE_WEIGHTS);
  const width = String(options.count).length;
  const start = rng.float();
  // Version strings repeat across devices; sharing one copy of each keeps users small in memory.
  const versions = new Map<string, string>();
  const intern = (text: string) => versions.get(text) ?? (versions.set(text, text), text);
  let deviceNumber = 0;
  const users: UserProfile[] = [];
  for (let i = 0; i < options.count; i++) {
    // Golden-ratio stratification instead of a free draw: even a 50-user test dataset gets
    // every market (Kolkata and Sydney included) in proportion to its weight.
    const market = at(markets.items, markets.indexOf(((start + i * GOLDEN) % 1) * markets.total));
    const ageIndex = ageBands.indexOf(rng.float() * ageBands.total);
    const signupDay = rng.chance(0.85)
      ? options.firstDay - 1 - Math.min(2000, Math.floor(rng.exp(450)))
      : rng.int(options.firstDay, options.lastDay);
    const devices: Device[] = [];
    const deviceCount = rng.float() < 0.45 ? 1 : rng.float() < 0.7 ? 2 : 3;
    for (let d = 0; d < deviceCount; d++) {
      const type = at(DEVICE_MIX, ageIndex).pick(rng);
      const [major, latest] = APP_RELEASE[type];
      const minor = rng.chance(0.6) ? latest : latest - rng.int(1, 3);
      devices.push({
        number: ++deviceNumber, type, os: OS_BY_TYPE[type].pick(rng),
        version: intern(`${major}.${minor}.${rng.int(0, 4)}`),
        upgradeDay: rng.chance(0.35) ? rng.int(options.firstDay, options.lastDay) : Infinity,
        upgradedVersion: intern(`${major}.${minor + 1}.0`),
        sendsOffset: rng.chance(0.05),
      });
    }
    users.push({
      index: i, id: `u_${String(i + 1).padStart(Math.max(5, width), '0')}`,
      country: market.country, clock: clocks.get(market.zone) as ZoneClock,
      ageBand: at(AGE_BANDS, ageIndex), plan: plans.pick(rng), signupDay,
      activity: rng.logNormal(options.activity, 0.8), binge: rng.range(0.2, 0.75),
      favouriteGenre: genres.pick(rng), devices,
      seriesIndex: -1, nextEpisode: 0, partialItem: -1, partialMs: 0,
    });
  }
  return users;
}

/** One `users.jsonl` line; key order as in the contract's example. */
export function userLine(user: UserProfile): string {
  return JSON.stringify({
    user_id: user.id, signup_date: formatDay(user.signupDay), country: user.country,
    time_zone: user.clock.zone, age_band: user.ageBand, subscription_plan: user.plan,
  });
}

/** Primary device most of the time, the others now and then. */
export function pickDevice(rng: Rng, user: UserProfile): Device {
  const r = rng.float();
  const i = r < 0.65 ? 0 : r < 0.9 ? 1 : 2;
  return at(user.devices, Math.min(i, user.devices.length - 1));
}

/** The `device` object of an event as JSON text, with the app version current on `day`. */
export function deviceJson(device: Device, day: number): string {
  const version = day >= device.upgradeDay ? device.upgradedVersion : device.version;
  return `{"device_id":"d_${device.number}","device_type":"${device.type}","os":"${device.os}","app_version":"${version}"}`;
}
