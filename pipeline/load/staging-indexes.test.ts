import { describe, expect, it } from 'vitest';

import type { SqlRunner, Warehouse } from '@/db/warehouse';
import { bulkEvents } from '@/test/support/bulk-dataset';
import { writeDataset } from '@/test/support/dataset';
import { testEngines } from '@/test/support/test-warehouse';

import { loadDataset } from './load-dataset';
import { dropStagingIndexesForBulkInsert } from './staging-indexes';

const PG = { translated: true };

async function stagingIndexes(runner: SqlRunner): Promise<string[]> {
  const rows = await runner.query<{ definition: string }>(
    "SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = CAST('stg_player_event' AS regclass) ORDER BY 1",
    [],
    PG,
  );
  return rows.map((r) => r.definition);
}

/** A batch of `n` new events as the loader's deduplication leaves it, with the statistics it gathers. */
async function newEvents(tx: SqlRunner, n: number): Promise<void> {
  await tx.query('CREATE TEMP TABLE tmp_new_event (event_id varchar(128) NOT NULL)', [], PG);
  for (let i = 0; i < n; i++) await tx.query('INSERT INTO tmp_new_event (event_id) VALUES ($1)', [`e_${i}`], PG);
  await tx.query('ANALYZE tmp_new_event', [], PG);
}

describe('staging indexes on DuckDB', () => {
  it('are none: a bulk insert has nothing to drop or rebuild', async () => {
    const warehouse = await testEngines.find((h) => h.engine === 'duckdb')!.migrated();
    try {
      await warehouse.transaction(async (tx) => {
        await newEvents(tx, 20);
        expect(await dropStagingIndexesForBulkInsert(tx)).toBeUndefined();
      });
    } finally {
      await warehouse.close();
    }
  });
});

// PostgreSQL alone indexes staging (the sort key's index); DuckDB skips by zone maps, Redshift by its sort key.
for (const harness of testEngines.filter((h) => h.engine === 'postgres')) describe(`staging indexes around a bulk insert [${harness.engine}]`, () => {
  it('drops them for a batch large next to the table, and builds the same ones again', async () => {
    const warehouse: Warehouse = await harness.migrated();
    try {
      const before = await stagingIndexes(warehouse);
      expect(before).toHaveLength(2);
      await warehouse.transaction(async (tx) => {
        await newEvents(tx, 20);
        const rebuild = await dropStagingIndexesForBulkInsert(tx);
        expect(rebuild).toBeDefined();
        expect(await stagingIndexes(tx)).toEqual([]);
        await rebuild?.();
        expect(await stagingIndexes(tx)).toEqual(before);
        await tx.query('DROP TABLE tmp_new_event', [], PG);
      });
    } finally {
      await warehouse.close();
    }
  });

  it('keeps them for a batch small next to the table, and a load leaves them as the schema defines them', async () => {
    const warehouse: Warehouse = await harness.migrated();
    try {
      const before = await stagingIndexes(warehouse);
      await loadDataset(warehouse, writeDataset({ events: { 'events-1.jsonl': bulkEvents(100) } }));
      expect(await stagingIndexes(warehouse)).toEqual(before);
      await warehouse.transaction(async (tx) => {
        await newEvents(tx, 5);
        expect(await dropStagingIndexesForBulkInsert(tx)).toBeUndefined();
        expect(await stagingIndexes(tx)).toEqual(before);
        await tx.query('DROP TABLE tmp_new_event', [], PG);
      });
    } finally {
      await warehouse.close();
    }
  });

  it('leaves them in place when the load that dropped them fails', async () => {
    const warehouse: Warehouse = await harness.migrated();
    try {
      const before = await stagingIndexes(warehouse);
      await expect(
        warehouse.transaction(async (tx) => {
          await newEvents(tx, 20);
          await dropStagingIndexesForBulkInsert(tx);
          throw new Error('the load fails before the indexes are built again');
        }),
      ).rejects.toThrow('fails');
      expect(await stagingIndexes(warehouse)).toEqual(before);
    } finally {
      await warehouse.close();
    }
  });
});
