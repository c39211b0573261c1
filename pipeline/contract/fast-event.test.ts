import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { fastEvent } from './fast-event';
import { eventRecord } from './records';

const junk = fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.string({ maxLength: 140 }), fc.boolean(), fc.constant(null).map(() => ({})), fc.constant(null).map(() => []));

const validEvent = fc.record({
  event_id: fc.string({ minLength: 1, maxLength: 128 }),
  event_type: fc.constantFrom('play', 'pause', 'seek', 'stop', 'rate'),
  event_ts: fc
    .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  user_id: fc.string({ minLength: 1, maxLength: 64 }),
  session_id: fc.string({ minLength: 1, maxLength: 128 }),
  content_id: fc.string({ minLength: 1, maxLength: 64 }),
  device: fc.record({
    device_id: fc.string({ minLength: 1, maxLength: 64 }),
    device_type: fc.constantFrom('tv', 'mobile', 'web', 'tablet', 'console'),
    os: fc.string({ maxLength: 64 }),
    app_version: fc.string({ maxLength: 64 }),
  }),
  position_seconds: fc.double({ min: 0, max: 1e12, noNaN: true }),
  rating: fc.integer({ min: 1, max: 5 }),
});

const fields = ['event_id', 'event_type', 'event_ts', 'user_id', 'session_id', 'content_id', 'device', 'position_seconds', 'rating'] as const;
const deviceFields = ['device_id', 'device_type', 'os', 'app_version'] as const;
// 'firmware' is not in the contract: an extra key must be dropped, as zod drops it.

/** A change that may break the event: a field replaced by a near miss or junk, or removed. */
const mutation = fc.oneof(
  fc.record({ field: fc.constantFrom(...fields), value: fc.oneof(junk, fc.constant(undefined)) }),
  fc.record({ field: fc.constant('event_type' as const), value: fc.constantFrom('rewind', 'PLAY', '') }),
  fc.record({ field: fc.constant('rating' as const), value: fc.constantFrom(0, 6, 7, 2.5, -1) }),
  fc.record({ field: fc.constant('position_seconds' as const), value: fc.constantFrom(-0.001, 1e12 + 1, -1) }),
  fc.record({ field: fc.constant('event_ts' as const), value: fc.constantFrom('2014-12-31T23:59:59.999Z', '2036-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-10-03T19:02:11', '2026-10-03T21:02:11+02:00') }),
  fc.record({ field: fc.constantFrom('event_id', 'user_id', 'content_id', 'session_id'), value: fc.constantFrom('', 'x'.repeat(65), 'x'.repeat(129), 'a\u0000b') }),
  fc.record({ device: fc.constantFrom(...deviceFields, 'firmware'), value: fc.oneof(junk, fc.constant(undefined), fc.constantFrom('fridge', '', 'x'.repeat(65))) }),
);

const candidate = fc.tuple(validEvent, fc.array(mutation, { maxLength: 2 })).map(([event, changes]) => {
  const e: Record<string, unknown> = { ...event, device: { ...event.device } };
  for (const change of changes) {
    if (!('device' in change)) e[change.field] = change.value;
    else if (typeof e.device === 'object' && e.device !== null) (e.device as Record<string, unknown>)[change.device] = change.value;
  }
  return e;
});

describe('the fast event check', () => {
  it('accepts only what the contract (zod) accepts, and reads every value the same way', () => {
    fc.assert(
      fc.property(candidate, (input) => {
        // Through JSON, as the loader sees it: undefined fields disappear.
        const json: unknown = JSON.parse(JSON.stringify(input));
        const fast = fastEvent(json);
        const contract = eventRecord.safeParse(json);
        if (fast) {
          expect(contract.success).toBe(true);
          expect(fast).toEqual(contract.data);
        }
        return true;
      }),
      { numRuns: 20_000, seed: 20261125 },
    );
  });

  it('accepts the well-formed events of every type', () => {
    const base = { event_id: 'e', event_ts: '2026-10-03T19:02:11.250Z', user_id: 'u', content_id: 'm', device: { device_id: 'd', device_type: 'tv', os: '', app_version: '' } };
    for (const type of ['play', 'pause', 'seek', 'stop']) expect(fastEvent({ ...base, event_type: type, session_id: 's', position_seconds: 12.5 })).toBeDefined();
    expect(fastEvent({ ...base, event_type: 'rate', rating: 5 })).toBeDefined();
    expect(fastEvent({ ...base, event_type: 'rate', rating: 5, session_id: null })).toBeDefined();
  });
});
