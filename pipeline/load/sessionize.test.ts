import { expect, it } from 'vitest';

import type { Warehouse } from '@/db/warehouse';
import { writeDataset } from '@/test/support/dataset';
import { content, eventFiles, expectedAccount, expectedRatings, expectedSessions, lateDimensions, users } from '@/test/support/session-cases';
import { orphanedForeignKeys, warehouseSnapshot } from '@/test/support/snapshot';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { loadDataset } from './load-dataset';

const NOW = new Date('2026-11-01T00:00:00Z');

async function sessionsById(warehouse: Warehouse) {
  const { sessions } = await warehouseSnapshot(warehouse);
  return Object.fromEntries(sessions.map((s) => [s.session_id, s]));
}

describeEachEngine('sessionization (metrics.md)', (harness) => {
  it('builds each session exactly as defined, from out-of-order, duplicated events across files', async () => {
    const warehouse = await harness.migrated();
    try {
      const report = await loadDataset(warehouse, writeDataset({ users, content, events: eventFiles }), { now: NOW });
      expect(report.events).toEqual(expectedAccount);
      const sessions = await sessionsById(warehouse);
      expect(Object.keys(sessions).sort()).toEqual(Object.keys(expectedSessions).sort());
      for (const [id, expected] of Object.entries(expectedSessions)) {
        expect(sessions[id], id).toMatchObject(expected);
      }
      const orphans = await orphanedForeignKeys(warehouse);
      // 11 of the facts and the plumbing, 11 of the rollups (each its date, the completion ones their item),
      // 5 of the viewer rollups (date, viewer and item; date and item), 2 of the audience rollup (date, viewer).
      expect(Object.keys(orphans)).toHaveLength(29);
      expect(Object.values(orphans).every((n) => n === 0), JSON.stringify(orphans)).toBe(true);
    } finally {
      await warehouse.close();
    }
  });

  it('keeps every rating once, dated in the rater\'s zone', async () => {
    const warehouse = await harness.migrated();
    try {
      await loadDataset(warehouse, writeDataset({ users, content, events: eventFiles }), { now: NOW });
      const { ratings } = await warehouseSnapshot(warehouse);
      expect(Object.fromEntries(ratings.map((r) => [r.rating_event_id, r]))).toMatchObject(expectedRatings);
      expect(ratings).toHaveLength(3);
    } finally {
      await warehouse.close();
    }
  });

  it('keeps each rejected line with its file, line number, raw text and reason', async () => {
    const warehouse = await harness.migrated();
    try {
      const report = await loadDataset(warehouse, writeDataset({ users, content, events: eventFiles }), { now: NOW });
      const rejects = await warehouse.query('SELECT load_id, source_file, line_number, record_kind, reason, raw_line FROM etl_reject ORDER BY line_number');
      expect(rejects).toEqual([
        { load_id: report.loadId, source_file: 'events-2026-10-a.jsonl', line_number: 29, record_kind: 'event', reason: 'not valid JSON', raw_line: '{"event_id": "broken", "event_type": "play", ' },
        expect.objectContaining({ line_number: 30, reason: 'rating: must be at most 5' }),
        expect.objectContaining({ line_number: 31, reason: 'event_type: must be one of play, pause, seek, stop, rate' }),
      ]);
      const [load] = await warehouse.query('SELECT status, lines_read, events_kept, duplicates, rejected, sessions_rebuilt FROM etl_load');
      expect(load).toEqual({ status: 'succeeded', ...expectedAccount, sessions_rebuilt: 16 });
    } finally {
      await warehouse.close();
    }
  });

  it('completes inferred members when their records arrive, and re-dates and re-judges their facts', async () => {
    const warehouse = await harness.migrated();
    try {
      await loadDataset(warehouse, writeDataset({ users, content, events: eventFiles }), { now: NOW });
      const [inferred] = await warehouse.query("SELECT is_inferred, time_zone, country FROM dim_user WHERE user_id = 'u_ghost'");
      expect(inferred).toEqual({ is_inferred: true, time_zone: 'UTC', country: 'Unknown' });

      await loadDataset(warehouse, writeDataset({ users: lateDimensions.users, content: lateDimensions.content }), { now: NOW });
      expect((await sessionsById(warehouse)).s_ghost).toMatchObject(lateDimensions.session);
      const { ratings, users: userRows, content: contentRows } = await warehouseSnapshot(warehouse);
      expect(ratings.find((r) => r.rating_event_id === 'rt3')).toMatchObject(lateDimensions.rating);
      expect(userRows.find((u) => u.user_id === 'u_ghost')).toMatchObject({ is_inferred: false, time_zone: 'America/Los_Angeles' });
      expect(contentRows.find((c) => c.content_id === 'm_ghost')).toMatchObject({ is_inferred: false, runtime_seconds: 1850, title_id: 'm_ghost', title_name: 'Ghost Story' });
    } finally {
      await warehouse.close();
    }
  });

  it('rebuilds a session when its later events arrive in a later load', async () => {
    const warehouse = await harness.migrated();
    try {
      const [b1, b2, b3, b4] = ['b1', 'b2', 'b3', 'b4'].map((id) =>
        (eventFiles['events-2026-10-a.jsonl'] ?? []).concat(eventFiles['events-2026-10-b.jsonl'] ?? []).find((l) => typeof l === 'object' && 'event_id' in l && l.event_id === id),
      );
      await loadDataset(warehouse, writeDataset({ users, content, events: { 'events-1.jsonl': [b1!, b2!] } }), { now: NOW });
      expect((await sessionsById(warehouse)).s_basic).toMatchObject({ session_status: 'open', watch_seconds: 600.5, session_length_seconds: 600.5 });
      const [first] = await warehouse.query("SELECT first_load_id, last_load_id FROM fact_viewing_session WHERE session_id = 's_basic'");
      await loadDataset(warehouse, writeDataset({ events: { 'events-2.jsonl': [b4!, b3!, b1!] } }), { now: NOW });
      expect((await sessionsById(warehouse)).s_basic).toMatchObject(expectedSessions.s_basic!);
      const [rebuilt] = await warehouse.query("SELECT first_load_id, last_load_id FROM fact_viewing_session WHERE session_id = 's_basic'");
      expect(rebuilt).toEqual({ first_load_id: first?.first_load_id, last_load_id: (first?.last_load_id as number) + 1 });
    } finally {
      await warehouse.close();
    }
  });
});

describeEachEngine('deduplication', (harness) => {
  it('keeps the first copy of an event_id by file name, then line, when copies differ', async () => {
    const warehouse = await harness.migrated();
    try {
      const copy = (position: number) => ({
        event_id: 'same', event_type: 'play', event_ts: '2026-10-03T19:00:00Z', user_id: 'u_ny', session_id: 's_dup',
        content_id: 'm_long', device: { device_id: 'd_tv', device_type: 'tv', os: 'tizen', app_version: '5.2.1' }, position_seconds: position,
      });
      const dir = writeDataset({ users, content, events: { 'events-b.jsonl': [copy(1)], 'events-a.jsonl': [copy(3), copy(2)] } });
      const report = await loadDataset(warehouse, dir, { now: NOW });
      expect(report.events).toEqual({ lines_read: 3, events_kept: 1, duplicates: 2, rejected: 0 });
      expect(await warehouse.query("SELECT source_file, source_line, position_seconds FROM stg_player_event WHERE event_id = 'same'")).toEqual([
        { source_file: 'events-a.jsonl', source_line: 1, position_seconds: 3 },
      ]);
    } finally {
      await warehouse.close();
    }
  });
});
