/**
 * A cold start of the embedded default, as `npm run dev` makes it on a fresh checkout: the preparation
 * (generate the demo dataset, migrate an empty DuckDB file, load) and then the server's first dashboard
 * answer. The server is the production build (`next start`): `next dev` adds its compilation of each page
 * on first request, which depends on the machine's cache, not on the warehouse.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { startAppServer } from '../support/app-server';

export interface ColdStart {
  prepareSeconds: number;
  firstAnswerSeconds: number;
}

function prepare(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/prepare-dev.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prepare-dev exited with ${code}`))));
  });
}

export async function measureColdStart(dir: string): Promise<ColdStart> {
  rmSync(dir, { recursive: true, force: true });
  const env = { DUCKDB_PATH: join(dir, 'warehouse.duckdb'), DATABASE_URL: '' };
  const started = performance.now();
  await prepare(env);
  const prepared = performance.now();
  const server = await startAppServer(3303, env);
  try {
    const response = await fetch(`${server.base}/api/metrics/watch-time?by=genre`);
    if (!response.ok) throw new Error(`the first answer was ${response.status}`);
    await response.arrayBuffer();
    return { prepareSeconds: (prepared - started) / 1000, firstAnswerSeconds: (performance.now() - prepared) / 1000 };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printColdStart(run: ColdStart): void {
  console.log('\nCold start of the embedded default (fresh DuckDB file, demo data generated and loaded):');
  console.log(`  prepare (generate, migrate, load): ${run.prepareSeconds.toFixed(1)} s`);
  console.log(`  production server up to its first dashboard answer: ${run.firstAnswerSeconds.toFixed(1)} s`);
  console.log(`  total: ${(run.prepareSeconds + run.firstAnswerSeconds).toFixed(1)} s`);
}
