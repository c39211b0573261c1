import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { Warehouse } from '@/db/warehouse';
import { warehouseErrorResponse } from '@/server/metrics/errors';

import { openDuckdb, type DuckdbOptions } from './duckdb';
import { DatabaseInUseError } from './duckdb-errors';

/** DuckDB-only SQL (range, sleep_ms): not meant for Redshift, so not linted as if it were. */
const duckdbOnly = { translated: true };

/** 1.6 billion rows: about ten seconds of both threads on the 2-core test machine, far past any timeout here. */
const HEAVY = 'SELECT SUM(a.range * b.range) AS total FROM range(40000) AS a CROSS JOIN range(40000) AS b';
/** The same through a prepared statement, the adapter's other path to DuckDB. */
const HEAVY_BOUND = `${HEAVY} WHERE a.range >= $1`;

function open(options: Partial<DuckdbOptions> = {}): Promise<Warehouse> {
  return openDuckdb({ path: ':memory:', memoryLimit: '512MB', threads: 2, statementTimeoutMs: 60_000, connections: 2, ...options });
}

async function withWarehouse(options: Partial<DuckdbOptions>, body: (warehouse: Warehouse) => Promise<void>): Promise<void> {
  const warehouse = await open(options);
  try {
    await body(warehouse);
  } finally {
    await warehouse.close();
  }
}

