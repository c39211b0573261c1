/**
 * Bad lines, as real streams carry now and then: each is one that the contract says the loader
 * must reject (not JSON, a missing required field, a wrong type, an unknown `event_type`, an
 * unparsable `event_ts`, a rating outside 1..5). They are built from a real event of the
 * session with a fresh `event_id`, so they look like the neighbouring lines and never shadow a
 * valid event. This runs once per ~20k lines, so clarity beats speed here.
 */
import type { Rng } from './random';

export const MALFORMED_KINDS = [
  'not-json', 'truncated', 'missing-field', 'wrong-type', 'unknown-type', 'bad-rating', 'bad-timestamp',
] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

const COMMON_FIELDS = ['event_id', 'event_type', 'event_ts', 'user_id', 'content_id', 'device'];
const PLAYER_FIELDS = [...COMMON_FIELDS, 'session_id', 'position_seconds'];
const RATE_FIELDS = [...COMMON_FIELDS, 'rating'];

/** Each of these fails `Date.parse` and any ISO-8601 parser. */
const BAD_TIMESTAMPS = ['2026-13-45T99:99:99Z', 'not-a-timestamp', '', '2026-02-30T25:61:00Z', 'yesterday 9pm'];
const UNKNOWN_TYPES = ['heartbeat', 'buffering', 'ad_start', 'bitrate_change'];

/** A rejected-by-contract variant of `validLine` (a serialized event), under `freshId`. */
export function malformedLine(rng: Rng, validLine: string, freshId: string, kind: MalformedKind): string {
  const event = JSON.parse(validLine) as Record<string, unknown>;
  event.event_id = freshId;
  const isRate = event.event_type === 'rate';
  switch (kind) {
    case 'not-json':
      return rng.chance(0.5)
        ? '<html><body><h1>502 Bad Gateway</h1></body></html>'
        : `event=${String(event.event_type)}&user=${String(event.user_id)}&ts=${String(event.event_ts)}`;
    case 'truncated': {
      // A partial write: the line stops mid-object, so it can never parse.
      const text = JSON.stringify(event);
      return text.slice(0, rng.int(10, text.length - 2));
    }
    case 'missing-field':
      delete event[rng.pick(isRate ? RATE_FIELDS : PLAYER_FIELDS)];
      break;
    case 'wrong-type':
      if (isRate) event.rating = String(event.rating);
      else event.position_seconds = String(event.position_seconds);
      break;
    case 'unknown-type':
      event.event_type = rng.pick(UNKNOWN_TYPES);
      break;
    case 'bad-rating': {
      // Rebuilt as a rate event in contract key order, with a rating outside 1..5.
      const { event_id, event_ts, user_id, session_id, content_id, device } = event;
      return JSON.stringify({ event_id, event_type: 'rate', event_ts, user_id, session_id, content_id, rating: rng.pick([7, 7, 0, 6]), device });
    }
    case 'bad-timestamp':
      event.event_ts = rng.pick(BAD_TIMESTAMPS);
      break;
  }
  return JSON.stringify(event);
}
