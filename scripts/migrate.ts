/** `npm run db:migrate`: applies pending migrations to the configured warehouse. */
import { closeWarehouse, getWarehouse } from '../db';
import { ConfigError, parseServerEnv, redactUrl } from '../db/env';
import { migrate } from '../db/migrate';

async function main(): Promise<void> {
  const env = parseServerEnv();
  const warehouse = await getWarehouse();
  const where = env.DATABASE_URL ? redactUrl(env.DATABASE_URL) : `embedded DuckDB at ${env.DUCKDB_PATH}`;
  console.log(`Migrating ${warehouse.engine} warehouse (${where})`);
  const report = await migrate(warehouse, { log: (line) => console.log(`  ${line}`) });
  if (report.applied.length === 0) console.log(`Up to date: ${report.alreadyApplied} migrations already applied.`);
  else console.log(`Applied ${report.applied.length} migration(s).`);
  for (const m of report.changed) {
    console.warn(`Warning: migration ${m.version} (${m.name}) changed after it was applied here; rebuild this warehouse or add a new migration.`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => closeWarehouse());
