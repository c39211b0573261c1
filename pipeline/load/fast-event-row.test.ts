import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseLine } from '../contract/parse-line';
import type { EventRecord } from '../contract/records';
import { eventRow, fastEventRow } from './fast-event-row';

const FILE = 'events-2026-10-03.jsonl';

/** The general way: JSON.parse, the fast object check, then zod. */
function generalRow(line: string): unknown[] | undefined {
  const parsed = parseLine('event', line);
  return parsed.ok ? eventRow(parsed.value as EventRecord, FILE, 7) : undefined;
}

const playback =
  '{"event_id":"cd716a83f3f5e225","event_type":"seek","event_ts":"2026-09-09T23:59:57.566Z","user_id":"u_01429","session_id":"ps_3fdd88133f31f755","content_id":"e_0121_01_02","device":{"device_id":"d_2460","device_type":"tablet","os":"android","app_version":"8.15.0"},"position_seconds":1708.94}';
const rate =
  '{"event_id":"9f1feeedeffa562b","event_type":"rate","event_ts":"2026-09-10T00:04:51.098Z","user_id":"u_01119","session_id":"ps_8b7bbba553de7358","content_id":"e_0109_01_01","rating":4,"device":{"device_id":"d_1912","device_type":"tv","os":"tizen","app_version":"5.4.1"}}';
const rateWithoutSession = rate.replace('"session_id":"ps_8b7bbba553de7358",', '');

/** Mostly plain ids (so that most lines hinge on the one near miss they carry), sometimes any character. */
const text = (max: number, min = 1) =>
  fc.oneof(
    { arbitrary: fc.string({ minLength: min, maxLength: max, unit: fc.constantFrom('a', 'Z', '0', '_', '-', '.', ',', ' ', 'é') }), weight: 12 },
    { arbitrary: fc.string({ minLength: min, maxLength: max + 2, unit: fc.constantFrom('a', '"', '\\', '\u0000', '\n', '\u001f', '\u{1F600}') }), weight: 1 },
  );

/** Lines in the player's layout with random values, near misses included (lengths, dates, numbers, characters). */
const playerLine = fc
  .record({
    event_id: text(130),
    event_type: fc.constantFrom('play', 'pause', 'seek', 'stop', 'rate', 'PLAY'),
    date: fc.constantFrom('2026-10-03', '2014-12-31', '2035-12-31', '2036-01-01', '2024-02-29', '2026-02-29', '2026-13-01', '2026-04-31'),
    time: fc.constantFrom('19:02:11.250', '23:59:59.999', '24:00:00.000', '12:60:00.000', '00:00:00.000'),
    user_id: text(66),
    session_id: fc.option(text(130), { nil: undefined }),
    content_id: text(66),
    device_id: text(66),
    device_type: fc.constantFrom('tv', 'mobile', 'web', 'tablet', 'console', 'fridge'),
    os: text(66, 0),
    app_version: text(66, 0),
    position: fc.oneof(
      fc.double({ min: -1, max: 2e12, noNaN: true }).map(String),
      fc.constantFrom('0', '-0', '1e3', '1E+2', '1e400', '01', '1.', '.5', '-0.0', '1e-7', '-0.5', '1000000000000', '1000000000000.5', '-1'),
    ),
    rating: fc.constantFrom('1', '5', '0', '6', '2.5', '"4"'),
  })
  .map((e) => {
    const head = `{"event_id":${JSON.stringify(e.event_id)},"event_type":"${e.event_type}","event_ts":"${e.date}T${e.time}Z","user_id":${JSON.stringify(e.user_id)},`;
    const session = e.session_id === undefined ? '' : `"session_id":${JSON.stringify(e.session_id)},`;
    const device = `"device":{"device_id":${JSON.stringify(e.device_id)},"device_type":"${e.device_type}","os":${JSON.stringify(e.os)},"app_version":${JSON.stringify(e.app_version)}}`;
    return e.event_type === 'rate'
      ? `${head}${session}"content_id":${JSON.stringify(e.content_id)},"rating":${e.rating},${device}}`
      : `${head}${session}"content_id":${JSON.stringify(e.content_id)},${device},"position_seconds":${e.position}}`;
  });

/** A well-formed line with a few characters changed, inserted or removed anywhere. */
const mutatedLine = fc
  .tuple(fc.constantFrom(playback, rate, rateWithoutSession), fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ' ', '"', '\\', '}', ',', '1', 'x', '\u0000', '{"a":1}')), { minLength: 1, maxLength: 3 }))
  .map(([line, edits]) => edits.reduce((l, [at, insert]) => { const i = at % (l.length + 1); return l.slice(0, i) + insert + l.slice(i + (insert === '' ? 1 : 0)); }, line));

describe('the fast event row', () => {
  it('reads the player layout of each event type as the general way does', () => {
    for (const line of [playback, rate, rateWithoutSession]) {
      expect(fastEventRow(line, FILE, 7)).toBeDefined();
      expect(fastEventRow(line, FILE, 7)).toEqual(generalRow(line));
    }
  });

  it('accepts only lines the general way accepts, and reads every value the same way', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(playerLine, mutatedLine), (line) => {
        const fast = fastEventRow(line, FILE, 7);
        if (fast) {
          accepted++;
          expect(fast).toEqual(generalRow(line));
        }
      }),
      { numRuns: 30_000, seed: 20261208 },
    );
    // The property says nothing unless the fast path takes a good share of the lines.
    expect(accepted).toBeGreaterThan(1_000);
  });

  it('leaves other layouts to the general way: another key order, white space, escapes, an offset', () => {
    for (const line of [
      playback.replace('"event_type":"seek",', '').replace('{', '{"event_type":"seek",'),
      playback.replace('","event_type"', '", "event_type"'),
      playback.replace('u_01429', 'u_01\\u0034'),
      playback.replace('23:59:57.566Z', '23:59:57.566+00:00'),
      `${playback} `,
    ]) {
      expect(fastEventRow(line, FILE, 7)).toBeUndefined();
      expect(generalRow(line)).toBeDefined();
    }
  });
});
