import { z } from 'zod';

import { CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY } from '@/db/seeds/calendar';

import { isCalendarDate, parseTimestamp } from './timestamp';

export const DEVICE_TYPES = ['tv', 'mobile', 'web', 'tablet', 'console'] as const;
export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55+'] as const;
export const PLANS = ['basic', 'standard', 'premium'] as const;
export const CONTENT_TYPES = ['movie', 'episode'] as const;
export const PLAYBACK_EVENT_TYPES = ['play', 'pause', 'seek', 'stop'] as const;
export const EVENT_TYPES = [...PLAYBACK_EVENT_TYPES, 'rate'] as const;

const requiredOr = (message: string) => (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : message);

/** A string column: PostgreSQL text cannot hold NUL, and the column widths are the schema's. */
const text = (max: number, min = 1) =>
  z
    .string({ error: requiredOr('must be a string') })
    .min(min, { error: min === 1 ? 'must not be empty' : `must have at least ${min} characters` })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((s) => !s.includes('\u0000'), { error: 'must not contain NUL characters' });

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: requiredOr(`must be one of ${values.join(', ')}`) });

const integer = (min: number, max: number) =>
  z
    .number({ error: requiredOr('must be a number') })
    .int({ error: 'must be an integer' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const calendarDate = z
  .string({ error: requiredOr('must be a date YYYY-MM-DD') })
  .refine(isCalendarDate, { error: 'must be a date YYYY-MM-DD' });

/** Zones already judged: building an Intl.DateTimeFormat costs tens of microseconds, once per user line. */
const knownZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = zone.length <= 64;
    } catch {
      valid = false;
    }
    // Bounded, so a file of made-up zones cannot grow it without end.
    if (knownZones.size < 4096) knownZones.set(zone, valid);
  }
  return valid;
}

export const userRecord = z.object({
  user_id: text(64),
  signup_date: calendarDate,
  country: z.string({ error: requiredOr('must be a string') }).regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code' }),
  time_zone: z.string({ error: requiredOr('must be a string') }).refine(isTimeZone, { error: 'must be an IANA time zone' }),
  age_band: oneOf(AGE_BANDS),
  subscription_plan: oneOf(PLANS),
});
export type UserRecord = z.infer<typeof userRecord>;

const contentBase = {
  content_id: text(64),
  title: text(512, 0),
  genre: text(64),
  release_year: integer(1800, 2200),
  runtime_seconds: integer(1, 2_147_483_647),
  maturity_rating: text(16, 0),
};

export const contentRecord = z.discriminatedUnion(
  'content_type',
  [
    z.object({ ...contentBase, content_type: z.literal('movie') }),
    z.object({
      ...contentBase,
      content_type: z.literal('episode'),
      series_id: text(64),
      series_title: text(512, 0),
      season_number: integer(1, 32_767),
      episode_number: integer(1, 32_767),
    }),
  ],
  { error: requiredOr(`must be one of ${CONTENT_TYPES.join(', ')}`) },
);
export type ContentRecord = z.infer<typeof contentRecord>;

const FIRST_MS = Date.parse(`${CALENDAR_FIRST_DAY}T00:00:00Z`);
const END_MS = Date.parse(`${CALENDAR_LAST_DAY}T00:00:00Z`) + 86_400_000;

const timestamp = z
  .string({ error: requiredOr('must be an ISO-8601 timestamp') })
  .transform((value, ctx) => {
    const parsed = parseTimestamp(value);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO-8601 timestamp with Z or an offset' });
      return z.NEVER;
    }
    if (parsed.epochMs < FIRST_MS || parsed.epochMs >= END_MS) {
      ctx.addIssue({ code: 'custom', message: `must fall within the warehouse calendar ${CALENDAR_FIRST_DAY}..${CALENDAR_LAST_DAY}` });
      return z.NEVER;
    }
    return parsed;
  });

const eventBase = {
  event_id: text(128),
  event_ts: timestamp,
  user_id: text(64),
  content_id: text(64),
  device: z.object(
    { device_id: text(64), device_type: oneOf(DEVICE_TYPES), os: text(64, 0), app_version: text(64, 0) },
    { error: requiredOr('must be an object') },
  ),
};

export const eventRecord = z.discriminatedUnion(
  'event_type',
  [
    z.object({
      ...eventBase,
      event_type: z.enum(PLAYBACK_EVENT_TYPES),
      session_id: text(128),
      position_seconds: z
        .number({ error: requiredOr('must be a number') })
        .min(0, { error: 'must be at least 0' })
        .max(1e12, { error: 'must be at most 1e12' }),
    }),
    z.object({
      ...eventBase,
      event_type: z.literal('rate'),
      // A rating may be sent outside a session; null is read as "no session".
      session_id: text(128).nullish(),
      rating: integer(1, 5),
    }),
  ],
  { error: requiredOr(`must be one of ${EVENT_TYPES.join(', ')}`) },
);
export type EventRecord = z.infer<typeof eventRecord>;
