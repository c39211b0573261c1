import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeWarehouse, openWarehouse } from '@/db';
import { parseServerEnv } from '@/db/env';
import { migrate } from '@/db/migrate';
import { rollupDeclarations } from '@/db/schema/rollups';
import { TcpProxy } from '@/test/support/tcp-proxy';
import { testEngines } from '@/test/support/test-warehouse';

import { warehouseErrorResponse } from './errors';
import { handleMetricRequest } from './http';

/**
 * The warehouse misbehaving under the app, on a real PostgreSQL: a relay between them is stopped (the
 * server is down), frozen (the network is cut) and restarted; a lock held elsewhere makes a metric's
 * query slow enough for the statement timeout; a held transaction fills the pool.
 */
const postgres = testEngines.find((h) => h.engine === 'postgres');

const request = (metric: string, query = 'from=2026-10-01&to=2026-10-31') =>
  new URL(`http://localhost/api/metrics/${metric}${query ? `?${query}` : ''}`);

async function timed<T>(action: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await action();
  return { value, ms: Date.now() - started };
}

async function errorOf(response: Response): Promise<{ status: number; code: unknown }> {
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.message).toBe('string');
  return { status: response.status, code: body.error?.code };
}

describe.runIf(postgres)('the warehouse failing under the app [postgres]', () => {
  let databaseUrl = '';
  let proxy: TcpProxy;

  beforeAll(async () => {
    const target = await postgres!.forChildProcess();
    databaseUrl = target.env.DATABASE_URL ?? '';
    const warehouse = await target.open();
    await migrate(warehouse);
    await warehouse.close();
    const direct = new URL(databaseUrl);
    proxy = new TcpProxy(direct.hostname, Number(direct.port || 5432));
    await proxy.start();
  });

  afterAll(async () => {
    await proxy.stop();
  });

  const openThroughProxy = (env: Record<string, string>) =>
    openWarehouse(parseServerEnv({ DATABASE_URL: proxy.urlFor(databaseUrl), DB_CONNECT_TIMEOUT_MS: '1000', ...env }));

  it('answers 503 within seconds while the warehouse is down, and serves again once it is back, without a restart', async () => {
    const warehouse = await openThroughProxy({ DB_POOL_MAX: '3' });
    try {
      expect((await handleMetricRequest('peak-hours', request('peak-hours'), warehouse)).status).toBe(200);

      await proxy.stop();
      const down = await timed(() =>
        Promise.all(['peak-hours', 'session-duration', 'rating-popularity', 'completion'].map((m) => handleMetricRequest(m, request(m), warehouse))),
      );
      for (const response of down.value) expect(await errorOf(response)).toEqual({ status: 503, code: 'warehouse_unavailable' });
      expect(down.ms).toBeLessThan(5_000);

      await proxy.start();
      // The pooled connections died with the server; the next request opens fresh ones by itself.
      expect((await handleMetricRequest('peak-hours', request('peak-hours'), warehouse)).status).toBe(200);
      expect((await handleMetricRequest('watch-time', request('watch-time', 'by=genre'), warehouse)).status).toBe(200);
      expect(warehouse.limiter.stats()).toMatchObject({ inFlight: 0, queued: 0 });
    } finally {
      await proxy.start().catch(() => undefined);
      await warehouse.close();
    }
  });

  it('answers 503 while the app starts with the warehouse down, and opens it on a later request once it is up', async () => {
    const saved = { DATABASE_URL: process.env.DATABASE_URL, DB_CONNECT_TIMEOUT_MS: process.env.DB_CONNECT_TIMEOUT_MS };
    // The route's own path: the process-wide warehouse, opened from the environment on first use.
    process.env.DATABASE_URL = proxy.urlFor(databaseUrl);
    process.env.DB_CONNECT_TIMEOUT_MS = '1000';
    await closeWarehouse();
    try {
      await proxy.stop();
      const down = await timed(() => handleMetricRequest('peak-hours', request('peak-hours')));
      expect(await errorOf(down.value)).toEqual({ status: 503, code: 'warehouse_unavailable' });
      expect(down.ms).toBeLessThan(5_000);
      await proxy.start();
      expect((await handleMetricRequest('peak-hours', request('peak-hours'))).status).toBe(200);
    } finally {
      await proxy.start().catch(() => undefined);
      await closeWarehouse();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('fails a statement and a transaction in flight when the server goes away, without crashing the process', async () => {
    const warehouse = await openThroughProxy({ DB_POOL_MAX: '2' });
    try {
      let inside: () => void = () => {};
      const entered = new Promise<void>((resolve) => (inside = resolve));
      let stopped: () => void = () => {};
      const serverGone = new Promise<void>((resolve) => (stopped = resolve));
      // The transaction sits between two statements when its socket dies: the client emits 'error' with
      // no query to carry it, which would be an uncaught exception without a listener.
      const transaction = warehouse.transaction(async (tx) => {
        await tx.query('SELECT 1 AS one');
        inside();
        await serverGone;
        await tx.query('SELECT 2 AS two');
      });
      const sleeping = warehouse.query('SELECT pg_sleep(3)', [], { translated: true }).catch((error: unknown) => error);
      await entered;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await proxy.stop();
      stopped();

      const failures = await timed(() => Promise.all([transaction.then(() => undefined, (error: unknown) => error), sleeping]));
      expect(failures.ms).toBeLessThan(2_000);
      for (const error of failures.value) expect(warehouseErrorResponse(error).status).toBe(503);

      await proxy.start();
      expect(await warehouse.query('SELECT 3 AS three')).toEqual([{ three: 3 }]);
    } finally {
      await proxy.start().catch(() => undefined);
      await warehouse.close();
    }
  });

  it('answers 503 within seconds when the network is cut (connections neither refused nor answered)', async () => {
    // Statement timeout 500 ms + connect timeout 1 s: a pooled connection gives up after 1.5 s of silence.
    const warehouse = await openThroughProxy({ DB_POOL_MAX: '2', STATEMENT_TIMEOUT_MS: '500' });
    try {
      expect((await handleMetricRequest('peak-hours', request('peak-hours'), warehouse)).status).toBe(200);
      proxy.freeze();
      const onPooled = await timed(() => handleMetricRequest('peak-hours', request('peak-hours'), warehouse));
      expect(await errorOf(onPooled.value)).toEqual({ status: 503, code: 'warehouse_unavailable' });
      expect(onPooled.ms).toBeLessThan(5_000);
      // The silent connection was discarded: the next request must open one, and that times out too.
      const onNew = await timed(() => handleMetricRequest('session-duration', request('session-duration'), warehouse));
      expect(await errorOf(onNew.value)).toEqual({ status: 503, code: 'warehouse_unavailable' });
      expect(onNew.ms).toBeLessThan(5_000);

      await proxy.stop();
      await proxy.start();
      expect((await handleMetricRequest('peak-hours', request('peak-hours'), warehouse)).status).toBe(200);
    } finally {
      await proxy.stop();
      await proxy.start();
      await warehouse.close();
    }
  });

  it('answers 504 when the statement timeout cuts a slow query, and the connection goes back to the pool', async () => {
    const warehouse = await openThroughProxy({ DB_POOL_MAX: '1', STATEMENT_TIMEOUT_MS: '300' });
    const locker = new pg.Client({ connectionString: databaseUrl });
    await locker.connect();
    try {
      const [before] = await warehouse.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', [], { translated: true });

      // Another session holds the fact table and its rollups: the metric's query waits on the lock until its timeout.
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${['fact_viewing_session', ...rollupDeclarations.map((r) => r.name)].join(', ')} IN ACCESS EXCLUSIVE MODE`);
      const slow = await handleMetricRequest('peak-hours', request('peak-hours'), warehouse);
      expect(await errorOf(slow)).toEqual({ status: 504, code: 'timeout' });
      const sleeping = await warehouse.query('SELECT pg_sleep(5)', [], { translated: true }).catch((error: unknown) => error);
      expect(warehouseErrorResponse(sleeping).status).toBe(504);
      await locker.query('ROLLBACK');

      // One connection in the pool, and it is the same server session: cancelled, not discarded.
      const [after] = await warehouse.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', [], { translated: true });
      expect(after?.pid).toBe(before?.pid);
      expect((await handleMetricRequest('peak-hours', request('peak-hours'), warehouse)).status).toBe(200);
      expect(warehouse.limiter.stats()).toMatchObject({ inFlight: 0, queued: 0 });

      // Nothing of the cancelled statements is still running on the server.
      const { rows } = await locker.query<{ n: string }>(
        "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE pid = $1 AND state <> 'idle'",
        [before?.pid],
      );
      expect(rows[0]?.n).toBe('0');
    } finally {
      await locker.end();
      await warehouse.close();
    }
  });

  it('queues past the pool, and answers 503 warehouse_busy when the queue is full or the wait too long', async () => {
    const warehouse = await openThroughProxy({ DB_POOL_MAX: '1', DB_QUEUE_MAX: '1', DB_QUEUE_TIMEOUT_MS: '400' });
    let finish: () => void = () => {};
    const held = new Promise<void>((resolve) => (finish = resolve));
    let inside: () => void = () => {};
    const entered = new Promise<void>((resolve) => (inside = resolve));
    try {
      // A long CSV download, say: a transaction that holds the only connection.
      const holder = warehouse.transaction(async (tx) => {
        await tx.query('SELECT 1 AS one');
        inside();
        await held;
      });
      await entered;

      const waiting = timed(() => handleMetricRequest('peak-hours', request('peak-hours'), warehouse));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(warehouse.limiter.stats()).toMatchObject({ inFlight: 1, queued: 1 });

      const refused = await timed(() => handleMetricRequest('session-duration', request('session-duration'), warehouse));
      expect(await errorOf(refused.value)).toEqual({ status: 503, code: 'warehouse_busy' });
      expect(refused.ms).toBeLessThan(400);

      const timedOut = await waiting;
      expect(await errorOf(timedOut.value)).toEqual({ status: 503, code: 'warehouse_busy' });
      expect(timedOut.ms).toBeGreaterThanOrEqual(350);

      // A request that waits less than the bound is served once the connection frees up.
      const served = handleMetricRequest('peak-hours', request('peak-hours'), warehouse);
      await new Promise((resolve) => setTimeout(resolve, 100));
      finish();
      await holder;
      expect((await served).status).toBe(200);
      expect(warehouse.limiter.stats()).toEqual({ inFlight: 0, queued: 0, refused: 2 });
    } finally {
      finish();
      await warehouse.close();
    }
  });
});
