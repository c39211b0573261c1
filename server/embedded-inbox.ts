import 'server-only';

import { getWarehouse } from '@/db';
import { parseServerEnv } from '@/db/env';
import { inboxDir, watchInbox } from '@/pipeline/load/inbox';

/**
 * On the embedded warehouse the app owns the DuckDB file, so it takes the loads `npm run data:load` hands
 * it (pipeline/load/inbox.ts). A server warehouse takes loads from anywhere and needs no inbox.
 */
export function startEmbeddedInbox(): void {
  const env = parseServerEnv();
  if (env.DATABASE_URL) return;
  const holder = globalThis as { __streamflixInbox?: () => void };
  holder.__streamflixInbox ??= watchInbox(inboxDir(env.DUCKDB_PATH), getWarehouse, (line) => console.log(`[warehouse] ${line}`));
}
