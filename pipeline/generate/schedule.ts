/**
 * When sessions start. Each user starts a Poisson number of home-screen sessions per day, at
 * times drawn from a local-time profile: weekdays peak at 20–22 h, weekends are flatter with
 * afternoon viewing and later nights. The profile is laid over the UTC day in quarter-hour
 * slots per zone (quarter hours make Asia/Kolkata's +05:30 exact), which also makes weekend
 * days busier in each user's own calendar, DST shifts included. The period is a range of
 * *local* dates: every user gets whole local days, so a dashboard over the period sees no
 * half-empty first or last evening in any zone.
 */
import type { Rng } from './random';
import { DAY_MS, HOUR_MS, weekdayOf } from './time';
import type { UserProfile } from './users';
import type { ZoneClock } from './zones';

/** Relative start rates per local hour 0–23. */
const WEEKDAY = [
  0.45, 0.22, 0.1, 0.05, 0.04, 0.05, 0.1, 0.18, 0.2, 0.2, 0.22, 0.26,
  0.36, 0.32, 0.3, 0.32, 0.4, 0.55, 0.8, 1.2, 1.75, 2.0, 1.55, 0.95,
];
const WEEKEND = [
  0.85, 0.55, 0.3, 0.14, 0.08, 0.06, 0.08, 0.14, 0.24, 0.38, 0.55, 0.7,
  0.85, 0.95, 1.0, 1.0, 1.0, 1.05, 1.15, 1.35, 1.6, 1.75, 1.55, 1.25,
];
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** Mean daily weight over a week; a user's expected starts per day are `activity` on average. */
const MEAN_DAY_WEIGHT = (5 * sum(WEEKDAY) + 2 * sum(WEEKEND)) / 7;

const SLOT_MS = 15 * 60_000;
const SLOTS = DAY_MS / SLOT_MS;

/** Local dates (epoch days) that sessions may start on, both inclusive. */
export interface Period {
  readonly firstDay: number;
  readonly lastDay: number;
}

export interface PlannedStart {
  readonly startMs: number;
  readonly user: UserProfile;
}

/** The start-time profile of one UTC day for one zone. */
interface DayProfile {
  readonly cumulative: Float64Array;
  /** The zone's local epoch day at each slot, to honour signup dates in local time. */
  readonly localDay: Float64Array;
  /** Expected starts for a user of activity 1. */
  readonly scale: number;
}

function profile(clock: ZoneClock, day: number, period: Period): DayProfile {
  const cumulative = new Float64Array(SLOTS);
  const localDay = new Float64Array(SLOTS);
  let total = 0;
  for (let slot = 0; slot < SLOTS; slot++) {
    const utc = day * DAY_MS + slot * SLOT_MS;
    const local = utc + clock.offsetMinutes(utc) * 60_000;
    const localDate = Math.floor(local / DAY_MS);
    const hour = Math.floor((local - localDate * DAY_MS) / HOUR_MS);
    const weekday = weekdayOf(localDate);
    const weights = weekday === 0 || weekday === 6 ? WEEKEND : WEEKDAY;
    const inPeriod = localDate >= period.firstDay && localDate <= period.lastDay;
    total += inPeriod ? (weights[hour] ?? 0) / 4 : 0;
    cumulative[slot] = total;
    localDay[slot] = localDate;
  }
  return { cumulative, localDay, scale: total / MEAN_DAY_WEIGHT };
}

function slotAt(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = SLOTS - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * All home-screen session starts within one UTC day, in start order. A period of local dates
 * spans UTC days `firstDay - 1 … lastDay + 1` (zones ahead of and behind UTC).
 */
export function planDay(rng: Rng, users: readonly UserProfile[], day: number, period: Period): PlannedStart[] {
  const profiles = new Map<ZoneClock, DayProfile>();
  const starts: PlannedStart[] = [];
  for (const user of users) {
    // Users who sign up in the period start a day late at most (UTC vs local); the local
    // check below keeps every session on or after the signup date.
    if (user.signupDay > day + 1) continue;
    let p = profiles.get(user.clock);
    if (!p) {
      p = profile(user.clock, day, period);
      profiles.set(user.clock, p);
    }
    if (p.scale === 0) continue;
    const n = rng.poisson(user.activity * p.scale);
    for (let k = 0; k < n; k++) {
      const total = p.cumulative[SLOTS - 1] ?? 0;
      const slot = slotAt(p.cumulative, rng.float() * total);
      if ((p.localDay[slot] ?? 0) < user.signupDay) continue;
      starts.push({ startMs: day * DAY_MS + slot * SLOT_MS + Math.floor(rng.float() * SLOT_MS), user });
    }
  }
  return starts.sort((a, b) => a.startMs - b.startMs || a.user.index - b.user.index);
}
