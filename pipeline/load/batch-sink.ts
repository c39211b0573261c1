import { insertStatements } from '@/db/bulk-insert';
import type { SqlRunner } from '@/db/warehouse';

const NEEDS_QUOTES = /[",\r\n\\]/;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  // Quoted only when it must be: an empty string (unquoted it would read as NULL), a separator, a quote,
  // a line break, or a backslash (a bare `\.` line ends COPY data).
  // The bare form is the common case and saves the loader a copy of every string.
  if (text !== '' && !NEEDS_QUOTES.test(text)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/** PostgreSQL CSV: NULL is an empty unquoted field, '' a quoted empty string. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  let csv = '';
  for (const row of rows) {
    let line = csvField(row[0]);
    for (let i = 1; i < row.length; i++) line += `,${csvField(row[i])}`;
    csv += `${line}\n`;
  }
  return csv;
}

/**
 * Collects rows for one table and writes them in batches: COPY where the engine has it (PostgreSQL,
 * PGlite), multi-row INSERT with bind parameters on Redshift.
 */
export class BatchSink {
  private rows: unknown[][] = [];
  /** The batch the database is ingesting while the next one is read (both cores busy, order kept). */
  private inFlight: Promise<void> = Promise.resolve();
  written = 0;

  constructor(
    private readonly runner: SqlRunner,
    readonly table: string,
    readonly columns: readonly string[],
    private readonly batchSize = 20_000,
  ) {}

  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.batchSize) await this.send();
  }

  /** Hands the collected rows to the database once the previous batch is in. */
  private async send(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    await this.inFlight;
    this.inFlight = this.write(rows);
    // A failed batch must fail the load even if no later batch awaits it.
    this.inFlight.catch(() => undefined);
  }

  private async write(rows: unknown[][]): Promise<void> {
    if (this.runner.copyCsv) {
      await this.runner.copyCsv(this.table, this.columns, toCsv(rows));
    } else {
      for (const s of insertStatements(this.table, this.columns, rows)) await this.runner.query(s.text, s.params);
    }
    this.written += rows.length;
  }

  /** Writes what is left and waits until every batch is in the table. */
  async flush(): Promise<void> {
    if (this.rows.length > 0) await this.send();
    await this.inFlight;
  }
}
