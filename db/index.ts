import { openDuckdb } from './engines/duckdb';
import { openPostgres } from './engines/postgres';
import { parseServerEnv, type ServerEnv } from './env';
import { Limiter, limitWarehouse } from './limiter';
import type { Warehouse } from './warehouse';

export type { Engine, Row, SqlRunner, Warehouse } from './warehouse';
export { WarehouseBusyError } from './limiter';

/**
 * Opens the configured warehouse: the server at DATABASE_URL, else the embedded DuckDB file at
 * DUCKDB_PATH, behind a limiter so that a burst of requests queues boundedly instead of piling up in the
 * driver.
 */
export async function openWarehouse(env: ServerEnv = parseServerEnv()): Promise<Warehouse & { limiter: Limiter }> {
  const limiter = new Limiter({ maxInFlight: env.DB_POOL_MAX, queueMax: env.DB_QUEUE_MAX, queueTimeoutMs: env.DB_QUEUE_TIMEOUT_MS });
  if (env.DATABASE_URL) {
    const warehouse = await openPostgres({
      connectionString: env.DATABASE_URL,
      poolMax: env.DB_POOL_MAX,
      statementTimeoutMs: env.STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    });
    return limitWarehouse(warehouse, limiter);
  }
  const warehouse = await openDuckdb({
    path: env.DUCKDB_PATH,
    memoryLimit: env.DUCKDB_MEMORY_LIMIT,
    threads: env.DUCKDB_THREADS,
    statementTimeoutMs: env.STATEMENT_TIMEOUT_MS,
    connections: env.DB_POOL_MAX,
  });
  return limitWarehouse(warehouse, limiter);
}

// Kept on globalThis so that Next.js hot reloads reuse the process's single pool or DuckDB instance.
const holder = globalThis as { __streamflixWarehouse?: Promise<Warehouse> };

/** The process-wide warehouse, opened on first use; a failed open is retried on the next call. */
export function getWarehouse(): Promise<Warehouse> {
  if (!holder.__streamflixWarehouse) {
    holder.__streamflixWarehouse = openWarehouse().catch((error: unknown) => {
      holder.__streamflixWarehouse = undefined;
      throw error;
    });
  }
  return holder.__streamflixWarehouse;
}

export async function closeWarehouse(): Promise<void> {
  const pending = holder.__streamflixWarehouse;
  holder.__streamflixWarehouse = undefined;
  if (pending) await (await pending).close();
}
