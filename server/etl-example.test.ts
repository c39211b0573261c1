import { describe, expect, it } from 'vitest';

import { loadDataset } from '@/pipeline/load/load-dataset';
import { event, writeDataset } from '@/test/support/dataset';
import { content, users } from '@/test/support/session-cases';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { getEtlExample } from './etl-example';
import { explainSession, type RawSessionEvent } from './etl-example-explain';

const NOW = new Date('2026-11-01T00:00:00Z');

function step(id: string, type: string, ts: string, position: number | null): RawSessionEvent {
  return { event_id: id, event_type: type, event_ts: ts, event_epoch_ms: Date.parse(ts), position_seconds: position };
}

describe('explainSession (the rules of metrics.md)', () => {
  it('plays after play, stops after pause and stop, keeps the state on seek, and ignores what follows the first stop', () => {
    const { events, measures } = explainSession([
      step('1', 'seek', '2026-10-05T20:00:00.000Z', 50),
      step('2', 'play', '2026-10-05T20:00:10.000Z', 50),
      step('3', 'seek', '2026-10-05T20:01:00.000Z', 400),
      step('4', 'pause', '2026-10-05T20:02:00.125Z', 460.125),
      step('5', 'stop', '2026-10-05T20:03:00.000Z', 460.125),
      step('6', 'play', '2026-10-05T20:04:00.000Z', 9999),
    ]);
    expect(events.map((e) => [e.playing, e.watchedSeconds, e.counted])).toEqual([
      [false, 0, true], // a seek before any play: nothing plays yet
      [true, 50, true],
      [true, 60.125, true], // seek while playing keeps playing
      [false, 0, true],
      [false, 0, true],
      [null, null, false], // after the first stop
    ]);
    expect(measures).toEqual({
      session_status: 'closed',
      session_length_seconds: 180,
      watch_seconds: 110.125,
      start_position_seconds: 50,
      max_position_seconds: 460.125,
      pause_count: 1,
      seek_count: 2,
      event_count: 5,
      events_after_stop: 1,
    });
  });

  it('measures an open session up to its last event, counting nothing after it', () => {
    const { events, measures } = explainSession([step('1', 'play', '2026-10-05T20:00:00.000Z', 0), step('2', 'seek', '2026-10-05T20:00:30.000Z', 90)]);
    expect(events.map((e) => e.watchedSeconds)).toEqual([30, 0]);
    expect(measures).toMatchObject({ session_status: 'open', session_length_seconds: 30, watch_seconds: 30, event_count: 2, events_after_stop: 0 });
  });
});

const session = (id: string, steps: [string, string, string, number][]) =>
  steps.map(([eventId, type, ts, position]) => event({ event_id: eventId, event_type: type, event_ts: ts, session_id: id, position_seconds: position }));

// s_a sorts first but has no pause or seek; s_b has a pause but no stop; s_c is the first that qualifies.
const plain = session('s_a', [
  ['a1', 'play', '2026-10-05T12:00:00.000Z', 0],
  ['a2', 'stop', '2026-10-05T12:10:00.000Z', 600],
]);
const open = session('s_b', [
  ['b1', 'play', '2026-10-05T13:00:00.000Z', 0],
  ['b2', 'pause', '2026-10-05T13:01:00.000Z', 60],
]);
const chosen = session('s_c', [
  ['c1', 'play', '2026-10-05T20:00:00.000Z', 0],
  ['c2', 'pause', '2026-10-05T20:05:00.250Z', 300.25],
  ['c3', 'seek', '2026-10-05T20:06:00.000Z', 900],
  ['c4', 'play', '2026-10-05T20:07:00.000Z', 900],
  ['c5', 'stop', '2026-10-05T20:20:30.500Z', 1710.5],
  ['c6', 'play', '2026-10-05T20:25:00.000Z', 1710.5],
]);
const later = session('s_d', [
  ['d1', 'play', '2026-10-06T20:00:00.000Z', 0],
  ['d2', 'pause', '2026-10-06T20:00:10.000Z', 10],
  ['d3', 'stop', '2026-10-06T20:00:20.000Z', 10],
]);
const rating = event({ event_id: 'r1', event_type: 'rate', event_ts: '2026-10-05T20:21:00.000Z', session_id: 's_c', rating: 4 });

describeEachEngine('ETL worked example', (harness) => {
  it('says the warehouse is empty, then that no session qualifies, then explains the first closed session with a pause or seek', async () => {
    const warehouse = await harness.migrated();
    try {
      expect(await getEtlExample(warehouse)).toEqual({ state: 'empty' });

      await loadDataset(warehouse, writeDataset({ users, content, events: { 'events-1.jsonl': [...plain, ...open] } }), { now: NOW });
      expect(await getEtlExample(warehouse)).toEqual({ state: 'no-match', sessions: 2 });

      // Delivered out of order, with a rating in the session: the example still follows event order.
      const shuffled = [chosen[4], chosen[1], chosen[5], chosen[0], chosen[3], chosen[2], rating, ...later].filter((e) => e !== undefined);
      await loadDataset(warehouse, writeDataset({ events: { 'events-2.jsonl': shuffled } }), { now: NOW });
      const example = await getEtlExample(warehouse);
      if (example.state !== 'ready') throw new Error(`expected an example, got ${example.state}`);

      expect(example.session).toMatchObject({
        session_id: 's_c',
        user_id: 'u_ny',
        content_id: 'm_long',
        device_type: 'tv',
        session_status: 'closed',
        session_start_ts: '2026-10-05T20:00:00.000Z',
        stop_ts: '2026-10-05T20:20:30.500Z',
        session_length_seconds: 1230.5,
        watch_seconds: 1110.75, // 300.25 before the pause, 810.5 from the second play to the stop
        pause_count: 1,
        seek_count: 1,
        event_count: 5,
        events_after_stop: 1,
        max_position_seconds: 1710.5,
        is_completed: false,
        start_date_key: 20261005, // 16:00 in New York
        last_load_id: 2,
      });
      expect(example.events.map((e) => [e.event_id, e.event_type, e.playing, e.watchedSeconds])).toEqual([
        ['c1', 'play', true, 300.25],
        ['c2', 'pause', false, 0],
        ['c3', 'seek', false, 0],
        ['c4', 'play', true, 810.5],
        ['c5', 'stop', false, 0],
        ['c6', 'play', null, null],
      ]);
      expect(example.events[0]).toMatchObject({ load_id: 2, source_file: 'events-2.jsonl', source_line: 4 });
      // The rules applied in TypeScript agree with the row the SQL transforms built.
      const { session_status, session_length_seconds, watch_seconds, pause_count, seek_count, event_count, events_after_stop, max_position_seconds, start_position_seconds } =
        example.session;
      expect(example.computed).toEqual({ session_status, session_length_seconds, watch_seconds, pause_count, seek_count, event_count, events_after_stop, max_position_seconds, start_position_seconds });

      // A session asked for by id (the sessions behind a figure link here), even one the default would not pick.
      const open1 = await getEtlExample(warehouse, String((open[0] as { session_id: string }).session_id));
      if (open1.state !== 'ready') throw new Error(`expected the open session, got ${open1.state}`);
      expect(open1.session.session_status).toBe('open');
      expect(await getEtlExample(warehouse, "s_none' OR 1=1")).toEqual({ state: 'not-found', sessionId: "s_none' OR 1=1" });
    } finally {
      await warehouse.close();
    }
  });
});
