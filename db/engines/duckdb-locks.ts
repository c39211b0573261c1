/**
 * Table locks for one process: DuckDB has no LOCK TABLE, but only one process can open the file, so a
 * lock held here from `LOCK TABLE` to the end of the transaction serializes loads as PostgreSQL's does.
 */
export class DuckdbLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Waits for the table's lock and returns its release. */
  async acquire(table: string): Promise<() => void> {
    const previous = this.tails.get(table) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => held);
    this.tails.set(table, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(table) === tail) this.tails.delete(table);
    };
  }
}
