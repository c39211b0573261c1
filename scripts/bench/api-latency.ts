/**
 * API latency as an analyst meets it: each metric over a fixed, representative mix of periods and
 * filters, one request at a time against the production server, warm (every request is sent once before
 * the timed rounds), p50 and p95 per metric; and the server's memory over the run.
 */
import { percentile, startAppServer, treeRssMb } from '../support/app-server';

const METRICS = ['overview', 'trend', 'watch-time', 'peak-hours', 'completion', 'session-duration', 'rating-popularity', 'top-titles'] as const;
type Metric = (typeof METRICS)[number];

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Periods: the default month, and the last 7, 30 and 90 days up to the newest day of the default month. */
function periods(defaultTo: string): Record<string, string>[] {
  const end = Date.parse(`${defaultTo}T00:00:00Z`);
  return [{}, ...[7, 30, 90].map((days) => ({ from: day(end - (days - 1) * DAY_MS), to: defaultTo }))];
}

function filters(topGenre: string): Record<string, string>[] {
  return [
    {},
    { device_type: 'tv' },
    { genre: topGenre },
    { subscription_plan: 'premium,standard' },
    { country: 'US' },
    { device_type: 'tv,mobile', genre: topGenre, country: 'US' },
  ];
}

const OWN: Record<Metric, Record<string, string>[]> = {
  overview: [{}, { compare: 'previous' }, { compare: 'year' }],
  trend: [{ grain: 'day' }, { grain: 'week' }, { grain: 'month' }],
  'watch-time': [{ by: 'genre' }, { by: 'device_type' }, { by: 'user', limit: '100' }, { by: 'title' }],
  'peak-hours': [{}],
  completion: [{}, { min_sessions: '5', limit: '500' }, { level: 'season' }, { level: 'title' }],
  'session-duration': [{}],
  'rating-popularity': [{}, { min_ratings: '2' }],
  'top-titles': [{}, { limit: '100' }],
};

/** Every metric's requests: its own parameters × periods × filters, in a fixed order. */
export function latencyMix(defaultTo: string, topGenre: string): { metric: Metric; path: string }[] {
  const mix: { metric: Metric; path: string }[] = [];
  for (const metric of METRICS)
    for (const own of OWN[metric])
      for (const period of periods(defaultTo))
        for (const filter of filters(topGenre)) mix.push({ metric, path: `/api/metrics/${metric}?${new URLSearchParams({ ...own, ...period, ...filter })}` });
  return mix;
}

export interface LatencyRow {
  metric: Metric;
  requests: number;
  p50: number;
  p95: number;
  max: number;
}

export interface LatencyRun {
  /** The default period's last day and the genre with the most watch time: what the mix was built from. */
  defaultTo: string;
  topGenre: string;
  rows: LatencyRow[];
  rssMb: { start: number | undefined; end: number | undefined; max: number | undefined };
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

/** Starts the app on `env`'s warehouse, measures `rounds` timed passes over the mix, stops the app. */
export async function measureApiLatency(env: Record<string, string>, options: { port?: number; rounds?: number } = {}): Promise<LatencyRun> {
  const server = await startAppServer(options.port ?? 3300, env);
  try {
    const probe = (await (await fetch(`${server.base}/api/metrics/watch-time?by=genre&limit=1`)).json()) as { params: { to: string }; rows: { genre: string }[] };
    const defaultTo = probe.params.to;
    const topGenre = probe.rows[0]?.genre ?? 'Drama';
    const mix = latencyMix(defaultTo, topGenre);
    const rss: number[] = [];
    const sample = () => {
      const mb = server.pid === undefined ? undefined : treeRssMb(server.pid);
      if (mb !== undefined) rss.push(mb);
    };
    for (const request of mix) await timed(server.base + request.path);
    sample();
    const latencies = new Map<Metric, number[]>(METRICS.map((m) => [m, []]));
    for (let round = 0; round < (options.rounds ?? 3); round++) {
      for (const request of mix) latencies.get(request.metric)?.push(await timed(server.base + request.path));
      sample();
    }
    const rows = METRICS.map((metric) => {
      const sorted = [...(latencies.get(metric) ?? [])].sort((a, b) => a - b);
      return { metric, requests: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
    });
    return { defaultTo, topGenre, rows, rssMb: { start: rss[0], end: rss.at(-1), max: rss.length ? Math.max(...rss) : undefined } };
  } finally {
    await server.stop();
  }
}

export function printLatency(label: string, run: LatencyRun): void {
  console.log(`\nAPI latency, ${label} (warm, one request at a time, ms):`);
  console.log('metric              requests     p50 ms     p95 ms     max ms');
  for (const row of run.rows) {
    console.log(`${row.metric.padEnd(18)}${String(row.requests).padStart(10)}${row.p50.toFixed(1).padStart(11)}${row.p95.toFixed(1).padStart(11)}${row.max.toFixed(1).padStart(11)}`);
  }
  const { start, end, max } = run.rssMb;
  console.log(`server RSS MB: ${start ?? '?'} after warm-up, ${end ?? '?'} at the end, ${max ?? '?'} at most`);
}
