import { insertStatements } from '@/db/bulk-insert';
import type { SqlRunner } from '@/db/warehouse';

/**
 * Small batches keep a batch's rows young: the garbage collector frees them cheaply before they are ever
 * copied to the old generation. At 20,000 rows they outlived the young generation and collection took a
 * third of the reading time; 2,000 rows halved the CPU per line (measured at 1M events), while a COPY per
 * 2,000 rows costs the database next to nothing more.
 */
const DEFAULT_BATCH_ROWS = 2_000;

/**
 * A batch is also written once its large text reaches this many characters: a rejected line keeps up to
 * 64 KiB of raw text, so 2,000 of them would otherwise be held at once (hundreds of MB as JS strings).
 */
const MAX_BATCH_CHARS = 4 * 1024 * 1024;

/**
 * Collects rows for one table and writes them in batches: the engine's bulk path where it has one (COPY on
 * PostgreSQL, the appender on DuckDB), multi-row INSERT with bind parameters on Redshift.
 */
export class BatchSink {
  private rows: unknown[][] = [];
  private chars = 0;
  /** The batch the database is ingesting while the next one is read (both cores busy, order kept). */
  private inFlight: Promise<void> = Promise.resolve();
  written = 0;

  constructor(
    private readonly runner: SqlRunner,
    readonly table: string,
    readonly columns: readonly string[],
    private readonly batchSize = DEFAULT_BATCH_ROWS,
    private readonly maxChars = MAX_BATCH_CHARS,
  ) {}

  /**
   * Collects a row, with the length of any text in it that may be large (a rejected line's raw text);
   * when that fills a batch, returns the promise to await before adding more.
   */
  add(row: unknown[], chars = 0): Promise<void> | undefined {
    this.rows.push(row);
    this.chars += chars;
    return this.rows.length >= this.batchSize || this.chars >= this.maxChars ? this.send() : undefined;
  }

  /** Hands the collected rows to the database once the previous batch is in. */
  private async send(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    this.chars = 0;
    await this.inFlight;
    this.inFlight = this.write(rows);
    // A failed batch must fail the load even if no later batch awaits it.
    this.inFlight.catch(() => undefined);
  }

  private async write(rows: unknown[][]): Promise<void> {
    if (this.runner.bulkInsert) {
      await this.runner.bulkInsert(this.table, this.columns, rows);
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
