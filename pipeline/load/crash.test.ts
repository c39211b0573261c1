import { spawn } from 'node:child_process';

import { expect, it } from 'vitest';

import { writeDataset } from '@/test/support/dataset';
import { bulkEvents } from '@/test/support/bulk-dataset';
import { warehouseSnapshot } from '@/test/support/snapshot';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { loadDataset } from './load-dataset';

const dir = writeDataset({ events: { 'events-1.jsonl': bulkEvents(15_000) } });

/** Runs `npm run data:load` as a child and kills it (SIGKILL: no chance to clean up) once stderr shows `marker`. */
function loadAndKill(env: Record<string, string>, marker: RegExp): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/load.ts', dir], {
      env: { ...process.env, SQL_LINT: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let killed = false;
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (!killed && marker.test(output)) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('error', reject);
    child.on('exit', () => resolve({ killed, output }));
  });
}

describeEachEngine('a load killed midway', (harness) => {
  it.each([
    ['while reading the files', /reading events-1\.jsonl: 20,000 lines/],
    ['while sessionizing in the warehouse', /sessionizing/],
  ])('leaves the warehouse as before when killed %s, and a rerun ends equal to a clean load', { timeout: 180_000 }, async (_when, marker) => {
    const target = await harness.forChildProcess();
    const run = await loadAndKill(target.env, marker);
    expect(run.killed, run.output).toBe(true);

    const warehouse = await target.open();
    try {
      const counts = await warehouse.query(
        `SELECT (SELECT COUNT(*) FROM stg_player_event) AS events, (SELECT COUNT(*) FROM fact_viewing_session) AS sessions,
                (SELECT COUNT(*) FROM etl_load) AS loads, (SELECT COUNT(*) FROM dim_user) AS users`,
      );
      expect(counts).toEqual([{ events: 0, sessions: 0, loads: 0, users: 1 }]);

      const report = await loadDataset(warehouse, dir);
      expect(report.events).toEqual({ lines_read: 60_000, events_kept: 60_000, duplicates: 0, rejected: 0 });
      const clean = await harness.migrated();
      try {
        await loadDataset(clean, dir);
        expect(await warehouseSnapshot(warehouse)).toEqual(await warehouseSnapshot(clean));
      } finally {
        await clean.close();
      }
    } finally {
      await warehouse.close();
    }
  });
});
