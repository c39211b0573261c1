import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { guardStatement } from '../statement-guard';
import { typeParsers } from '../type-parsers';
import type { Engine, Row, SqlRunner, StatementOptions, Warehouse } from '../warehouse';

export interface PostgresOptions {
  connectionString: string;
  poolMax: number;
  statementTimeoutMs: number;
}

async function copyCsv(client: pg.PoolClient, table: string, columns: readonly string[], csv: string): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  await pipeline(Readable.from([csv]), stream);
}

function runner(client: pg.Pool | pg.PoolClient, engine: Engine): SqlRunner {
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
  return {
    ...base,
    async copyCsv(table, columns, csv) {
      if (!(client instanceof pg.Pool)) return copyCsv(client, table, columns, csv);
      const checkedOut = await client.connect();
      try {
        await copyCsv(checkedOut, table, columns, csv);
      } finally {
        checkedOut.release();
      }
    },
  };
}

/** PostgreSQL or Redshift over the wire: one pool per process. */
export async function openPostgres(options: PostgresOptions): Promise<Warehouse> {
  const pool = new pg.Pool({
    // Redshift refuses statement_timeout as a startup parameter, so each new connection sets it before
    // it is handed out. The value is a validated integer from the environment, not user input.
    onConnect: async (client: pg.ClientBase) => {
      await client.query(`SET statement_timeout TO ${Math.trunc(options.statementTimeoutMs)}`);
    },
    connectionString: options.connectionString,
    max: options.poolMax,
    connectionTimeoutMillis: 10_000,
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
    ...runner(pool, engine),
    async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(runner(client, engine));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
