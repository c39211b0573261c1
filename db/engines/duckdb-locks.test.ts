import { afterEach, beforeEach, expect, it } from 'vitest';

import type { SqlRunner, Warehouse } from '@/db/warehouse';
import { describeEachEngine, type EngineHarness } from '@/test/support/test-warehouse';

/** A promise with its resolve, to hold a transaction open until the test lets it go. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function nextLoadId(tx: SqlRunner): Promise<number> {
  const [row] = await tx.query<{ next_id: number }>('SELECT COALESCE(MAX(load_id), 0) + 1 AS next_id FROM etl_load');
  return row?.next_id ?? Number.NaN;
}

/**
 * Returns once a transaction is blocked on LOCK TABLE etl_load. PostgreSQL shows the wait in pg_locks. The
 * DuckDB adapter's lock is a promise in this process: a free lock is taken within microtasks, so a lock
 * still not taken after a statement's round trip on another connection is waited for.
 */
async function lockWaitSeen(harness: EngineHarness, warehouse: Warehouse): Promise<void> {
  if (harness.engine === 'duckdb') {
    await warehouse.query('SELECT 1 AS one');
    return;
  }
  for (;;) {
    const [row] = await warehouse.query<{ waiting: number }>(
      "SELECT COUNT(*) AS waiting FROM pg_locks WHERE NOT granted AND relation = CAST('etl_load' AS regclass)",
      [],
      { translated: true },
    );
    if (row?.waiting === 1) return;
  }
}

describeEachEngine('transactions', (harness) => {
  let warehouse: Warehouse;

  beforeEach(async () => {
    warehouse = await harness.empty();
    await warehouse.exec('CREATE TABLE tx_probe (probe_id INTEGER NOT NULL, label VARCHAR(16))');
  });

  afterEach(async () => {
    await warehouse.close();
  });

  const labels = async () => (await warehouse.query<{ label: string }>('SELECT label FROM tx_probe ORDER BY probe_id')).map((r) => r.label);

  it('keeps every statement of a transaction that commits, and returns its result', async () => {
    const result = await warehouse.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe (probe_id, label) VALUES ($1, $2)', [1, 'first']);
      await tx.query('INSERT INTO tx_probe (probe_id, label) VALUES ($1, $2)', [2, 'second']);
      await tx.query('UPDATE tx_probe SET label = $1 WHERE probe_id = $2', ['updated', 1]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await labels()).toEqual(['updated', 'second']);
  });

  it('rolls back every statement when one of them fails, and the connection serves the next statement', async () => {
    await warehouse.query('INSERT INTO tx_probe (probe_id, label) VALUES ($1, $2)', [1, 'before']);
    const failed = warehouse.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe (probe_id, label) VALUES ($1, $2)', [2, 'inserted']);
      await tx.query('UPDATE tx_probe SET label = $1 WHERE probe_id = $2', ['updated', 1]);
      await tx.query('INSERT INTO tx_probe (probe_id, label) VALUES ($1, $2)', [null, 'violates']);
    });
    await expect(failed).rejects.toThrow(/not.null/i);
    expect(await labels()).toEqual(['before']);
  });

  it('rolls back when the caller throws, and passes the caller its own error', async () => {
    const abandoned = new Error('the caller gave up');
    const failed = warehouse.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe (probe_id, label) VALUES ($1, $2)', [1, 'inserted']);
      expect(await tx.query('SELECT COUNT(*) AS n FROM tx_probe')).toEqual([{ n: 1 }]);
      throw abandoned;
    });
    await expect(failed).rejects.toBe(abandoned);
    expect(await labels()).toEqual([]);
  });
});

describeEachEngine('LOCK TABLE', (harness) => {
  let warehouse: Warehouse;

  beforeEach(async () => {
    warehouse = await harness.empty();
    await warehouse.exec('CREATE TABLE etl_load (load_id INTEGER NOT NULL, source VARCHAR(64))');
  });

  afterEach(async () => {
    await warehouse.close();
  });

  /**
   * Two loads as pipeline/load runs them: LOCK TABLE, then the next id. The first holds the lock until the
   * test lets it end (commit or rollback); the second must wait for that end, then see what it left.
   */
  async function twoLoads(firstEnds: 'commit' | 'rollback'): Promise<{ events: string[]; secondId: number }> {
    const events: string[] = [];
    const firstHolds = signal();
    const firstMayEnd = signal();
    const first = warehouse.transaction(async (tx) => {
      await tx.query('LOCK TABLE etl_load');
      events.push('first locked');
      await tx.query('INSERT INTO etl_load (load_id, source) VALUES ($1, $2)', [await nextLoadId(tx), 'first']);
      firstHolds.resolve();
      await firstMayEnd.promise;
      events.push(`first ends (${firstEnds})`);
      if (firstEnds === 'rollback') throw new Error('the first load failed');
    });
    await firstHolds.promise;

    const secondLocking = signal();
    const second = warehouse.transaction(async (tx) => {
      events.push('second locking');
      secondLocking.resolve();
      await tx.query('LOCK TABLE etl_load');
      events.push('second locked');
      const id = await nextLoadId(tx);
      await tx.query('INSERT INTO etl_load (load_id, source) VALUES ($1, $2)', [id, 'second']);
      return id;
    });
    await secondLocking.promise;
    await lockWaitSeen(harness, warehouse);
    firstMayEnd.resolve();

    const [firstOutcome, secondId] = await Promise.all([first.then(() => 'committed', (e: Error) => e.message), second]);
    expect(firstOutcome).toBe(firstEnds === 'commit' ? 'committed' : 'the first load failed');
    return { events, secondId };
  }

  it('makes a second transaction wait until the first commits, then see its row', async () => {
    const { events, secondId } = await twoLoads('commit');
    expect(events).toEqual(['first locked', 'second locking', 'first ends (commit)', 'second locked']);
    expect(secondId).toBe(2);
    expect(await warehouse.query('SELECT load_id, source FROM etl_load ORDER BY load_id')).toEqual([
      { load_id: 1, source: 'first' },
      { load_id: 2, source: 'second' },
    ]);
  });

  it('releases the lock when the holder rolls back', async () => {
    const { events, secondId } = await twoLoads('rollback');
    expect(events).toEqual(['first locked', 'second locking', 'first ends (rollback)', 'second locked']);
    expect(secondId).toBe(1);
    expect(await warehouse.query('SELECT load_id, source FROM etl_load')).toEqual([{ load_id: 1, source: 'second' }]);
  });

  it('refuses LOCK TABLE outside a transaction, and takes no lock doing so', async () => {
    await expect(warehouse.query('LOCK TABLE etl_load')).rejects.toThrow(/LOCK TABLE can only be used in transaction blocks/);
    const id = await warehouse.transaction(async (tx) => {
      await tx.query('LOCK TABLE etl_load');
      return nextLoadId(tx);
    });
    expect(id).toBe(1);
  });
});
