import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

import { guardStatement } from '../statement-guard';
import type { Row, SqlRunner, StatementOptions, Warehouse } from '../warehouse';
import { CopySpool } from './duckdb-append';
import { DuckdbLocks } from './duckdb-locks';
import { DatabaseInUseError, explainOpenError, statementTimeoutError } from './duckdb-errors';
import { convertRows } from './duckdb-values';

export interface DuckdbOptions {
  /** A database file, or `:memory:` for a throwaway one. */
  path: string;
  /** DuckDB's memory_limit, e.g. `4GB`. */
  memoryLimit: string;
  threads: number;
  statementTimeoutMs: number;
  /** Connections for statements outside a transaction; each runs one statement at a time on DuckDB's threads. */
  connections: number;
}

/**
 * DuckDB has no statement_timeout: a statement that outlives it is interrupted from here. `SET [LOCAL]
 * statement_timeout TO n`, which loads and migrations send to lift it for their transaction, sets the same
 * client-side limit, so the SQL that reaches every engine stays one.
 */
const SET_TIMEOUT = /^\s*SET\s+(LOCAL\s+)?statement_timeout\s+(?:TO|=)\s+(\d+)\s*;?\s*$/i;
/** `LOCK TABLE t`: one process owns a DuckDB file, so an in-process lock held to the end of the transaction serializes as PostgreSQL's would. */
const LOCK_TABLE = /^\s*LOCK\s+(?:TABLE\s+)?(\w+)\s*;?\s*$/i;

interface Session {
  connection: DuckDBConnection;
  /** Rows bulk-loaded but not yet copied in: copied before anything else runs on the connection. */
  spool: CopySpool;
  timeoutMs: number;
  /** Releases the table locks taken in the current transaction. */
  releaseLocks: (() => void)[];
  inTransaction: boolean;
}

async function run<R extends Row>(session: Session, text: string, params: readonly unknown[]): Promise<R[]> {
  const setTimeoutMatch = SET_TIMEOUT.exec(text);
  if (setTimeoutMatch) {
    session.timeoutMs = Number(setTimeoutMatch[2]);
    return [];
  }
  await session.spool.flush();
  const timeoutMs = session.timeoutMs;
  let timedOut = false;
  const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), session.connection.interrupt()), timeoutMs) : undefined;
  try {
    const values = params.length > 0 ? (params as DuckDBValue[]) : undefined;
    const result = await session.connection.run(text, values);
    return (await convertRows(result)) as R[];
  } catch (error) {
    throw timedOut ? statementTimeoutError(timeoutMs, error) : error;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

function runner(session: Session, locks: DuckdbLocks): SqlRunner {
  return {
    engine: 'duckdb',
    async query<R extends Row = Row>(text: string, params: readonly unknown[] = [], options?: StatementOptions) {
      guardStatement(text, options);
      const lock = LOCK_TABLE.exec(text);
      if (lock?.[1]) {
        if (!session.inTransaction) throw new Error('LOCK TABLE can only be used in transaction blocks');
        session.releaseLocks.push(await locks.acquire(lock[1].toLowerCase()));
        return [];
      }
      return run<R>(session, text, params);
    },
    async exec(script: string, options?: StatementOptions) {
      guardStatement(script, options);
      await run(session, script, []);
    },
    bulkInsert: (table, columns, rows) => session.spool.add(table, columns, rows),
  };
}

/** A fixed set of connections, handed out one caller at a time; the limiter in front keeps the waiting bounded. */
class ConnectionPool {
  private readonly idle: DuckDBConnection[];
  private readonly waiting: ((connection: DuckDBConnection) => void)[] = [];

  constructor(connections: DuckDBConnection[]) {
    this.idle = connections;
  }

  async use<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = this.idle.pop() ?? (await new Promise<DuckDBConnection>((resolve) => this.waiting.push(resolve)));
    try {
      return await fn(connection);
    } finally {
      const next = this.waiting.shift();
      if (next) next(connection);
      else this.idle.push(connection);
    }
  }

  closeAll(): void {
    for (const connection of this.idle.splice(0)) connection.closeSync();
  }
}

/**
 * The embedded warehouse: a DuckDB file owned by this process. Statements run on DuckDB's own threads, off
 * Node's event loop, several at once (one per connection).
 */
/**
 * Files this process has open. DuckDB's file lock is per process, so a second instance on the same file
 * here would not be refused, and the two would overwrite each other's changes.
 */
const openPaths = new Set<string>();

export async function openDuckdb(options: DuckdbOptions): Promise<Warehouse> {
  const inMemory = options.path === ':memory:';
  const key = inMemory ? undefined : resolve(options.path);
  if (key && openPaths.has(key)) {
    throw new DatabaseInUseError(`The embedded warehouse ${options.path} is already open in this process; use the open warehouse (getWarehouse) instead of opening it again.`);
  }
  if (!inMemory) mkdirSync(dirname(options.path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(options.path, { memory_limit: options.memoryLimit, threads: String(options.threads) });
  } catch (error) {
    throw explainOpenError(options.path, error);
  }
  if (key) openPaths.add(key);
  const connections = await Promise.all(Array.from({ length: Math.max(1, options.connections) }, () => instance.connect()));
  const pool = new ConnectionPool(connections);
  const locks = new DuckdbLocks();
  const newSession = (connection: DuckDBConnection): Session => ({
    connection,
    spool: new CopySpool(connection),
    timeoutMs: options.statementTimeoutMs,
    releaseLocks: [],
    inTransaction: false,
  });

  return {
    engine: 'duckdb',
    query: (text, params, statementOptions) => pool.use((connection) => runner(newSession(connection), locks).query(text, params, statementOptions)),
    exec: (script, statementOptions) => pool.use((connection) => runner(newSession(connection), locks).exec(script, statementOptions)),
    bulkInsert: (table, columns, rows) =>
      pool.use(async (connection) => {
        const spool = new CopySpool(connection);
        await spool.add(table, columns, rows);
        await spool.flush();
      }),
    transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      return pool.use(async (connection) => {
        const session = newSession(connection);
        await connection.run('BEGIN TRANSACTION');
        session.inTransaction = true;
        try {
          const result = await fn(runner(session, locks));
          await session.spool.flush();
          await connection.run('COMMIT');
          return result;
        } catch (error) {
          await session.spool.discard();
          await connection.run('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          session.inTransaction = false;
          for (const release of session.releaseLocks.splice(0)) release();
        }
      });
    },
    async close() {
      pool.closeAll();
      instance.closeSync();
      if (key) openPaths.delete(key);
    },
  };
}
