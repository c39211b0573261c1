/**
 * Runs before `next dev`: brings the configured warehouse (the embedded PGlite by default) up to date,
 * so that a fresh checkout serves pages with no setup step.
 */
import { closeWarehouse, getWarehouse } from '../db';
import { ConfigError, parseServerEnv } from '../db/env';
import { migrate } from '../db/migrate';

async function main(): Promise<void> {
  const env = parseServerEnv();
  const warehouse = await getWarehouse();
  const report = await migrate(warehouse, { log: (line) => console.log(`[warehouse] ${line}`) });
  const where = env.DATABASE_URL ? 'DATABASE_URL' : `embedded PGlite (${env.PGLITE_DIR})`;
  console.log(`[warehouse] ${warehouse.engine} at ${where}: ${report.applied.length + report.alreadyApplied} migrations applied.`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Could not prepare the warehouse: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => closeWarehouse());
