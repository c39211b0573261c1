import { describe, expect, it } from 'vitest';

import { loadDataset } from '@/pipeline/load/load-dataset';
import { writeDataset } from '@/test/support/dataset';
import { content, events, NOW, users } from '@/test/support/metric-cases';
import { rollupSnapshot } from '@/test/support/snapshot';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { checksum, migrate } from './migrate';
import { migrations } from './migrations';
import type { Migration } from './migrations';
import { AUDIENCE_ROLLUP_MIGRATION, COMPLETION_AUDIENCE_MIGRATION, rollupDeclarations, ROLLUPS_MIGRATION, tablesCreatedBy, VIEWER_ROLLUPS_MIGRATION, warehouseModel } from './schema';
import type { Engine, Warehouse } from './warehouse';
import { toDuckdbType } from './ddl/render-duckdb';

/** PostgreSQL's own spelling of each model type, as format_type() prints it. */
function formatType(postgresType: string): string {
  return postgresType
    .replace(/^varchar\((\d+)\)$/, 'character varying($1)')
    .replace(/^char\((\d+)\)$/, 'character($1)')
    .replace(/^timestamp\((\d)\)$/, 'timestamp($1) without time zone');
}

/** The engine's own spelling of each model type, as its catalog prints it. */
function catalogType(engine: Engine, postgresType: string): string {
  return engine === 'duckdb' ? toDuckdbType(postgresType).replace(/^(VARCHAR|CHAR)\(\d+\)$/, 'VARCHAR') : formatType(postgresType);
}

