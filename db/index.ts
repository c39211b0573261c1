import { openPglite } from './engines/pglite';
import { openPostgres } from './engines/postgres';
import { parseServerEnv, type ServerEnv } from './env';
import type { Warehouse } from './warehouse';

export type { Engine, Row, SqlRunner, Warehouse } from './warehouse';

/** Opens the configured warehouse: the server at DATABASE_URL, else the embedded PGlite in PGLITE_DIR. */
export function openWarehouse(env: ServerEnv = parseServerEnv()): Promise<Warehouse> {
  if (env.DATABASE_URL) {
    return openPostgres({
      connectionString: env.DATABASE_URL,
      poolMax: env.DB_POOL_MAX,
      statementTimeoutMs: env.STATEMENT_TIMEOUT_MS,
    });
  }
  return openPglite(env.PGLITE_DIR);
}

// Kept on globalThis so that Next.js hot reloads reuse the process's single pool or PGlite instance.
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
