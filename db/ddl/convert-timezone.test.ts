import { expect, it } from 'vitest';

import { describeEachEngine } from '@/test/support/test-warehouse';

describeEachEngine('convert_timezone (Redshift semantics on PostgreSQL)', (harness) => {
  it.each([
    // UTC instant, zone, local wall clock
    ['2026-03-08 06:59:59.999', 'America/New_York', '2026-03-08T01:59:59.999Z'], // last EST millisecond
    ['2026-03-08 07:00:00', 'America/New_York', '2026-03-08T03:00:00.000Z'], // clocks jump to EDT
    ['2026-11-01 05:30:00', 'America/New_York', '2026-11-01T01:30:00.000Z'], // first 01:30 (EDT)
    ['2026-11-01 06:30:00', 'America/New_York', '2026-11-01T01:30:00.000Z'], // second 01:30 (EST)
    ['2026-10-03 19:02:11.25', 'Asia/Kolkata', '2026-10-04T00:32:11.250Z'], // half-hour zone crosses midnight
    ['2026-04-04 15:59:59', 'Australia/Sydney', '2026-04-05T02:59:59.000Z'], // southern DST ends 03:00 → 02:00
    ['2026-04-04 16:00:00', 'Australia/Sydney', '2026-04-05T02:00:00.000Z'],
    ['2026-10-03 19:02:11', 'UTC', '2026-10-03T19:02:11.000Z'],
  ])('%s UTC in %s is %s local', async (utc, zone, local) => {
    const warehouse = await harness.migrated();
    try {
      const [row] = await warehouse.query("SELECT CONVERT_TIMEZONE('UTC', $1, CAST($2 AS TIMESTAMP)) AS local_ts", [zone, utc]);
      expect(row?.local_ts).toBe(local);
    } finally {
      await warehouse.close();
    }
  });
});
