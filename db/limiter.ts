import type { Row, SqlRunner, StatementOptions, Warehouse } from './warehouse';

export interface LimiterOptions {
  /** Work running at once: the pool's size, or the embedded DuckDB's connections. */
  maxInFlight: number;
  /** Requests allowed to wait for a slot; one more is refused at once. */
  queueMax: number;
  /** How long a request may wait for a slot before it is refused. */
  queueTimeoutMs: number;
}

export interface LimiterStats {
  inFlight: number;
  queued: number;
  /** Requests refused since start, because the queue was full or the wait too long. */
  refused: number;
}

/** The warehouse has no slot for this request now: answered 503 with Retry-After, never left hanging. */
export class WarehouseBusyError extends Error {
  override name = 'WarehouseBusyError';
  readonly code = 'warehouse_busy';
  constructor(readonly reason: 'queue_full' | 'queue_timeout') {
    super(reason === 'queue_full' ? 'too many requests are waiting for the warehouse' : 'waited too long for a warehouse connection');
  }
}

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

/** At most maxInFlight tasks run; up to queueMax more wait in order, each at most queueTimeoutMs. */
export class Limiter {
  private inFlight = 0;
  private refused = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly options: LimiterOptions) {}

  stats(): LimiterStats {
    return { inFlight: this.inFlight, queued: this.queue.length, refused: this.refused };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.inFlight < this.options.maxInFlight) {
      this.inFlight++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.options.queueMax) {
      this.refused++;
      return Promise.reject(new WarehouseBusyError('queue_full'));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        // The slot passes straight from the releasing task to this one, so inFlight is not touched.
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index !== -1) this.queue.splice(index, 1);
          this.refused++;
          reject(new WarehouseBusyError('queue_timeout'));
        }, this.options.queueTimeoutMs),
      };
      this.queue.push(waiter);
    });
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next.start();
    else this.inFlight--;
  }
}

/**
 * The warehouse behind a limiter: each statement, and each transaction as a whole (it holds one
 * connection throughout), takes a slot. Statements inside a transaction use its slot, so they are not
 * limited again.
 */
export function limitWarehouse(warehouse: Warehouse, limiter: Limiter): Warehouse & { limiter: Limiter } {
  const limited: SqlRunner = {
    engine: warehouse.engine,
    query<R extends Row = Row>(text: string, params?: readonly unknown[], options?: StatementOptions) {
      return limiter.run(() => warehouse.query<R>(text, params, options));
    },
    exec: (script, options) => limiter.run(() => warehouse.exec(script, options)),
  };
  const bulkInsert = warehouse.bulkInsert?.bind(warehouse);
  if (bulkInsert) limited.bulkInsert = (table, columns, rows) => limiter.run(() => bulkInsert(table, columns, rows));
  return {
    ...limited,
    transaction: (fn) => limiter.run(() => warehouse.transaction(fn)),
    close: () => warehouse.close(),
    limiter,
  };
}
