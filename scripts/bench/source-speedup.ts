/**
 * Each metric's speed-up over the raw-fact query: every request of the latency mix, built twice (the
 * source the app chooses, and the fact table forced), and where the two differ (a rollup answers) each
 * statement timed in the warehouse, warm (`every` samples the mix). Metrics that always read the fact print 'fact only'. Run
 * with the react-server condition (`npm run bench` sets it), as the server modules are server-only.
 */
import { openWarehouse } from '../../db';
import { parseServerEnv } from '../../db/env';
import { buildMetricQuery, parseMetricParams, type MetricName } from '../../server/metrics';
import { resolvePeriod } from '../../server/metrics/period';
import { percentile } from '../support/app-server';

export interface SpeedupRow {
  metric: MetricName;
  /** Median statement time on the source the app chooses, and on the fact table, in ms (NaN: no rollup). */
  chosenMs: number;
  factMs: number;
  /** How many of the metric's requests a rollup answered. */
  fromRollup: number;
  requests: number;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function measureSpeedup(
  env: Record<string, string>,
  mix: readonly { metric: MetricName; path: string }[],
  { rounds = 2, warmFact = true, every = 1 }: { rounds?: number; warmFact?: boolean; every?: number } = {},
): Promise<SpeedupRow[]> {
  const warehouse = await openWarehouse(parseServerEnv({ ...process.env, ...env }));
  try {
    const timings = new Map<MetricName, { chosen: number[]; fact: number[]; fromRollup: number; requests: number }>();
    for (const [index, { metric, path }] of mix.entries()) {
      if (index % every !== 0) continue;
      const params = parseMetricParams(metric, new URL(path, 'http://bench').searchParams);
      const period = await resolvePeriod(params, warehouse);
      const chosen = buildMetricQuery(metric, params, period);
      const fact = buildMetricQuery(metric, params, period, { source: 'fact' });
      const entry = timings.get(metric) ?? { chosen: [], fact: [], fromRollup: 0, requests: 0 };
      timings.set(metric, entry);
      entry.requests++;
      // The same statement either way: nothing to compare (the metric has no rollup for this request).
      if (chosen.sql === fact.sql) continue;
      entry.fromRollup++;
      // Warm both statements once, then alternate them so that a busy moment hurts both alike. At the
      // scale tier a fact statement takes seconds and the requests before it have read the same pages, so
      // its warm-up is skipped there.
      await warehouse.query(chosen.sql, chosen.values);
      if (warmFact) await warehouse.query(fact.sql, fact.values);
      for (let round = 0; round < rounds; round++) {
        entry.chosen.push(await time(() => warehouse.query(chosen.sql, chosen.values)));
        entry.fact.push(await time(() => warehouse.query(fact.sql, fact.values)));
      }
    }
    const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
    return [...timings].map(([metric, t]) => ({
      metric,
      chosenMs: median(t.chosen),
      factMs: median(t.fact),
      fromRollup: t.fromRollup,
      requests: t.requests,
    }));
  } finally {
    await warehouse.close();
  }
}

export function printSpeedup(label: string, rows: readonly SpeedupRow[]): void {
  console.log(`\nRollups against the raw-fact query, ${label} (median statement time in the warehouse, warm):`);
  console.log('metric              from rollup   chosen ms     fact ms   speed-up');
  for (const row of rows) {
    console.log(
      [
        row.metric.padEnd(18),
        `${row.fromRollup}/${row.requests}`.padStart(12),
        (row.fromRollup === 0 ? '—' : row.chosenMs.toFixed(1)).padStart(11),
        (row.fromRollup === 0 ? '—' : row.factMs.toFixed(1)).padStart(11),
        (row.fromRollup === 0 ? 'fact only' : `${(row.factMs / row.chosenMs).toFixed(1)}x`).padStart(10),
      ].join(' '),
    );
  }
}
