import { insertStatements } from '@/db/bulk-insert';
import type { SqlRunner } from '@/db/warehouse';

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return `"${String(value).replaceAll('"', '""')}"`;
}

/** PostgreSQL CSV: every string quoted (so '' stays an empty string), NULL an empty unquoted field. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  let csv = '';
  for (const row of rows) csv += `${row.map(csvField).join(',')}\n`;
  return csv;
}

/**
 * Collects rows for one table and writes them in batches: COPY where the engine has it (PostgreSQL,
 * PGlite), multi-row INSERT with bind parameters on Redshift.
 */
export class BatchSink {
  private rows: unknown[][] = [];
  written = 0;

  constructor(
    private readonly runner: SqlRunner,
    readonly table: string,
    readonly columns: readonly string[],
    private readonly batchSize = 20_000,
  ) {}

  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    if (this.runner.copyCsv) {
      await this.runner.copyCsv(this.table, this.columns, toCsv(rows));
    } else {
      for (const s of insertStatements(this.table, this.columns, rows)) await this.runner.query(s.text, s.params);
    }
    this.written += rows.length;
  }
}
