/**
 * The loader's hottest path, one step before fast-event.ts: a line laid out exactly as the StreamFlix
 * player writes it (its keys in its order, no white space, strings without escapes, a `Z` timestamp at
 * milliseconds) is read with one regular expression, without JSON.parse and the objects it builds. For
 * such a line JSON.parse could not read anything else: a string without `\` or control characters is its
 * own text, and a JSON number is read by Number() as JSON.parse reads it. Every other line returns
 * undefined and goes the general way (JSON.parse, fast-event.ts, then zod), which words any rejection.
 * fast-event-row.test.ts checks on generated and mutated lines that this never accepts what the general way
 * refuses, nor reads a value differently.
 */

import type { EventRecord } from '../contract/records';

/** The staging columns of an event, in the order of the loader's tmp_event. */
export const EVENT_COLUMNS = [
  'event_id', 'event_type', 'event_ts', 'event_epoch_ms', 'user_id', 'session_id', 'content_id', 'device_id',
  'device_type', 'os', 'app_version', 'position_seconds', 'rating', 'source_file', 'source_line',
];

/** A validated event as its staging row. */
export function eventRow(e: EventRecord, file: string, line: number): unknown[] {
  const playback = e.event_type === 'rate' ? undefined : e;
  const rate = e.event_type === 'rate' ? e : undefined;
  return [
    e.event_id, e.event_type, e.event_ts.utc, e.event_ts.epochMs, e.user_id, e.session_id ?? null, e.content_id,
    e.device.device_id, e.device.device_type, e.device.os, e.device.app_version,
    playback?.position_seconds ?? null, rate?.rating ?? null, file, line,
  ];
}

/** A JSON string of `min`..`max` UTF-16 units (as zod counts), none of them a quote, backslash or control character. */
const text = (max: number, min = 1) => `([^"\\\\\\u0000-\\u001f]{${min},${max}})`;
const NUMBER = '(-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)';
const TS = '"event_ts":"(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2}:\\d{2}\\.\\d{3})Z"';
const DEVICE = `"device":\\{"device_id":"${text(64)}","device_type":"(tv|mobile|web|tablet|console)","os":"${text(64, 0)}","app_version":"${text(64, 0)}"\\}`;

const PLAYBACK = new RegExp(
  `^\\{"event_id":"${text(128)}","event_type":"(play|pause|seek|stop)",${TS},"user_id":"${text(64)}","session_id":"${text(128)}","content_id":"${text(64)}",${DEVICE},"position_seconds":${NUMBER}\\}$`,
);
const RATE = new RegExp(
  `^\\{"event_id":"${text(128)}","event_type":"rate",${TS},"user_id":"${text(64)}",(?:"session_id":"${text(128)}",)?"content_id":"${text(64)}","rating":([1-5]),${DEVICE}\\}$`,
);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FIRST_MS = Date.UTC(2015, 0, 1);
const END_MS = Date.UTC(2036, 0, 1);

/** Milliseconds since the epoch of `YYYY-MM-DD` and `HH:MM:SS.mmm` (digits already checked), or undefined when no such instant is in the contract's range. */
function epochMs(date: string, time: string): number | undefined {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  const hour = Number(time.slice(0, 2));
  const minute = Number(time.slice(3, 5));
  const second = Number(time.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, Number(time.slice(9, 12)));
  return ms >= FIRST_MS && ms < END_MS ? ms : undefined;
}

/**
 * The staging row of an event line in the player's own layout, exactly as eventRow would give it after the
 * general way, or undefined for any other line.
 */
export function fastEventRow(line: string, file: string, lineNumber: number): unknown[] | undefined {
  let m = PLAYBACK.exec(line);
  if (m) {
    const [, eventId, type, date, time, userId, sessionId, contentId, deviceId, deviceType, os, appVersion, position] = m as unknown as string[];
    const ms = epochMs(date!, time!);
    const seconds = Number(position);
    if (ms === undefined || !(seconds >= 0 && seconds <= 1e12)) return undefined;
    return [eventId, type, `${date} ${time}`, ms, userId, sessionId, contentId, deviceId, deviceType, os, appVersion, seconds, null, file, lineNumber];
  }
  m = RATE.exec(line);
  if (m) {
    const [, eventId, date, time, userId, sessionId, contentId, rating, deviceId, deviceType, os, appVersion] = m as unknown as (string | undefined)[];
    const ms = epochMs(date!, time!);
    if (ms === undefined) return undefined;
    return [eventId, 'rate', `${date} ${time}`, ms, userId, sessionId ?? null, contentId, deviceId, deviceType, os, appVersion, null, Number(rating), file, lineNumber];
  }
  return undefined;
}
