export type Engine = 'duckdb' | 'postgres' | 'redshift';
export type Row = Record<string, unknown>;

export interface StatementOptions {
  /**
   * The statement belongs to an engine's translation (translated DDL, bulk loading, planner statistics)
   * and is never sent to Redshift, so the Redshift lint does not apply to it.
   */
  translated?: boolean;
}

export interface SqlRunner {
  readonly engine: Engine;
  /** One statement; values are always bind parameters ($1, $2…). */
  query<R extends Row = Row>(text: string, params?: readonly unknown[], options?: StatementOptions): Promise<R[]>;
  /** A script of parameterless statements (DDL). */
  exec(script: string, options?: StatementOptions): Promise<void>;
  /**
   * Bulk-loads rows given in the table's column order: COPY on PostgreSQL, DuckDB's appender on DuckDB.
   * Redshift's COPY reads from S3, so it has no such method and the loader falls back to multi-row INSERT
   * there. Table and column names come from code, never input.
   */
  bulkInsert?(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
}

export interface Warehouse extends SqlRunner {
  /** Runs fn in one transaction: all of its statements take effect, or none. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
