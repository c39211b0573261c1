/**
 * Runs before `next dev` / `next start`: brings the configured warehouse up to date and, on the embedded
 * database, loads the demo dataset on first start, so a fresh checkout shows populated dashboards.
 */
import { dirname } from 'node:path';

import { closeWarehouse, getWarehouse } from '../db';
import { ConfigError, parseServerEnv } from '../db/env';
import { migrate } from '../db/migrate';
import { ensureDemoData } from '../pipeline/demo';

async function main(): Promise<void> {
  const env = parseServerEnv();
  const warehouse = await getWarehouse();
  const log = (line: string) => console.log(`[warehouse] ${line}`);
  if (env.DATABASE_URL) {
    // A server warehouse is the user's: migrate it, never fill it with demo data.
    const report = await migrate(warehouse, { log });
    log(`${warehouse.engine} at DATABASE_URL: ${report.applied.length + report.alreadyApplied} migrations applied.`);
    return;
  }
  const outcome = await ensureDemoData(warehouse, { dataDir: dirname(env.DUCKDB_PATH), log });
  log(outcome === 'present' ? `embedded DuckDB at ${env.DUCKDB_PATH} is ready.` : `embedded DuckDB at ${env.DUCKDB_PATH} now holds the demo data.`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Could not prepare the warehouse: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => closeWarehouse());
