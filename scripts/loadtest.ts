/**
 * `npm run loadtest [-- --connections 50 --duration 60 --port 3200 --url URL --pid PID --fill-demo]`
 *
 * Many concurrent clients over a random mix of the five metrics, valid filters and periods, against the
 * production build (`npm run build` first). Reports per-metric and total p50/p99, errors, non-2xx answers
 * and the server's resident memory over the run.
 *
 * Without --url it prepares the configured warehouse (DATABASE_URL, else DUCKDB_PATH) as `npm start` does,
 * demo data included on DuckDB (and on a server with --fill-demo, which loads it into an empty database),
 * then starts `next start` on --port and stops it at the end. With --url it targets a running server;
 * --pid names that server's process so its memory can be sampled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';

import { closeWarehouse, getWarehouse } from '../db';
import { parseServerEnv } from '../db/env';
import { migrate } from '../db/migrate';
import { ensureDemoData } from '../pipeline/demo';
import { percentile, treeRssMb, waitForServer } from './support/app-server';

const METRICS = ['overview', 'trend', 'watch-time', 'peak-hours', 'completion', 'session-duration', 'rating-popularity', 'top-titles'] as const;
type Metric = (typeof METRICS)[number];

const DEVICE_TYPES = ['tv', 'mobile', 'web', 'tablet', 'console'];
const CONTENT_TYPES = ['movie', 'episode'];
const PLANS = ['basic', 'standard', 'premium'];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'JP', 'BR', 'IN', 'CA'];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const some = (items: readonly string[]) => items.filter(() => Math.random() < 0.5).join(',') || pick(items);
const day = (date: Date) => date.toISOString().slice(0, 10);

interface Catalog {
  /** The default period's end: periods are drawn in the 60 days up to it. */
  lastDay: Date;
  genres: string[];
}

/** A valid request: a metric, maybe a period, maybe filters, the metric's own parameters; CSV now and then. */
function randomPath(catalog: Catalog): { metric: Metric; path: string } {
  const metric = pick(METRICS);
  const q = new URLSearchParams();
  if (metric === 'watch-time') {
    q.set('by', pick(['user', 'genre', 'device_type']));
    q.set('limit', String(pick([10, 100, 1000])));
  }
  if (metric === 'completion') {
    q.set('min_sessions', String(pick([1, 5, 10, 20])));
    q.set('limit', String(pick([10, 100, 500])));
  }
  if (metric === 'rating-popularity') q.set('min_ratings', String(pick([1, 3, 5, 10])));
  if (metric === 'overview' && Math.random() < 0.7) q.set('compare', pick(['previous', 'year']));
  if (metric === 'trend') q.set('grain', pick(['day', 'week', 'month']));
  if (Math.random() < 0.7) {
    const span = pick([1, 7, 30, 60]);
    const end = new Date(catalog.lastDay.getTime() - Math.floor(Math.random() * Math.max(1, 60 - span)) * 86_400_000);
    q.set('from', day(new Date(end.getTime() - (span - 1) * 86_400_000)));
    q.set('to', day(end));
  }
  if (Math.random() < 0.3) q.set('device_type', some(DEVICE_TYPES));
  if (Math.random() < 0.2) q.set('content_type', pick(CONTENT_TYPES));
  if (Math.random() < 0.2) q.set('subscription_plan', some(PLANS));
  if (Math.random() < 0.2 && catalog.genres.length > 0) q.set('genre', some(catalog.genres));
  if (Math.random() < 0.1) q.set('country', some(COUNTRIES));
  if (Math.random() < 0.1) q.set('format', 'csv');
  return { metric, path: `/api/metrics/${metric}?${q.toString()}` };
}

/** Migrates the configured warehouse and makes sure it holds data to query. */
async function prepareWarehouse(fillDemo: boolean): Promise<void> {
  const env = parseServerEnv();
  const warehouse = await getWarehouse();
  try {
    const log = (line: string) => console.log(`[warehouse] ${line}`);
    if (!env.DATABASE_URL || fillDemo) await ensureDemoData(warehouse, { dataDir: env.DATABASE_URL ? '.data/loadtest' : dirname(env.DUCKDB_PATH), log });
    else await migrate(warehouse, { log });
    const [row] = await warehouse.query<{ n: number }>('SELECT COUNT(*) AS n FROM fact_viewing_session');
    if (!row || row.n === 0) {
      throw new Error('the warehouse holds no sessions: load data first (npm run data:load -- DIR), or pass --fill-demo to load the demo dataset into it');
    }
    log(`${warehouse.engine}: ${row.n.toLocaleString('en-US')} sessions`);
  } finally {
    await closeWarehouse();
  }
}

