import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { afterAll, describe } from 'vitest';

import { openDuckdb } from '@/db/engines/duckdb';
import { openPostgres } from '@/db/engines/postgres';
import { migrate } from '@/db/migrate';
import type { Warehouse } from '@/db/warehouse';

export type TestEngine = 'duckdb' | 'postgres';

export interface EngineHarness {
  engine: TestEngine;
  /** A warehouse with every migration applied, private to the caller. */
  migrated(): Promise<Warehouse>;
  /** An empty warehouse, private to the caller. */
  empty(): Promise<Warehouse>;
  /**
   * A fresh, empty warehouse for a child process: the environment that points the app's scripts at it,
   * and a way to open it here once the child has exited.
   */
  forChildProcess(): Promise<{ env: Record<string, string>; open(): Promise<Warehouse> }>;
}

const adminUrl = process.env.TEST_DATABASE_URL;

const tempDirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'streamflix-duckdb-'));
  tempDirs.push(dir);
  return dir;
}

/** Small limits: a test file's warehouses share the machine with another worker and a PostgreSQL server. */
function openTestDuckdb(path: string): Promise<Warehouse> {
  return openDuckdb({ path, memoryLimit: '1GB', threads: 2, statementTimeoutMs: 60_000, connections: 4 });
}

/** Migrating costs a second or so: migrate once per test file into a file, and open copies of it. */
let duckdbTemplate: Promise<string> | undefined;
function migratedDuckdbTemplate(): Promise<string> {
  duckdbTemplate ??= (async () => {
    const path = join(tempDir(), 'template.duckdb');
    const warehouse = await openTestDuckdb(path);
    await migrate(warehouse);
    await warehouse.close();
    return path;
  })();
  return duckdbTemplate;
}

const duckdbHarness: EngineHarness = {
  engine: 'duckdb',
  async migrated() {
    const path = join(tempDir(), 'warehouse.duckdb');
    copyFileSync(await migratedDuckdbTemplate(), path);
    return openTestDuckdb(path);
  },
  empty: () => openTestDuckdb(':memory:'),
  async forChildProcess() {
    const path = join(tempDir(), 'warehouse.duckdb');
    return { env: { DUCKDB_PATH: path, DATABASE_URL: '' }, open: () => openTestDuckdb(path) };
  },
};


function databaseUrl(name: string): string {
  const url = new URL(adminUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let counter = 0;
const created: string[] = [];
let postgresTemplate: Promise<string> | undefined;

/** Fresh databases per test on the real server; the migrated one is copied from a template database. */
async function createDatabase(template?: string): Promise<string> {
  const name = `sfw_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  // Identifiers are generated above from digits and letters only; CREATE DATABASE takes no parameters.
  await admin((c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  created.push(name);
  return name;
}

function openTestPostgres(name: string): Promise<Warehouse> {
  return openPostgres({ connectionString: databaseUrl(name), poolMax: 4, statementTimeoutMs: 60_000 });
}

const postgresHarness: EngineHarness = {
  engine: 'postgres',
  async migrated() {
    postgresTemplate ??= (async () => {
      const name = await createDatabase();
      const warehouse = await openTestPostgres(name);
      await migrate(warehouse);
      await warehouse.close();
      return name;
    })();
    return openTestPostgres(await createDatabase(await postgresTemplate));
  },
  empty: async () => openTestPostgres(await createDatabase()),
  async forChildProcess() {
    const name = await createDatabase();
    return { env: { DATABASE_URL: databaseUrl(name) }, open: () => openTestPostgres(name) };
  },
};

export const testEngines: EngineHarness[] = adminUrl ? [duckdbHarness, postgresHarness] : [duckdbHarness];

/** Declares the suite once per engine: always DuckDB, and PostgreSQL when TEST_DATABASE_URL is set. */
export function describeEachEngine(name: string, body: (harness: EngineHarness) => void): void {
  for (const harness of testEngines) describe(`${name} [${harness.engine}]`, () => body(harness));
}

afterAll(async () => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (created.length === 0) return;
  await admin(async (c) => {
    for (const name of created.reverse()) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  created.length = 0;
});
