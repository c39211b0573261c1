import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { afterAll, describe } from 'vitest';

import { openPostgres } from '@/db/engines/postgres';
import { openPglite, PGlite, wrapPglite } from '@/db/engines/pglite';
import { migrate } from '@/db/migrate';
import { typeParsers } from '@/db/type-parsers';
import type { Warehouse } from '@/db/warehouse';

export type TestEngine = 'pglite' | 'postgres';

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

/**
 * PGlite costs seconds to open and migrate: migrate once per test file and load copies of its data
 * directory. (PGlite's own clone() would drop the type parsers.)
 */
let pgliteTemplate: Promise<File | Blob> | undefined;
function migratedPgliteTemplate(): Promise<File | Blob> {
  pgliteTemplate ??= (async () => {
    const db = await PGlite.create('memory://', { parsers: typeParsers });
    await migrate(wrapPglite(db));
    const dump = await db.dumpDataDir('none');
    await db.close();
    return dump;
  })();
  return pgliteTemplate;
}

const pgliteHarness: EngineHarness = {
  engine: 'pglite',
  migrated: async () => wrapPglite(await PGlite.create({ loadDataDir: await migratedPgliteTemplate(), parsers: typeParsers })),
  empty: async () => wrapPglite(await PGlite.create('memory://', { parsers: typeParsers })),
  async forChildProcess() {
    const dir = mkdtempSync(join(tmpdir(), 'streamflix-pglite-'));
    tempDirs.push(dir);
    return { env: { PGLITE_DIR: dir, DATABASE_URL: '' }, open: () => openPglite(dir) };
  },
};

const tempDirs: string[] = [];

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

export const testEngines: EngineHarness[] = adminUrl ? [pgliteHarness, postgresHarness] : [pgliteHarness];

/** Declares the suite once per engine: always PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
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
