import 'server-only';

import { getWarehouse } from '@/db';
import { warehouseModel, type TableKind } from '@/db/schema';
import type { Engine, SqlRunner } from '@/db/warehouse';

export interface WarehouseStatus {
  engine: Engine;
  migrations: { version: number; name: string; appliedAt: string }[];
  tables: { name: string; kind: TableKind; rows: number }[];
}

/** What is in the warehouse: the engine, the migrations applied and each table's row count. */
export async function getWarehouseStatus(warehouse?: SqlRunner): Promise<WarehouseStatus> {
  warehouse ??= await getWarehouse();
  const migrations = await warehouse.query<{ version: number; name: string; applied_at: string }>(
    'SELECT version, name, applied_at FROM schema_migration ORDER BY version',
  );
  // Table names come from the model, never from a request.
  const counts = await warehouse.query<{ name: string; row_count: number }>(
    warehouseModel.map((t) => `SELECT '${t.name}' AS name, COUNT(*) AS row_count FROM ${t.name}`).join('\nUNION ALL\n'),
  );
  const rowsByTable = new Map(counts.map((c) => [c.name, c.row_count]));
  return {
    engine: warehouse.engine,
    migrations: migrations.map((m) => ({ version: m.version, name: m.name, appliedAt: m.applied_at })),
    tables: warehouseModel.map((t) => ({ name: t.name, kind: t.kind, rows: rowsByTable.get(t.name) ?? 0 })),
  };
}
