import { describe, expect, it } from 'vitest';

import { Limiter, limitWarehouse, WarehouseBusyError } from './limiter';
import type { Warehouse } from './warehouse';

/** A task that runs until released, recording when it started. */
function gate(log: string[], name: string) {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open,
    task: async () => {
      log.push(name);
      await opened;
      return name;
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the warehouse limiter', () => {
  it('runs at most maxInFlight at once and starts the waiting ones in arrival order', async () => {
    const limiter = new Limiter({ maxInFlight: 2, queueMax: 10, queueTimeoutMs: 10_000 });
    const log: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((n) => gate(log, n));
    const runs = gates.map((g) => limiter.run(g.task));
    await tick();
    expect(log).toEqual(['a', 'b']);
    expect(limiter.stats()).toEqual({ inFlight: 2, queued: 2, refused: 0 });
    gates[1]?.open();
    await tick();
    expect(log).toEqual(['a', 'b', 'c']);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    expect(limiter.stats()).toEqual({ inFlight: 0, queued: 0, refused: 0 });
  });

  it('refuses at once past the queue bound, and a waiter after its wait timeout', async () => {
    const limiter = new Limiter({ maxInFlight: 1, queueMax: 1, queueTimeoutMs: 50 });
    const log: string[] = [];
    const running = gate(log, 'running');
    const first = limiter.run(running.task);
    const waiting = limiter.run(async () => 'waited');
    await expect(limiter.run(async () => 'refused')).rejects.toEqual(new WarehouseBusyError('queue_full'));
    await expect(waiting).rejects.toEqual(new WarehouseBusyError('queue_timeout'));
    expect(limiter.stats()).toEqual({ inFlight: 1, queued: 0, refused: 2 });
    running.open();
    expect(await first).toBe('running');
    expect(await limiter.run(async () => 'after')).toBe('after');
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = new Limiter({ maxInFlight: 1, queueMax: 0, queueTimeoutMs: 50 });
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limiter.stats().inFlight).toBe(0);
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('holds one slot for a whole transaction, and none for the statements inside it', async () => {
    const calls: string[] = [];
    const inner = {
      engine: 'postgres',
      query: async (text: string) => {
        calls.push(text);
        return [];
      },
      exec: async () => undefined,
      transaction: async <T>(fn: (tx: Warehouse) => Promise<T>) => fn(inner),
      close: async () => undefined,
    } as unknown as Warehouse;
    const limiter = new Limiter({ maxInFlight: 1, queueMax: 0, queueTimeoutMs: 50 });
    const warehouse = limitWarehouse(inner, limiter);
    await warehouse.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await tx.query('SELECT 2');
      // The transaction has the only slot: a statement outside it is refused, not deadlocked.
      await expect(warehouse.query('SELECT 3')).rejects.toBeInstanceOf(WarehouseBusyError);
    });
    expect(calls).toEqual(['SELECT 1', 'SELECT 2']);
    expect(limiter.stats().inFlight).toBe(0);
  });
});
