import { describe, expect, it } from 'vitest';

import { DatabaseInUseError, explainOpenError } from '@/db/engines/duckdb-errors';
import { openPostgres } from '@/db/engines/postgres';
import { WarehouseBusyError } from '@/db/limiter';

import { warehouseErrorResponse } from './errors';

async function errorFrom(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to fail');
}

describe('warehouse failures as API errors (real driver errors)', () => {
  it('answers 503 when the warehouse cannot be reached', async () => {
    const error = await errorFrom(() => openPostgres({ connectionString: 'postgres://postgres@127.0.0.1:1/none', poolMax: 1, statementTimeoutMs: 1000 }));
    expect(warehouseErrorResponse(error)).toMatchObject({ status: 503, body: { error: { code: 'warehouse_unavailable' } } });
  });

  it('answers 503 with Retry-After while another process holds the embedded warehouse', () => {
    const error = explainOpenError('.data/warehouse.duckdb', new Error('IO Error: Could not set lock on file ".data/warehouse.duckdb": Conflicting lock is held in /usr/bin/node (PID 4242)'));
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect(error.message).toContain('process 4242');
    expect(warehouseErrorResponse(error)).toMatchObject({ status: 503, body: { error: { code: 'warehouse_unavailable' } }, headers: { 'Retry-After': '5' } });
  });

  it.runIf(process.env.TEST_DATABASE_URL)('answers 504 when the statement timeout cuts a query', async () => {
    const warehouse = await openPostgres({ connectionString: process.env.TEST_DATABASE_URL ?? '', poolMax: 1, statementTimeoutMs: 100 });
    try {
      const error = await errorFrom(() => warehouse.query('SELECT pg_sleep(2)', [], { translated: true }));
      expect(warehouseErrorResponse(error)).toMatchObject({ status: 504, body: { error: { code: 'timeout' } } });
    } finally {
      await warehouse.close();
    }
  });

  it('answers 503 warehouse_busy with Retry-After when no connection frees up in time', () => {
    for (const reason of ['queue_full', 'queue_timeout'] as const) {
      expect(warehouseErrorResponse(new WarehouseBusyError(reason))).toEqual({
        status: 503,
        body: { error: { code: 'warehouse_busy', message: 'The warehouse is busy with other requests; try again in a moment.' } },
        headers: { 'Retry-After': '1' },
      });
    }
  });

  it('answers 503 with Retry-After when a pooled connection hears nothing back (the network is gone)', () => {
    expect(warehouseErrorResponse(new Error('Query read timeout'))).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
  });

  it('answers 500 without details for anything else', () => {
    const response = warehouseErrorResponse(new Error('column "x" does not exist'));
    expect(response).toEqual({ status: 500, body: { error: { code: 'internal_error', message: 'The request failed unexpectedly.' } } });
  });
});
