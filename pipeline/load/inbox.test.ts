import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { openDuckdb } from '@/db/engines/duckdb';
import { migrate } from '@/db/migrate';
import { writeDataset } from '@/test/support/dataset';
import { content, events, users } from '@/test/support/metric-cases';

import { inboxDir, InboxNotWatchedError, requestLoad, watchInbox } from './inbox';

const dataset = writeDataset({ users, content, events });
const eventLines = Object.values(events).flat().length;

async function ownedWarehouse() {
  const path = join(mkdtempSync(join(tmpdir(), 'streamflix-inbox-')), 'warehouse.duckdb');
  const warehouse = await openDuckdb({ path, memoryLimit: '1GB', threads: 2, statementTimeoutMs: 60_000, connections: 2 });
  await migrate(warehouse);
  return { path, warehouse };
}

describe('loads handed to the owner of the embedded warehouse', () => {
  it('runs a requested load in the owner and hands back its account', async () => {
    const { path, warehouse } = await ownedWarehouse();
    const stop = watchInbox(inboxDir(path), async () => warehouse, () => undefined, 50);
    try {
      const report = await requestLoad(inboxDir(path), dataset, { pollMs: 20 });
      expect(report.events.lines_read).toBe(eventLines);
      expect(report.events.events_kept + report.events.duplicates + report.events.rejected).toBe(eventLines);
      const [row] = await warehouse.query<{ n: number }>('SELECT COUNT(*) AS n FROM fact_viewing_session');
      expect(row?.n).toBe(report.sessionsRebuilt);
      expect(readdirSync(inboxDir(path))).toEqual([]);
    } finally {
      stop();
      await warehouse.close();
    }
  });

  it('passes a failed load back as its error, with nothing changed', async () => {
    const { path, warehouse } = await ownedWarehouse();
    const stop = watchInbox(inboxDir(path), async () => warehouse, () => undefined, 50);
    try {
      await expect(requestLoad(inboxDir(path), join(dataset, 'no-such-dir'), { pollMs: 20 })).rejects.toThrow(/no-such-dir/);
      expect(await warehouse.query('SELECT COUNT(*) AS n FROM etl_load')).toEqual([{ n: 0 }]);
    } finally {
      stop();
      await warehouse.close();
    }
  });

  it('withdraws a request nobody claims, and says so', async () => {
    const inbox = join(mkdtempSync(join(tmpdir(), 'streamflix-inbox-')), 'inbox');
    await expect(requestLoad(inbox, dataset, { claimTimeoutMs: 100, pollMs: 20 })).rejects.toBeInstanceOf(InboxNotWatchedError);
    expect(readdirSync(inbox)).toEqual([]);
  });

  it('lets `npm run data:load` load into a warehouse another process owns, through that process', { timeout: 120_000 }, async () => {
    const { path, warehouse } = await ownedWarehouse();
    const stop = watchInbox(inboxDir(path), async () => warehouse, () => undefined, 100);
    try {
      const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/load.ts', dataset], {
          env: { ...process.env, SQL_LINT: '', DUCKDB_PATH: path, DATABASE_URL: '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) => resolve({ code, text }));
      });
      expect(output.text).toContain('handing the load to it');
      expect(output.code, output.text).toBe(0);
      expect(output.text).toMatch(new RegExp(`Events: ${eventLines} lines read`));
      const [load] = await warehouse.query<{ status: string }>('SELECT status FROM etl_load');
      expect(load?.status).toBe('succeeded');
    } finally {
      stop();
      await warehouse.close();
    }
  });
});
