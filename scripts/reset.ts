/** `npm run data:reset`: rebuilds the embedded warehouse from scratch with fresh demo data. */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { closeWarehouse, getWarehouse } from '../db';
import { ConfigError, parseServerEnv } from '../db/env';
import { ensureDemoData } from '../pipeline/demo';

async function main(): Promise<void> {
  const env = parseServerEnv();
  if (env.DATABASE_URL) {
    console.error('data:reset rebuilds only the embedded database; DATABASE_URL points at a server, which it will not touch. Unset DATABASE_URL to reset the embedded one.');
    process.exitCode = 2;
    return;
  }
  // Opened first: a file another process holds is refused before anything is removed.
  await getWarehouse();
  await closeWarehouse();
  console.log(`[warehouse] removing ${env.DUCKDB_PATH} and the generated demo dataset`);
  for (const file of [env.DUCKDB_PATH, `${env.DUCKDB_PATH}.wal`]) rmSync(file, { force: true });
  rmSync(join(dirname(env.DUCKDB_PATH), 'demo'), { recursive: true, force: true });
  await ensureDemoData(await getWarehouse(), { dataDir: dirname(env.DUCKDB_PATH), log: (line) => console.log(`[warehouse] ${line}`) });
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Reset failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => closeWarehouse());
