/**
 * The app against its peer, side by side in one run: each request of the latency mix answered by the
 * production server over HTTP (rollups, the statement the app chooses), and the same question asked of
 * DuckDB directly over the raw fact and dimension tables — one statement, joining only the dimensions the
 * question needs, no rollup (the metric's fact-table statement) — on a copy of the same file, in this
 * process. Alternated request by request, so that a busy moment of the shared machine hurts both alike.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';

import { openDuckdb } from '../../db/engines/duckdb';
import { buildMetricQuery, parseMetricParams, type MetricName } from '../../server/metrics';
import { resolvePeriod } from '../../server/metrics/period';
import { latencyMix } from './api-latency';
import { percentile, startAppServer, treeRssMb } from '../support/app-server';

export interface PeerRow {
  metric: MetricName;
  requests: number;
  appP50: number;
  appP95: number;
  peerP50: number;
  peerP95: number;
  /** Median over the requests of app time ÷ peer time: under 0.5 means at least twice as fast. */
  ratio: number;
}

export interface PeerRun {
  rows: PeerRow[];
  serverRssMaxMb: number | undefined;
}

async function timed<T>(run: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function fetchOk(url: string): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

export async function measureAgainstPeer(duckdbPath: string, env: Record<string, string>, { rounds = 3, port = 3302 } = {}): Promise<PeerRun> {
  const peerPath = `${duckdbPath}.peer`;
  rmSync(peerPath, { force: true });
  copyFileSync(duckdbPath, peerPath);
  if (existsSync(`${duckdbPath}.wal`)) copyFileSync(`${duckdbPath}.wal`, `${peerPath}.wal`);
  const peer = await openDuckdb({ path: peerPath, memoryLimit: '2GB', threads: 2, statementTimeoutMs: 600_000, connections: 1 });
  const server = await startAppServer(port, env);
  try {
    const probe = (await (await fetch(`${server.base}/api/metrics/watch-time?by=genre&limit=1`)).json()) as { params: { to: string }; rows: { genre: string }[] };
    const mix = latencyMix(probe.params.to, probe.rows[0]?.genre ?? 'Drama');
    const requests = [];
    for (const { metric, path } of mix) {
      const params = parseMetricParams(metric, new URL(path, 'http://bench').searchParams);
      const query = buildMetricQuery(metric, params, await resolvePeriod(params, peer), { source: 'fact' });
      requests.push({ metric, url: server.base + path, query });
    }
    // Warm both: every request once, each side.
    for (const r of requests) {
      await fetchOk(r.url);
      await peer.query(r.query.sql, r.query.values);
    }
    const times = new Map<MetricName, { app: number[]; peer: number[]; ratios: number[] }>();
    let rssMax: number | undefined;
    for (let round = 0; round < rounds; round++) {
      for (const r of requests) {
        const app = await timed(() => fetchOk(r.url));
        const direct = await timed(() => peer.query(r.query.sql, r.query.values));
        const entry = times.get(r.metric) ?? { app: [], peer: [], ratios: [] };
        times.set(r.metric, entry);
        entry.app.push(app);
        entry.peer.push(direct);
        entry.ratios.push(app / direct);
      }
      const rss = server.pid === undefined ? undefined : treeRssMb(server.pid);
      if (rss !== undefined) rssMax = Math.max(rssMax ?? 0, rss);
    }
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const rows = [...times].map(([metric, t]) => ({
      metric,
      requests: t.app.length,
      appP50: percentile(sorted(t.app), 50),
      appP95: percentile(sorted(t.app), 95),
      peerP50: percentile(sorted(t.peer), 50),
      peerP95: percentile(sorted(t.peer), 95),
      ratio: percentile(sorted(t.ratios), 50),
    }));
    return { rows, serverRssMaxMb: rssMax };
  } finally {
    await server.stop();
    await peer.close();
    rmSync(peerPath, { force: true });
    rmSync(`${peerPath}.wal`, { force: true });
  }
}

export function printPeer(label: string, run: PeerRun): void {
  console.log(`\nThe app's HTTP API against DuckDB asked directly over the raw fact (${label}; warm, alternated, ms):`);
  console.log('metric              requests   app p50   app p95   peer p50   peer p95   app/peer (median)');
  for (const r of run.rows) {
    console.log(
      [
        r.metric.padEnd(18),
        String(r.requests).padStart(9),
        r.appP50.toFixed(1).padStart(9),
        r.appP95.toFixed(1).padStart(9),
        r.peerP50.toFixed(1).padStart(10),
        r.peerP95.toFixed(1).padStart(10),
        r.ratio.toFixed(2).padStart(19),
      ].join(' '),
    );
  }
  console.log(`server RSS MB at most: ${run.serverRssMaxMb ?? '?'}`);
}
