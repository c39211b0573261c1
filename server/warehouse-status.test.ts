import { expect, it } from 'vitest';

import { migrations } from '@/db/migrations';
import { warehouseModel } from '@/db/schema';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { getWarehouseStatus } from './warehouse-status';

describeEachEngine('warehouse status', (harness) => {
  it('reports the engine, the applied migrations and a row count for every table', async () => {
    const warehouse = await harness.migrated();
    try {
      await warehouse.query(
        "INSERT INTO dim_device (device_key, device_id, device_type, os, app_version, updated_at) VALUES (7, 'd_7', 'tv', 'tizen', '5.2.1', '2026-10-01 00:00:00')",
      );
      const status = await getWarehouseStatus(warehouse);
      expect(status.engine).toBe(harness.engine);
      expect(status.migrations.map((m) => m.version)).toEqual(migrations.map((m) => m.version));
      expect(status.migrations[0]?.appliedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(status.tables.map((t) => t.name)).toEqual(warehouseModel.map((t) => t.name));
      const rows = Object.fromEntries(status.tables.map((t) => [t.name, t.rows]));
      expect(rows).toMatchObject({ dim_date: 7671, dim_time_of_day: 1441, dim_device: 2, dim_user: 1, fact_viewing_session: 0, schema_migration: migrations.length });
    } finally {
      await warehouse.close();
    }
  });
});
