import { expect, it } from 'vitest';

import { writeDataset } from '@/test/support/dataset';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { loadDataset } from './load-dataset';
import { MAX_LINE_BYTES } from './read-lines';

describeEachEngine('hostile input lines', (harness) => {
  it('accounts for a huge line, deep nesting and wrong types as rejects, and keeps the good line', async () => {
    const good = { event_id: 'ok', event_type: 'play', event_ts: '2026-10-03T19:00:00Z', user_id: 'u', session_id: 's', content_id: 'm', device: { device_id: 'd', device_type: 'tv', os: 'x', app_version: '1' }, position_seconds: 0 };
    const dir = writeDataset({
      events: {
        'events-1.jsonl': [
          `{"event_id":"${'x'.repeat(MAX_LINE_BYTES + 10)}"}`,
          `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
          JSON.stringify({ ...good, event_id: 7 }),
          JSON.stringify(good),
        ],
      },
    });
    const warehouse = await harness.migrated();
    try {
      const report = await loadDataset(warehouse, dir);
      expect(report.events).toEqual({ lines_read: 4, events_kept: 1, duplicates: 0, rejected: 3 });
      const rejects = (
        await warehouse.query<{ line_number: number; reason: string; raw_line: string }>('SELECT line_number, reason, raw_line FROM etl_reject ORDER BY line_number')
      ).map((r) => ({ ...r, bytes: Buffer.byteLength(r.raw_line) }));
      expect(rejects.map((r) => [r.line_number, r.reason])).toEqual([
        [1, `line is ${MAX_LINE_BYTES + 10 + 15} bytes, longer than the ${MAX_LINE_BYTES}-byte limit`],
        [2, 'not a JSON object'],
        [3, 'event_id: must be a string'],
      ]);
      // The 64 KiB sample, cut to the 65,535 bytes a Redshift VARCHAR holds.
      expect(rejects[0]?.bytes).toBe(65_535);
    } finally {
      await warehouse.close();
    }
  });
});
