/**
 * Loads handed to the process that owns the embedded warehouse. DuckDB lets one process write a file, so
 * while the app runs, `npm run data:load` cannot open the warehouse; it leaves a request in the inbox
 * beside the database instead, and the app (which watches the inbox) runs the load in its own process,
 * through the same loadDataset, and writes the outcome back. Every step is a file renamed into place, so
 * neither side ever reads half of what the other wrote, and a request is claimed by exactly one owner.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import type { Warehouse } from '@/db/warehouse';

import { loadDataset, type LoadReport } from './load-dataset';

export interface InboxRequest {
  id: string;
  /** The dataset directory, absolute. */
  dir: string;
  requestedBy: number;
}

type Outcome = { ok: true; report: LoadReport } | { ok: false; error: string };

/** The inbox of the embedded warehouse at `databasePath`. */
export function inboxDir(databasePath: string): string {
  return join(dirname(resolve(databasePath)), 'inbox');
}

function writeAtomically(path: string, value: unknown): void {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(value));
  renameSync(partial, path);
}

const requestFile = (inbox: string, id: string) => join(inbox, `${id}.request.json`);
const claimFile = (inbox: string, id: string) => join(inbox, `${id}.claimed.json`);
const resultFile = (inbox: string, id: string) => join(inbox, `${id}.result.json`);

export class InboxNotWatchedError extends Error {
  override name = 'InboxNotWatchedError';
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Hands a load to the owner of the warehouse and waits for its outcome. Rejects with InboxNotWatchedError
 * (and withdraws the request) when nobody claims it within `claimTimeoutMs`: the process holding the file
 * is not an app that watches the inbox.
 */
export async function requestLoad(inbox: string, dir: string, options: { claimTimeoutMs?: number; pollMs?: number } = {}): Promise<LoadReport> {
  mkdirSync(inbox, { recursive: true });
  const request: InboxRequest = { id: `${Date.now()}-${randomUUID()}`, dir: resolve(dir), requestedBy: process.pid };
  const pollMs = options.pollMs ?? 200;
  writeAtomically(requestFile(inbox, request.id), request);
  const claimBy = Date.now() + (options.claimTimeoutMs ?? 5_000);
  for (;;) {
    try {
      const outcome = JSON.parse(readFileSync(resultFile(inbox, request.id), 'utf8')) as Outcome;
      rmSync(resultFile(inbox, request.id), { force: true });
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.report;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (Date.now() > claimBy) {
      try {
        // Withdrawn only if still unclaimed: the rename fails once the owner has taken it.
        renameSync(requestFile(inbox, request.id), `${requestFile(inbox, request.id)}.withdrawn`);
        rmSync(`${requestFile(inbox, request.id)}.withdrawn`, { force: true });
        throw new InboxNotWatchedError('no process claimed the load from the inbox');
      } catch (error) {
        if (error instanceof InboxNotWatchedError) throw error;
      }
    }
    await sleep(pollMs);
  }
}

/**
 * Runs the loads requested in the inbox, one at a time, in this process (the owner of the warehouse,
 * opened only when a request comes). Returns the function that stops watching.
 */
export function watchInbox(inbox: string, warehouse: () => Promise<Warehouse>, log: (line: string) => void, pollMs = 1_000): () => void {
  mkdirSync(inbox, { recursive: true });
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      let names: string[];
      try {
        names = readdirSync(inbox).filter((n) => n.endsWith('.request.json')).sort();
      } catch {
        return; // the inbox was removed (a reset): nothing asked
      }
      for (const name of names) {
        const id = name.slice(0, -'.request.json'.length);
        try {
          renameSync(join(inbox, name), claimFile(inbox, id));
        } catch {
          continue; // withdrawn, or claimed by another watcher
        }
        let outcome: Outcome;
        try {
          const request = JSON.parse(readFileSync(claimFile(inbox, id), 'utf8')) as InboxRequest;
          log(`loading ${request.dir} for process ${request.requestedBy}`);
          outcome = { ok: true, report: await loadDataset(await warehouse(), request.dir) };
          log(`loaded ${outcome.report.source}: ${outcome.report.events.events_kept} events kept, ${outcome.report.sessionsRebuilt} sessions rebuilt`);
        } catch (error) {
          outcome = { ok: false, error: (error as Error).message };
          log(`a load from the inbox failed, nothing was changed: ${outcome.error}`);
        }
        writeAtomically(resultFile(inbox, id), outcome);
        rmSync(claimFile(inbox, id), { force: true });
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), pollMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
