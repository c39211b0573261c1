export type Engine = 'pglite' | 'postgres' | 'redshift';
export type Row = Record<string, unknown>;

export interface StatementOptions {
  /**
   * The statement belongs to the PostgreSQL translation (translated DDL, COPY FROM STDIN) and is never
   * sent to Redshift, so the Redshift lint does not apply to it.
   */
  postgresOnly?: boolean;
}

export interface SqlRunner {
  readonly engine: Engine;
  /** One statement; values are always bind parameters ($1, $2…). */
  query<R extends Row = Row>(text: string, params?: readonly unknown[], options?: StatementOptions): Promise<R[]>;
  /** A script of parameterless statements (DDL). */
  exec(script: string, options?: StatementOptions): Promise<void>;
}

export interface Warehouse extends SqlRunner {
  /** Runs fn in one transaction: all of its statements take effect, or none. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
