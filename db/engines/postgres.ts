import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { toCsv } from '../csv-copy';
import { guardStatement } from '../statement-guard';
import { typeParsers } from '../type-parsers';
import type { Engine, Row, SqlRunner, StatementOptions, Warehouse } from '../warehouse';

export interface PostgresOptions {
  connectionString: string;
  poolMax: number;
  statementTimeoutMs: number;
  /** How long to wait for a new connection; the default keeps tests and scripts off a dead server quickly. */
  connectTimeoutMs?: number;
}

async function copyRows(client: pg.PoolClient, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  await pipeline(Readable.from([toCsv(rows)]), stream);
}

/**
 * Whether a failed statement left its connection unusable. The server's answer to a statement (a
 * syntax error, a statement timeout, a permission refused) leaves the connection healthy, and dropping
 * it would cost a reconnect (TLS and authentication on Redshift) on every such error; anything else (a
 * reset socket, the client-side read timeout, a FATAL from a server going down) does not.
 */
function leavesConnectionBroken(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  return error.severity === 'FATAL' || error.severity === 'PANIC' || /^(08|57P0)/.test(error.code ?? '');
}

interface Checkout {
  client: pg.PoolClient;
  /** Back to the pool, or closed when it is (or may be) broken. */
  release(discard: boolean): void;
}

/** A checked-out client emits 'error' when its socket dies between statements; unheard, that would crash the process. */
async function checkout(pool: pg.Pool): Promise<Checkout> {
  const client = await pool.connect();
  let socketError: Error | undefined;
  const onError = (error: Error) => {
    socketError = error;
  };
  client.on('error', onError);
  return {
    client,
    release(discard) {
      client.removeListener('error', onError);
      client.release(socketError ?? (discard ? new Error('connection discarded after a failure') : undefined));
    },
  };
}

async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const { client, release } = await checkout(pool);
  try {
    const result = await fn(client);
    release(false);
    return result;
  } catch (error) {
    release(leavesConnectionBroken(error));
    throw error;
  }
}

function runner(client: pg.PoolClient, engine: Engine): SqlRunner {
  const base: SqlRunner = {
    engine,
    async query<R extends Row = Row>(text: string, params: readonly unknown[] = [], options?: StatementOptions) {
      guardStatement(text, options);
      const result = await client.query<R>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string, options?: StatementOptions) {
      guardStatement(script, options);
      await client.query(script);
    },
  };
  if (engine === 'redshift') return base;
  return { ...base, bulkInsert: (table, columns, rows) => copyRows(client, table, columns, rows) };
}

/**
 * Statements outside a transaction, each on a pooled connection. readTimeoutMs bounds the wait for an
 * answer on the client side: the server's statement timeout cannot answer across a network that is gone.
 */
function poolRunner(pool: pg.Pool, engine: Engine, readTimeoutMs: number): SqlRunner {
  const base: SqlRunner = {
    engine,
    async query<R extends Row = Row>(text: string, params: readonly unknown[] = [], options?: StatementOptions) {
      guardStatement(text, options);
      const result = await withClient(pool, (client) => client.query<R>({ text, values: params as unknown[], query_timeout: readTimeoutMs } as pg.QueryConfig));
      return result.rows;
    },
    async exec(script: string, options?: StatementOptions) {
      guardStatement(script, options);
      await withClient(pool, (client) => client.query(script));
    },
  };
  if (engine === 'redshift') return base;
  return { ...base, bulkInsert: (table, columns, rows) => withClient(pool, (client) => copyRows(client, table, columns, rows)) };
}

/** Per connection to a PostgreSQL server (not Redshift): see onConnect. */
const POSTGRES_WORK_MEM = '160MB';

/** PostgreSQL or Redshift over the wire: one pool per process. */
export async function openPostgres(options: PostgresOptions): Promise<Warehouse> {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const pool = new pg.Pool({
    // Redshift refuses statement_timeout as a startup parameter, so each new connection sets it before
    // it is handed out. The value is a validated integer from the environment, not user input.
    onConnect: async (client: pg.ClientBase) => {
      await client.query(`SET statement_timeout TO ${Math.trunc(options.statementTimeoutMs)}`);
      const [server] = (await client.query<{ version: string }>('SELECT version() AS version')).rows;
      // Session duration's exact percentiles sort every length of the period: a month at the scale tier
      // (3.3M doubles) needs about 130 MB to sort in memory, and spilled to disk at the default 4 MB, 30 %
      // slower. Redshift has no work_mem (its queues give each query its memory).
      if (!server?.version.includes('Redshift')) await client.query(`SET work_mem TO '${POSTGRES_WORK_MEM}'`);
    },
    connectionString: options.connectionString,
    max: options.poolMax,
    connectionTimeoutMillis: connectTimeoutMs,
    // A server that vanished without closing the socket (a network cut) is noticed by TCP, not only by the next statement.
    keepAlive: true,
    types: { getTypeParser: ((oid: number, format?: string) => typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser },
  });
  // An idle client whose server went away must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);

  let engine: Engine;
  try {
    const [row] = (await pool.query<{ version: string }>('SELECT version() AS version')).rows;
    engine = row?.version.includes('Redshift') ? 'redshift' : 'postgres';
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  return {
    // Past the statement timeout the server answers; no answer some seconds later means it cannot.
    ...poolRunner(pool, engine, options.statementTimeoutMs + connectTimeoutMs),
    async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const { client, release } = await checkout(pool);
      let healthy = true;
      try {
        await client.query('BEGIN');
        const result = await fn(runner(client, engine));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        healthy = await client.query('ROLLBACK').then(
          () => true,
          () => false,
        );
        throw error;
      } finally {
        release(!healthy);
      }
    },
    close: () => pool.end(),
  };
}
