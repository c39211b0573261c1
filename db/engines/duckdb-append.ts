import { randomUUID } from 'node:crypto';
import { appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DuckDBConnection } from '@duckdb/node-api';

import { toCsv } from '../csv-copy';

/** Past this much spooled CSV a table's rows are copied in at once, so the scratch file stays bounded. */
const COPY_AT_BYTES = 256 * 1024 * 1024;

interface Spool {
  table: string;
  columns: readonly string[];
  file: string;
  bytes: number;
}

/**
 * Bulk loads through DuckDB's CSV reader, the same CSV that COPY FROM STDIN takes on PostgreSQL. A COPY
 * costs about 0.3 s whatever its size (the reader's set-up on every thread) and then 3 µs a row, so rows
 * are spooled to a scratch file per table and copied in one go: before the connection runs anything
 * else (a later statement always sees them), at commit, or once the file is large. Inside the
 * connection's transaction, so a rollback takes the rows back with everything else.
 */
export class CopySpool {
  private readonly spools = new Map<string, Spool>();
  /** The COPY of a full spool, running while the caller reads on: the loader's parsing and DuckDB's ingest share the cores. */
  private copying: Promise<void> = Promise.resolve();

  constructor(private readonly connection: DuckDBConnection) {}

  async add(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return;
    const key = `${table}(${columns.join(',')})`;
    let spool = this.spools.get(key);
    if (!spool) {
      spool = { table, columns, file: join(tmpdir(), `streamflix-copy-${process.pid}-${randomUUID()}.csv`), bytes: 0 };
      this.spools.set(key, spool);
    }
    const csv = toCsv(rows);
    appendFileSync(spool.file, csv);
    spool.bytes += csv.length;
    if (spool.bytes >= COPY_AT_BYTES) {
      // One COPY at a time on the connection: the previous one must be in before this one starts.
      await this.copying;
      this.spools.delete(key);
      this.copying = this.copy(spool);
      // A failure surfaces at the next add or flush; unawaited until then, it must not crash the process.
      this.copying.catch(() => undefined);
    }
  }

  /** Copies every spooled row into its table. */
  async flush(): Promise<void> {
    await this.copying;
    for (const [key, spool] of [...this.spools]) {
      this.spools.delete(key);
      await this.copy(spool);
    }
  }

  /** Forgets what was spooled (the transaction is rolling back, after any COPY under way has ended). */
  async discard(): Promise<void> {
    await this.copying.catch(() => undefined);
    for (const spool of this.spools.values()) rmSync(spool.file, { force: true });
    this.spools.clear();
  }

  private async copy(spool: Spool): Promise<void> {
    try {
      // The path is generated here, never input; COPY takes no parameters. NULL is the empty unquoted
      // field and "" an empty string, as in PostgreSQL's CSV.
      await this.connection.run(
        `COPY ${spool.table} (${spool.columns.join(', ')}) FROM '${spool.file}' (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', NULL '', ALLOW_QUOTED_NULLS false)`,
      );
    } finally {
      rmSync(spool.file, { force: true });
    }
  }
}