async function learnCatalog(base: string): Promise<Catalog> {
  const answer = (await (await fetch(`${base}/api/metrics/watch-time?by=genre&limit=100`)).json()) as {
    params?: { to?: string };
    rows?: { genre?: string }[];
  };
  const to = answer.params?.to;
  if (!to) throw new Error(`${base} did not answer a metric: ${JSON.stringify(answer).slice(0, 300)}`);
  return { lastDay: new Date(`${to}T00:00:00Z`), genres: (answer.rows ?? []).flatMap((r) => (r.genre ? [r.genre] : [])) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '60' },
      port: { type: 'string', default: '3200' },
      url: { type: 'string' },
      pid: { type: 'string' },
      'fill-demo': { type: 'boolean', default: false },
    },
  });
  const connections = Number(values.connections);
  const duration = Number(values.duration);

  let server: ChildProcess | undefined;
  let base = values.url?.replace(/\/$/, '');
  let pid = values.pid ? Number(values.pid) : undefined;
  if (!base) {
    if (!existsSync('.next/BUILD_ID')) throw new Error('no production build: run `npm run build` first');
    await prepareWarehouse(values['fill-demo']);
    base = `http://127.0.0.1:${values.port}`;
    server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', values.port, '-H', '127.0.0.1'], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    pid = server.pid;
  }

  try {
    await waitForServer(`${base}/api/metrics/peak-hours`, server, 120_000);
    const catalog = await learnCatalog(base);
    // A short warm-up, so the figures are of a running server, not of its first compilations and connections.
    await autocannon({ url: base, connections: 5, duration: 5, requests: [{ setupRequest: (r) => ({ ...r, path: randomPath(catalog).path }) }] });

    const samples: { at: number; mb: number }[] = [];
    const started = Date.now();
    const sample = () => {
      const mb = pid === undefined ? undefined : treeRssMb(pid);
      if (mb !== undefined) samples.push({ at: (Date.now() - started) / 1000, mb });
    };
    sample();
    const sampler = setInterval(sample, 1000);
    // A page that needs no warehouse, asked for while the metrics keep the warehouse busy: it must not queue
    // behind them (the embedded database runs queries on its own threads, off the event loop).
    const pageTimes: number[] = [];
    const probePage = async () => {
      const sentAt = performance.now();
      const response = await fetch(`${base}/glossary`).catch(() => undefined);
      await response?.arrayBuffer();
      if (response?.ok) pageTimes.push(performance.now() - sentAt);
    };
    const pageProbe = setInterval(() => void probePage(), 2000);

    const perMetric = new Map<Metric, { latencies: number[]; statuses: Map<number, number> }>(METRICS.map((m) => [m, { latencies: [], statuses: new Map() }]));
    const result = await autocannon({
      url: base,
      connections,
      duration,
      timeout: 60,
      requests: [
        {
          setupRequest: (request, context) => {
            const { metric, path } = randomPath(catalog);
            Object.assign(context, { metric, sentAt: performance.now() });
            return { ...request, path };
          },
          onResponse: (status, _body, context) => {
            const { metric, sentAt } = context as { metric: Metric; sentAt: number };
            const stats = perMetric.get(metric);
            stats?.latencies.push(performance.now() - sentAt);
            stats?.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
          },
        },
      ],
    });
    clearInterval(sampler);
    clearInterval(pageProbe);
    sample();

    console.log(`\n${connections} connections for ${duration} s against ${base} (${result.requests.total.toLocaleString('en-US')} requests, ${Math.round(result.requests.average)} req/s)\n`);
    console.log('metric              requests      p50 ms     p99 ms    max ms   statuses');
    const all: number[] = [];
    for (const [metric, stats] of perMetric) {
      const sorted = [...stats.latencies].sort((a, b) => a - b);
      all.push(...sorted);
      const statuses = [...stats.statuses].map(([s, n]) => `${s}×${n}`).join(' ');
      console.log(
        `${metric.padEnd(18)}${String(sorted.length).padStart(10)}${percentile(sorted, 50).toFixed(0).padStart(12)}${percentile(sorted, 99).toFixed(0).padStart(11)}${(sorted.at(-1) ?? NaN).toFixed(0).padStart(10)}   ${statuses}`,
      );
    }
    all.sort((a, b) => a - b);
    console.log(`${'all'.padEnd(18)}${String(all.length).padStart(10)}${percentile(all, 50).toFixed(0).padStart(12)}${percentile(all, 99).toFixed(0).padStart(11)}${(all.at(-1) ?? NaN).toFixed(0).padStart(10)}`);
    const pages = [...pageTimes].sort((a, b) => a - b);
    console.log(`\n/glossary during the run (a page that needs no warehouse): ${pages.length} requests, p50 ${percentile(pages, 50).toFixed(0)} ms, max ${(pages.at(-1) ?? NaN).toFixed(0)} ms`);
    console.log(`autocannon: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; errors ${result.errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx}, 5xx ${result['5xx']}`);

    if (samples.length > 0) {
      const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(fraction * (samples.length - 1)))]!;
      const quarter = Math.max(1, Math.floor(samples.length / 4));
      const mean = (list: typeof samples) => Math.round(list.reduce((n, s) => n + s.mb, 0) / list.length);
      console.log(
        `server RSS MB: start ${at(0).mb}, mid ${at(0.5).mb}, end ${at(1).mb}, max ${Math.max(...samples.map((s) => s.mb))}; ` +
          `mean of first quarter ${mean(samples.slice(0, quarter))}, of last quarter ${mean(samples.slice(-quarter))}`,
      );
    } else {
      console.log('server RSS: not sampled (pass --pid with --url)');
    }
    if (result.errors > 0 || result.non2xx > 0) process.exitCode = 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  }
}

main().catch((error: unknown) => {
  console.error(`Load test failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
