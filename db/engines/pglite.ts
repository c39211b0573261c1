import { mkdirSync } from 'node:fs';

import { PGlite, type PGliteInterface, type Transaction } from '@electric-sql/pglite';

import { guardStatement } from '../statement-guard';
import { typeParsers } from '../type-parsers';
import type { Row, SqlRunner, StatementOptions, Warehouse } from '../warehouse';

function runner(db: PGliteInterface | Transaction): SqlRunner {
  return {
    engine: 'pglite',
    async query<R extends Row = Row>(text: string, params: readonly unknown[] = [], options?: StatementOptions) {
      guardStatement(text, options);
      const result = await db.query<R>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string, options?: StatementOptions) {
      guardStatement(script, options);
      await db.exec(script);
    },
    async copyCsv(table, columns, csv) {
      // PGlite has no client socket: COPY reads the rows from a Blob mounted at /dev/blob.
      await db.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    },
  };
}

/** Wraps an open PGlite (a fresh one, or a clone of a migrated template in tests). */
export function wrapPglite(db: PGliteInterface): Warehouse {
  return {
    ...runner(db),
    transaction: (fn) => db.transaction((tx) => fn(runner(tx))),
    close: () => db.close(),
  };
}

const PGLITE_WORK_MEM = '32MB';

/** The embedded database: a directory on disk, or `memory://` for a throwaway one. */
export async function openPglite(dataDir: string): Promise<Warehouse> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { parsers: typeParsers });
  // PostgreSQL's default 4 MB makes the planner sort the period's sessions where a hash table of them
  // (session duration's count per second, distinct viewers per key) would be faster; the embedded
  // database serves one statement at a time, so this is the most one statement can take per sort or hash.
  await db.exec(`SET work_mem = '${PGLITE_WORK_MEM}'`);
  return wrapPglite(db);
}

export { PGlite };
