import { readFileSync } from 'node:fs';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openWarehouse } from '@/db';
import { parseServerEnv } from '@/db/env';
import { migrate } from '@/db/migrate';
import type { Warehouse } from '@/db/warehouse';
import { loadDataset } from '@/pipeline/load/load-dataset';
import { writeDataset } from '@/test/support/dataset';
import { content, events, NOW, users } from '@/test/support/metric-cases';
import { testEngines } from '@/test/support/test-warehouse';

import { getWarehouseStatus } from '../warehouse-status';
import { handleMetricRequest } from './http';
import { METRIC_NAMES } from './params';
import { handleSessionsRequest } from './sessions-http';

/**
 * The app served by a login that may only SELECT, created by sql/postgres/readonly-role.sql as written
 * (only the role's name is made unique, since roles belong to the whole server).
 */
const postgres = testEngines.find((h) => h.engine === 'postgres');
const role = `sfw_reader_${process.pid}_${Date.now().toString(36)}`;
const queries: Record<string, string> = { 'watch-time': 'by=genre&', completion: 'min_sessions=1&', 'rating-popularity': 'min_ratings=1&' };

describe.runIf(postgres)('the app on a read-only role [postgres]', () => {
  let ownerUrl = '';
  let reader: Warehouse;

  const asOwner = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    const target = await postgres!.forChildProcess();
    ownerUrl = target.env.DATABASE_URL ?? '';
    const owner = await target.open();
    await migrate(owner);
    await loadDataset(owner, writeDataset({ users, content, events }), { now: NOW });
    await owner.close();

    const script = readFileSync('sql/postgres/readonly-role.sql', 'utf8').replaceAll('streamflix_reader', role);
    await asOwner((c) => c.query(script));
    const url = new URL(ownerUrl);
    url.username = role;
    url.password = 'change-me';
    reader = await openWarehouse(parseServerEnv({ DATABASE_URL: url.toString() }));
  });

  afterAll(async () => {
    await reader?.close();
    // A role cannot be dropped while it holds privileges in a database.
    await asOwner(async (c) => {
      await c.query(`DROP OWNED BY ${role}`);
      await c.query(`DROP ROLE IF EXISTS ${role}`);
    });
  });

  it('connects as the reader, not as the owner', async () => {
    expect(await reader.query('SELECT current_user AS who')).toEqual([{ who: role }]);
  });

  it.each(METRIC_NAMES)('answers %s as JSON and CSV', async (metric) => {
    const query = `${queries[metric] ?? ''}from=2026-10-01&to=2026-10-31`;
    const json = await handleMetricRequest(metric, new URL(`http://localhost/api/metrics/${metric}?${query}`), reader, { now: NOW });
    expect(json.status).toBe(200);
    const answer = (await json.json()) as { rows: unknown[]; summary: { sessions?: number } };
    // The overview's figures are its summary; its rows are empty by definition (api.md).
    if (metric === 'overview') expect(answer.summary.sessions).toBeGreaterThan(0);
    else expect(answer.rows.length).toBeGreaterThan(0);
    const csv = await handleMetricRequest(metric, new URL(`http://localhost/api/metrics/${metric}?${query}&format=csv`), reader, { now: NOW });
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\r\n').length).toBeGreaterThan(2);
  });

  it('lists the sessions behind a figure, a page and the CSV', async () => {
    const page = await handleSessionsRequest(new URL('http://localhost/api/sessions?from=2026-10-01&to=2026-10-31&limit=2'), reader, { now: NOW });
    expect(page.status).toBe(200);
    expect(((await page.json()) as { total: number }).total).toBeGreaterThan(2);
    const csv = await handleSessionsRequest(new URL('http://localhost/api/sessions?from=2026-10-01&to=2026-10-31&format=csv'), reader, { now: NOW });
    expect((await csv.text()).split('\r\n').length).toBeGreaterThan(3);
  });

  it('shows the status page', async () => {
    const status = await getWarehouseStatus(reader);
    expect(status.tables.find((t) => t.name === 'fact_viewing_session')?.rows).toBeGreaterThan(0);
  });

  it('is refused every write: rows, tables, migrations and loads', async () => {
    const refused = async (action: () => Promise<unknown>) => {
      const error = await action().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as { code?: string } | undefined)?.code).toBe('42501');
    };
    await refused(() => reader.query('DELETE FROM fact_viewing_session'));
    await refused(() => reader.query("UPDATE dim_content SET title = 'x'"));
    await refused(() => reader.query('TRUNCATE etl_reject', [], { translated: true }));
    await refused(() => reader.exec('CREATE TABLE reader_scratch (a integer)'));
    await refused(() => reader.exec('DROP TABLE etl_reject'));
    await refused(() => loadDataset(reader, writeDataset({ users })));
    await refused(() => migrate(reader));
    const { rows } = await asOwner((c) => c.query<{ n: string }>('SELECT COUNT(*) AS n FROM fact_viewing_session'));
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });
});
