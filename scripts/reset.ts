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
  console.log(`[warehouse] removing ${env.PGLITE_DIR} and the generated demo dataset`);
  rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  rmSync(join(dirname(env.PGLITE_DIR), 'demo'), { recursive: true, force: true });
  await ensureDemoData(await getWarehouse(), { dataDir: dirname(env.PGLITE_DIR), log: (line) => console.log(`[warehouse] ${line}`) });
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Reset failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => closeWarehouse());