/** How a statement ended and how long it took. */
async function settle(statement: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await statement.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

describe('DuckDB statement timeout', () => {
  it('interrupts a statement past statementTimeoutMs promptly with code 57014 (504 at the API), and the connection serves the next one', async () => {
    await withWarehouse({ statementTimeoutMs: 500, connections: 1 }, async (warehouse) => {
      for (const [text, params] of [
        [HEAVY, []],
        [HEAVY_BOUND, [0]],
      ] as const) {
        const { error, ms } = await settle(warehouse.query(text, params, duckdbOnly));
        expect(error).toMatchObject({ code: '57014', message: expect.stringMatching(/statement timeout/) });
        expect(ms).toBeGreaterThanOrEqual(490);
        expect(ms).toBeLessThan(1_500);
        expect(warehouseErrorResponse(error)).toMatchObject({ status: 504, body: { error: { code: 'timeout' } } });
        // One connection: the statement after the interrupted one runs on the same DuckDB connection.
        expect(await warehouse.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      }
    });
  });

  it('leaves a failure that is not the timeout as it was (a 500, not a 504)', async () => {
    await withWarehouse({ statementTimeoutMs: 500 }, async (warehouse) => {
      const { error } = await settle(warehouse.query('SELECT missing_column FROM missing_table'));
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toMatchObject({ code: '57014' });
      expect(warehouseErrorResponse(error).status).toBe(500);
    });
  });

  it('lets SET LOCAL statement_timeout TO 0 lift the limit for its own transaction only', async () => {
    // DuckDB's sleep_ms is interruptible and takes the same time on any machine.
    const sleep = (runner: Pick<Warehouse, 'query'>) => runner.query('SELECT sleep_ms(900) AS slept', [], duckdbOnly);
    await withWarehouse({ statementTimeoutMs: 300, connections: 1 }, async (warehouse) => {
      await expect(warehouse.transaction((tx) => sleep(tx))).rejects.toMatchObject({ code: '57014' });

      const lifted = await warehouse.transaction(async (tx) => {
        await tx.query('SET LOCAL statement_timeout TO 0');
        return sleep(tx);
      });
      expect(lifted).toEqual([{ slept: null }]);

      // The same (only) connection again: the limit is back for statements and transactions alike.
      await expect(sleep(warehouse)).rejects.toMatchObject({ code: '57014' });
      await expect(warehouse.transaction((tx) => sleep(tx))).rejects.toMatchObject({ code: '57014' });
    });
  });
});

describe('DuckDB off the event loop', () => {
  it('keeps the event loop ticking while a statement works for seconds', async () => {
    await withWarehouse({ statementTimeoutMs: 2_000 }, async (warehouse) => {
      let last = performance.now();
      let maxGap = 0;
      const tick = () => {
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
      };
      const ticker = setInterval(tick, 10);
      try {
        const { error, ms } = await settle(warehouse.query(HEAVY, [], duckdbOnly));
        tick();
        expect(error).toMatchObject({ code: '57014' });
        expect(ms).toBeGreaterThanOrEqual(1_900);
        expect(maxGap).toBeLessThan(200);
      } finally {
        clearInterval(ticker);
      }
    });
  });

  it('runs two slow statements at once on two connections', async () => {
    await withWarehouse({ connections: 2 }, async (warehouse) => {
      const slow = () => settle(warehouse.query('SELECT sleep_ms(1000) AS slept', [], duckdbOnly));
      const started = performance.now();
      const [first, second] = await Promise.all([slow(), slow()]);
      expect([first?.error, second?.error]).toEqual([undefined, undefined]);
      // One after the other would take 2 s.
      expect(performance.now() - started).toBeLessThan(1_600);
    });
  });

  it('answers a quick statement on a second connection while the first works, and queues it behind the first with one connection', async () => {
    for (const connections of [2, 1]) {
      await withWarehouse({ connections, statementTimeoutMs: 1_500 }, async (warehouse) => {
        let heavyDone = false;
        const heavy = settle(warehouse.query(HEAVY, [], duckdbOnly)).finally(() => (heavyDone = true));
        const quick = await warehouse.query('SELECT 1 AS one');
        expect(quick).toEqual([{ one: 1 }]);
        expect({ connections, answeredWhileHeavyRuns: !heavyDone }).toEqual({ connections, answeredWhileHeavyRuns: connections > 1 });
        expect((await heavy).error).toMatchObject({ code: '57014' });
      });
    }
  });
});

describe('DuckDB file ownership', () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamflix-duckdb-owner-'));

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Another process that opens the file, makes a table and holds the file until killed. */
  const HOLDER = `
    const { DuckDBInstance } = require('@duckdb/node-api');
    DuckDBInstance.create(process.argv[1]).then(async (instance) => {
      await (await instance.connect()).run('CREATE TABLE held (held_id INTEGER)');
      process.stdout.write('ready\\n');
      setInterval(() => undefined, 60_000);
    });`;

  it('refuses a file another process holds with a DatabaseInUseError naming that process, and opens it once the process is gone', async () => {
    const path = join(dir, 'owned.duckdb');
    const child = spawn(process.execPath, ['-e', HOLDER, path], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(child, 'exit');
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      for await (const chunk of child.stdout) {
        output += String(chunk);
        if (output.includes('ready')) break;
      }
      expect(output).toContain('ready');

      const refusal = await open({ path }).then(
        (warehouse) => warehouse.close().then(() => undefined),
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(DatabaseInUseError);
      const message = (refusal as Error).message;
      expect(message).toContain(path);
      expect(message).toContain(`process ${child.pid}`);
      expect(message).toMatch(/Stop that process and run this again/);

      child.kill();
      await exited;
      await withWarehouse({ path }, async (warehouse) => {
        expect(await warehouse.query('SELECT COUNT(*) AS held_rows FROM held')).toEqual([{ held_rows: 0 }]);
      });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
  });

  it('refuses a second open of a file this process holds, where DuckDB would let two instances overwrite each other', async () => {
    const path = join(dir, 'twice.duckdb');
    await withWarehouse({ path }, async (first) => {
      await first.query('CREATE TABLE kept (kept_id INTEGER)');
      await expect(open({ path })).rejects.toThrow(/already open in this process/);
    });
    await withWarehouse({ path }, async (again) => {
      expect(await again.query('SELECT COUNT(*) AS n FROM kept')).toEqual([{ n: 0 }]);
    });
  });
});