async function catalog(warehouse: Warehouse) {
  if (warehouse.engine === 'duckdb') {
    return warehouse.query<{ table_name: string; column_name: string; type: string; not_null: boolean }>(
      `SELECT table_name, column_name, data_type AS type, is_nullable = 'NO' AS not_null
       FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
      [],
      { translated: true },
    );
  }
  // Test-only introspection: pg_catalog is PostgreSQL's, never sent to Redshift.
  return warehouse.query<{ table_name: string; column_name: string; type: string; not_null: boolean }>(
    `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`,
    [],
    { translated: true },
  );
}

async function fingerprint(warehouse: Warehouse) {
  const counts: Record<string, unknown> = {};
  for (const t of warehouseModel) {
    const [row] = await warehouse.query(`SELECT COUNT(*) AS n FROM ${t.name}`);
    counts[t.name] = row?.n;
  }
  const [dates] = await warehouse.query('SELECT SUM(date_key) AS s, SUM(day_of_week) AS w, SUM(iso_week) AS i FROM dim_date');
  return { counts, dates };
}

describeEachEngine('db:migrate', (harness) => {
  it('creates every table and column of the model, with its type and nullability', async () => {
    const warehouse = await harness.empty();
    try {
      const report = await migrate(warehouse);
      expect(report.applied.map((m) => m.version)).toEqual(migrations.map((m) => m.version));
      const actual = await catalog(warehouse);
      const expected = warehouseModel.flatMap((t) =>
        t.columns.map((c) => ({ table_name: t.name, column_name: c.name, type: catalogType(harness.engine, c.postgresType), not_null: !c.nullable })),
      );
      const key = (r: { table_name: string; column_name: string }) => `${r.table_name}.${r.column_name}`;
      expect([...actual].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected].sort((a, b) => key(a).localeCompare(key(b))));
    } finally {
      await warehouse.close();
    }
  });

  it('seeds the calendar, the minutes of the day and the unknown members', async () => {
    const warehouse = await harness.migrated();
    try {
      const [dates] = await warehouse.query(
        'SELECT COUNT(*) AS n, MIN(full_date) AS first_day, MAX(full_date) AS last_day, SUM(CASE WHEN is_weekend THEN 1 ELSE 0 END) AS weekend_days FROM dim_date WHERE date_key > 0',
      );
      expect(dates).toEqual({ n: 7670, first_day: '2015-01-01', last_day: '2035-12-31', weekend_days: 2192 });
      const [minutes] = await warehouse.query('SELECT COUNT(*) AS n, COUNT(DISTINCT hour_of_day) AS hours FROM dim_time_of_day WHERE time_of_day_key >= 0');
      expect(minutes).toEqual({ n: 1440, hours: 24 });
      for (const [table, key] of [['dim_user', 'user_key'], ['dim_content', 'content_key'], ['dim_device', 'device_key'], ['dim_date', 'date_key'], ['dim_time_of_day', 'time_of_day_key']]) {
        const rows = await warehouse.query(`SELECT ${key} AS k FROM ${table} WHERE ${key} = -1`);
        expect(rows, table).toEqual([{ k: -1 }]);
      }
      const [user] = await warehouse.query('SELECT time_zone, country, subscription_plan FROM dim_user WHERE user_key = -1');
      expect(user).toEqual({ time_zone: 'UTC', country: 'Unknown', subscription_plan: 'Unknown' });
    } finally {
      await warehouse.close();
    }
  });

  it('changes nothing when run again', async () => {
    const warehouse = await harness.migrated();
    try {
      const before = await fingerprint(warehouse);
      const report = await migrate(warehouse);
      expect(report).toEqual({ applied: [], alreadyApplied: migrations.length, changed: [] });
      expect(await fingerprint(warehouse)).toEqual(before);
      const [recorded] = await warehouse.query('SELECT COUNT(*) AS n FROM schema_migration');
      expect(recorded?.n).toBe(migrations.length);
    } finally {
      await warehouse.close();
    }
  });

  it('creates each table in the migration the model names: the first release in 0001, the rollups in 0005, 0006, 0007 and 0008', async () => {
    const created = (version: number) =>
      migrations
        .find((m) => m.version === version)
        ?.plan(harness.engine)
        .flatMap((s) => /^CREATE TABLE (\w+)/.exec(s.text)?.[1] ?? []);
    expect(created(1)).toEqual(tablesCreatedBy(1).map((t) => t.name).filter((n) => n !== 'schema_migration'));
    expect(created(1)).not.toContain('agg_peak_hour_full');
    expect(created(ROLLUPS_MIGRATION)).toEqual(rollupDeclarations.map((r) => r.name).filter((n) => n !== 'agg_completion_audience'));
    expect(created(VIEWER_ROLLUPS_MIGRATION)).toEqual(['agg_viewer_day', 'agg_session_length']);
    expect(created(COMPLETION_AUDIENCE_MIGRATION)).toEqual(['agg_completion_audience']);
    expect(created(AUDIENCE_ROLLUP_MIGRATION)).toEqual(['agg_audience_day']);
    expect(new Set([1, ROLLUPS_MIGRATION, VIEWER_ROLLUPS_MIGRATION, COMPLETION_AUDIENCE_MIGRATION, AUDIENCE_ROLLUP_MIGRATION].flatMap((v) => tablesCreatedBy(v).map((t) => t.name)))).toEqual(
      new Set(warehouseModel.map((t) => t.name)),
    );
  });

  it('gives a warehouse loaded before the rollups existed its rollups, filled from the facts it holds (0005, 0006, 0007)', async () => {
    const warehouse = await harness.migrated();
    try {
      await loadDataset(warehouse, writeDataset({ users, content, events }), { now: NOW });
      const maintained = await rollupSnapshot(warehouse);
      expect(maintained.agg_completion_content?.length).toBeGreaterThan(0);
      expect(maintained.agg_viewer_day?.length).toBeGreaterThan(0);
      // Back to the warehouse of the release before them: no aggregate tables, no record of their migrations.
      const later = [ROLLUPS_MIGRATION, VIEWER_ROLLUPS_MIGRATION, COMPLETION_AUDIENCE_MIGRATION];
      for (const version of later) for (const t of tablesCreatedBy(version)) await warehouse.query(`DROP TABLE ${t.name}`);
      for (const version of later) await warehouse.query('DELETE FROM schema_migration WHERE version = $1', [version]);
      const report = await migrate(warehouse);
      expect(report).toEqual({
        applied: [
          { version: ROLLUPS_MIGRATION, name: 'rollups' },
          { version: VIEWER_ROLLUPS_MIGRATION, name: 'viewer-rollups' },
          { version: COMPLETION_AUDIENCE_MIGRATION, name: 'completion-audience' },
        ],
        alreadyApplied: migrations.length - 3,
        changed: [],
      });
      expect(await rollupSnapshot(warehouse)).toEqual(maintained);
    } finally {
      await warehouse.close();
    }
  });

  it('leaves no trace of a migration that fails, and reports one edited after it ran', async () => {
    const warehouse = await harness.migrated();
    try {
      const broken: Migration = {
        version: 900,
        name: 'broken',
        plan: () => [
          { text: "INSERT INTO dim_device (device_key, device_id, device_type, os, app_version, updated_at) VALUES (900, 'd', 'tv', 'x', '1', '2026-01-01 00:00:00')" },
          { text: 'SELECT no_such_column FROM dim_device' },
        ],
      };
      await expect(migrate(warehouse, { migrations: [...migrations, broken] })).rejects.toThrow();
      expect(await warehouse.query('SELECT device_key FROM dim_device WHERE device_key = 900')).toEqual([]);
      expect(await warehouse.query('SELECT version FROM schema_migration WHERE version = 900')).toEqual([]);

      const edited = migrations.map((m) => (m.version === 3 ? { ...m, plan: () => [...m.plan(warehouse.engine), { text: 'SELECT 1' }] } : m));
      const report = await migrate(warehouse, { migrations: edited });
      expect(report.changed).toEqual([{ version: 3, name: 'unknown members' }]);
    } finally {
      await warehouse.close();
    }
  });
});

describe('released migrations', () => {
  // A warehouse records each migration's checksum when it applies it and reports any that differ later:
  // what a released migration plans for PostgreSQL must never change (DuckDB has its own plans, new with this engine).
  it.each([
    [1, '6c31f87e9780'],
    [2, 'c7904bb60506'],
    [3, '03deb9d3b667'],
    [4, '0fdaeef96a30'],
    [5, '12ba797a3184'],
    [6, 'a9cc2328870d'],
    [7, '05dcc5a94327'],
  ])('migration %i keeps the checksum PostgreSQL warehouses recorded', (version, prefix) => {
    const migration = migrations.find((m) => m.version === version)!;
    expect(checksum(migration, 'postgres').slice(0, 12)).toBe(prefix);
  });
});
