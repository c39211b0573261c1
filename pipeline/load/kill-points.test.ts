import { spawn } from 'node:child_process';

import { expect, it } from 'vitest';

import { migrate } from '@/db/migrate';
import { bulkEvents } from '@/test/support/bulk-dataset';
import { writeDataset } from '@/test/support/dataset';
import { warehouseSnapshot } from '@/test/support/snapshot';
import { describeEachEngine } from '@/test/support/test-warehouse';

/**
 * `npm run data:load` killed (SIGKILL, no chance to clean up) at random moments of its run, several times
 * in a row on the same warehouse: after each kill the warehouse is exactly as before the load or exactly
 * as after a clean one, never in between; a final rerun ends equal to a clean load. The moments are drawn
 * from a seed printed with any failure; KILL_POINTS_SEED replays one.
 */

const KILLS = 3;
const seed = Number(process.env.KILL_POINTS_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const dir = writeDataset({ events: { 'events-1.jsonl': bulkEvents(5_000) } });

/** Runs the loader as a child; kills it after killAfterMs if given. Resolves with how it ended and when. */
function runLoader(env: Record<string, string>, killAfterMs?: number): Promise<{ ms: number; code: number | null; killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/load.ts', dir], { env: { ...process.env, SQL_LINT: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ ms: Date.now() - started, code, killed: signal === 'SIGKILL', output });
    });
  });
}

describeEachEngine('a load killed at random points', (harness) => {
  it(`leaves the warehouse as before or as after a clean load, each time, and a rerun finishes it (seed ${seed})`, { timeout: 300_000 }, async () => {
    const next = random(seed);
    const prepared = async () => {
      const target = await harness.forChildProcess();
      const warehouse = await target.open();
      await migrate(warehouse);
      await warehouse.close();
      return target;
    };

    const clean = await prepared();
    const cleanRun = await runLoader(clean.env);
    expect(cleanRun.code, cleanRun.output).toBe(0);
    const pristineWarehouse = await harness.migrated();
    const pristine = await warehouseSnapshot(pristineWarehouse);
    await pristineWarehouse.close();
    const cleanWarehouse = await clean.open();
    const loaded = await warehouseSnapshot(cleanWarehouse);
    await cleanWarehouse.close();

    const target = await prepared();
    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      // Anywhere from the process starting (module loading, opening the warehouse) to the last statements.
      const at = Math.round((0.05 + 0.8 * next()) * cleanRun.ms);
      const run = await runLoader(target.env, at);
      const context = `seed ${seed}, kill ${kill + 1} at ${at} ms of ${cleanRun.ms} ms`;
      const warehouse = await target.open();
      try {
        const loads = await warehouse.query<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM etl_load GROUP BY status');
        const snapshot = await warehouseSnapshot(warehouse);
        if (loads.length === 0) {
          expect(snapshot, context).toEqual(pristine);
          outcomes.push(run.killed ? 'killed, nothing kept' : 'finished before the kill');
        } else {
          // The kill came after a commit: the load is whole. A run that beat its kill has loaded the files
          // once more (a load of its own, changing nothing): only succeeded loads, never a partial one.
          expect(loads.map((l) => l.status), context).toEqual(['succeeded']);
          expect(snapshot, context).toEqual(loaded);
          outcomes.push(run.killed ? 'killed after the commit' : 'finished before the kill');
        }
        const [rejects] = await warehouse.query<{ n: number }>('SELECT COUNT(*) AS n FROM etl_reject');
        expect(rejects?.n, context).toBe(0);
      } finally {
        await warehouse.close();
      }
    }
    // Not a vacuous pass: at least one run was cut short.
    expect(outcomes.some((o) => o.startsWith('killed')), outcomes.join('; ')).toBe(true);

    const rerun = await runLoader(target.env);
    expect(rerun.code, rerun.output).toBe(0);
    const warehouse = await target.open();
    try {
      expect(await warehouseSnapshot(warehouse), `seed ${seed}`).toEqual(loaded);
    } finally {
      await warehouse.close();
    }
  });
});
