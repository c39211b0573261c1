import { createHash } from 'node:crypto';

import { tableStatements } from './ddl/render';
import { migrations as allMigrations, type Migration } from './migrations';
import { getTableModel } from './schema';
import type { Engine, Warehouse } from './warehouse';

export interface MigrationReport {
  applied: { version: number; name: string }[];
  alreadyApplied: number;
  /** Applied migrations whose statements have changed since they ran. */
  changed: { version: number; name: string }[];
}

/**
 * Over the statements as they were first recorded: the flag now called `translated` was `postgresOnly`
 * when migrations 1–7 were released, so warehouses migrated then keep matching checksums.
 */
export function checksum(migration: Migration, engine: Engine): string {
  const recorded = migration.plan(engine).map(({ translated, ...statement }) => (translated ? { ...statement, postgresOnly: true } : statement));
  return createHash('sha256').update(JSON.stringify(recorded)).digest('hex');
}

async function ensureMigrationTable(warehouse: Warehouse): Promise<void> {
  const table = getTableModel('schema_migration');
  // COMMENT ON is not idempotent-safe to repeat on every run; the CREATE alone bootstraps the table.
  const create = tableStatements(warehouse.engine, table, { ifNotExists: true }).find((s) => /^CREATE TABLE/.test(s.text));
  if (create) await warehouse.exec(create.text, { translated: create.translated });
}

/** `npm run db:migrate`: applies pending migrations, each in its own transaction with its record. */
export async function migrate(
  warehouse: Warehouse,
  options: { now?: Date; migrations?: readonly Migration[]; log?: (line: string) => void } = {},
): Promise<MigrationReport> {
  const list = options.migrations ?? allMigrations;
  const log = options.log ?? (() => undefined);
  await ensureMigrationTable(warehouse);
  const done = await warehouse.query<{ version: number; checksum: string }>(
    'SELECT version, checksum FROM schema_migration ORDER BY version',
  );
  const recorded = new Map(done.map((r) => [r.version, r.checksum]));
  const report: MigrationReport = { applied: [], alreadyApplied: 0, changed: [] };
  const appliedAt = (options.now ?? new Date()).toISOString().replace('T', ' ').replace('Z', '');

  for (const migration of list) {
    const sum = checksum(migration, warehouse.engine);
    const previous = recorded.get(migration.version);
    if (previous !== undefined) {
      report.alreadyApplied++;
      if (previous !== sum) report.changed.push({ version: migration.version, name: migration.name });
      continue;
    }
    log(`applying ${String(migration.version).padStart(4, '0')} ${migration.name}`);
    await warehouse.transaction(async (tx) => {
      // A migration that fills a table from the facts is a batch job, as a load is (reverts at commit).
      await tx.query('SET LOCAL statement_timeout TO 0');
      for (const statement of migration.plan(warehouse.engine)) {
        await tx.query(statement.text, statement.params ?? [], { translated: statement.translated });
      }
      await tx.query('INSERT INTO schema_migration (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [
        migration.version,
        migration.name,
        sum,
        appliedAt,
      ]);
    });
    report.applied.push({ version: migration.version, name: migration.name });
  }
  return report;
}
