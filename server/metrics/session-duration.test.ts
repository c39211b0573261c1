import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { sessionLengthInsert } from '@/db/viewer-rollup-sql';
import type { Warehouse } from '@/db/warehouse';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { runMetric, type MetricSource } from './index';
import { DURATION_BUCKETS } from './session-duration';

const OCTOBER = 20261015;
const NOVEMBER = 20261120;
const NOW = new Date('2026-12-01T00:00:00Z');
/** The rollup the app reads, and the fact it is kept equal to. */
const SOURCES: MetricSource[] = ['auto', 'fact'];

/**
 * Sessions of the given lengths (seconds, to the millisecond) on unknown members, alternating October and
 * November, in the fact and in agg_session_length built from it as the ELT builds it.
 */
async function replaceSessions(warehouse: Warehouse, lengths: readonly number[]): Promise<void> {
  await insertSessions(warehouse, lengths);
  await warehouse.query('DELETE FROM agg_session_length', []);
  await warehouse.query(sessionLengthInsert(), []);
}

async function insertSessions(warehouse: Warehouse, lengths: readonly number[]): Promise<void> {
  await warehouse.query('DELETE FROM fact_viewing_session', []);
  if (lengths.length === 0) return;
  const values: unknown[] = [];
  const rows = lengths.map((length, i) => {
    values.push(`p${i}`, i % 2 === 0 ? OCTOBER : NOVEMBER, length.toFixed(3));
    const n = values.length;
    return `($${n - 2}, -1, -1, -1, $${n - 1}, 0, 'closed', CAST('2026-10-15 10:00:00' AS TIMESTAMP), CAST('2026-10-15 10:00:00' AS TIMESTAMP), NULL, CAST('2026-10-15 10:00:00' AS TIMESTAMP), CAST('2026-10-15 10:00:00' AS TIMESTAMP), CAST($${n} AS DECIMAL(12,3)), 0, 0, 0, FALSE, 0, 0, 1, 0, 0, 0)`;
  });
  await warehouse.query(
    `INSERT INTO fact_viewing_session (session_id, user_key, content_key, device_key, start_date_key, start_time_of_day_key, session_status, session_start_ts, last_event_ts, stop_ts, session_end_ts, local_start_ts, session_length_seconds, watch_seconds, start_position_seconds, max_position_seconds, is_completed, pause_count, seek_count, event_count, events_after_stop, first_load_id, last_load_id)
VALUES ${rows.join(',\n')}`,
    values,
  );
}

/** Lengths that crowd near the bucket bounds (ties and near-ties), mixed with lengths anywhere up to four hours. */
const lengths = fc.array(
  fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 999 })).map(([s, ms]) => 300 * s + ms / 1000),
    fc.integer({ min: 0, max: 14_400_000 }).map((ms) => ms / 1000),
  ),
  { minLength: 0, maxLength: 60 },
);

describeEachEngine('session duration over lengths to the millisecond', (harness) => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await harness.migrated();
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  it('gives PERCENTILE_CONT over the lengths (to a nanosecond), the averages and every bucket, for any lengths', async () => {
    await fc.assert(
      fc.asyncProperty(lengths, async (all) => {
        await replaceSessions(warehouse, all);
        for (const source of SOURCES) await expectDefinition(source, all);
      }),
      { numRuns: 40, seed: 20261201 },
    );

    async function expectDefinition(source: MetricSource, all: number[]): Promise<void> {
      const result = await runMetric('session-duration', { from: '2026-10-01', to: '2026-10-31' }, warehouse, { now: NOW, source });
      expect(result.sql).toContain(source === 'fact' ? 'FROM fact_viewing_session' : 'FROM agg_session_length');
      const october = all.filter((_, i) => i % 2 === 0);
      const [direct] = await warehouse.query<{ median: number | null; p90: number | null }>(
        `SELECT
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CAST(session_length_seconds AS DOUBLE PRECISION)) AS median,
  PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY CAST(session_length_seconds AS DOUBLE PRECISION)) AS p90
FROM fact_viewing_session
WHERE start_date_key = $1`,
        [OCTOBER],
      );
      const summary = result.summary as Record<string, number | null>;
      expect(summary.sessions).toBe(october.length);
      for (const [figure, expected] of [
        [summary.median_session_seconds, direct?.median],
        [summary.p90_session_seconds, direct?.p90],
      ] as const) {
        if (october.length === 0) expect(figure).toBeNull();
        else expect(figure).toBeCloseTo(expected ?? NaN, 9);
      }
      const expectedAverage = october.length === 0 ? null : october.reduce((sum, l) => sum + Math.round(l * 1000), 0) / 1000 / october.length;
      if (expectedAverage === null) expect(summary.avg_session_seconds).toBeNull();
      else expect(summary.avg_session_seconds).toBeCloseTo(expectedAverage, 9);
      expect(result.rows.map((r) => r.sessions)).toEqual(
        DURATION_BUCKETS.map((b) => october.filter((l) => l >= b.lower && (b.upper === null || l < b.upper)).length),
      );
    }
  });

  it.each(SOURCES)('interpolates between milliseconds, and reads one session alone (source %s)', async (source) => {
    // October: 10.5, 10.9, 12.25, 40 (the odd indexes go to November). Median position 1.5 between 10.9 and 12.25.
    await replaceSessions(warehouse, [10.5, 1, 10.9, 2, 12.25, 3, 40, 4]);
    let summary = (await runMetric('session-duration', { from: '2026-10-01', to: '2026-10-31' }, warehouse, { now: NOW, source })).summary;
    expect(summary.median_session_seconds).toBeCloseTo(11.575, 9);
    expect(summary.p90_session_seconds).toBeCloseTo(12.25 + 0.7 * (40 - 12.25), 9); // position 2.7
    await replaceSessions(warehouse, [7.125]);
    summary = (await runMetric('session-duration', { from: '2026-10-01', to: '2026-10-31' }, warehouse, { now: NOW, source })).summary;
    expect(summary).toMatchObject({ sessions: 1, median_session_seconds: 7.125, p90_session_seconds: 7.125, avg_session_seconds: 7.125 });
  });
});
