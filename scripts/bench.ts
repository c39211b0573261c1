/**
 * `npm run bench [-- --tier demo|scale|all]`: measures the loader end to end, as a user runs it.
 *   demo tier:  the demo dataset (3,000 users, 60 days, ~1M event lines) into a fresh embedded PGlite.
 *   scale tier: ~10M event lines into a fresh database on the PostgreSQL server named by BENCH_DATABASE_URL
 *               (or TEST_DATABASE_URL); skipped, with a note, when neither is set.
 * Datasets are generated once under .data/bench and reused. Each load runs as its own process
 * (`npm run data:load`), so its peak memory is the loader's alone.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { generateDataset, type GenerateOptions } from '../pipeline/generate';

interface Tier {
  name: 'demo' | 'scale';
  engine: string;
  dataset: Omit<GenerateOptions, 'outDir'>;
}

const BENCH_DIR = '.data/bench';
const END = '2026-10-31';
const tiers: Tier[] = [
  { name: 'demo', engine: 'PGlite (embedded)', dataset: { users: 3000, days: 60, end: END, seed: 42 } },
  { name: 'scale', engine: 'PostgreSQL', dataset: { users: 200_000, days: 9, end: END, seed: 7 } },
];

async function ensureDataset(tier: Tier): Promise<string> {
  const dir = join(BENCH_DIR, `${tier.name}-dataset`);
  const marker = join(dir, 'bench-options.json');
  const wanted = JSON.stringify(tier.dataset);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return dir;
  console.log(`generating the ${tier.name} dataset (${wanted}) in ${dir}…`);
  const summary = await generateDataset({ ...tier.dataset, outDir: dir });
  writeFileSync(marker, wanted);
  console.log(`  ${summary.eventLines.toLocaleString('en-US')} event lines, ${summary.sessions.toLocaleString('en-US')} sessions`);
  return dir;
}

interface LoadRun {
  lines: number;
  wallSeconds: number;
  readSeconds: number;
  transformSeconds: number;
  peakMb: number;
  sessions: number;
}

function runLoader(dir: string, env: Record<string, string>): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/load.ts', dir, '--json'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the loader exited with ${code}:\n${out}`));
      const number = (re: RegExp) => Number(re.exec(out)?.[1]?.replaceAll(',', '') ?? NaN);
      const account = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { lines_read: number };
      resolve({
        lines: account.lines_read,
        wallSeconds: (Date.now() - started) / 1000,
        readSeconds: number(/Read and staged in ([\d.]+) s/),
        transformSeconds: number(/transformed in ([\d.]+) s/),
        peakMb: number(/Peak memory: (\d+) MB/),
        sessions: number(/Sessions rebuilt: ([\d,]+)/),
      });
    });
  });
}

async function freshServerDatabase(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('DROP DATABASE IF EXISTS streamflix_bench WITH (FORCE)');
    await client.query('CREATE DATABASE streamflix_bench');
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = '/streamflix_bench';
  return url.toString();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tier: { type: 'string', default: 'all' } } });
  if (!['demo', 'scale', 'all'].includes(values.tier ?? '')) throw new Error('--tier must be demo, scale or all');
  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const results: { tier: Tier; run: LoadRun }[] = [];

  for (const tier of tiers) {
    if (values.tier !== 'all' && values.tier !== tier.name) continue;
    if (tier.name === 'scale' && !adminUrl) {
      console.log('scale tier skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres');
      continue;
    }
    const dir = await ensureDataset(tier);
    let env: Record<string, string>;
    if (tier.name === 'demo') {
      const pgliteDir = join(BENCH_DIR, 'pglite-demo');
      rmSync(pgliteDir, { recursive: true, force: true });
      env = { PGLITE_DIR: pgliteDir, DATABASE_URL: '' };
    } else {
      env = { DATABASE_URL: await freshServerDatabase(adminUrl ?? '') };
    }
    console.log(`loading the ${tier.name} tier into ${tier.engine}…`);
    results.push({ tier, run: await runLoader(dir, env) });
  }

  console.log('\nLoad throughput, end to end (read, validate, stage, deduplicate, sessionize, commit):');
  console.log('tier   engine              event lines   sessions   total s   events/s   staging s   sessionizing s   peak MB');
  for (const { tier, run } of results) {
    console.log(
      [
        tier.name.padEnd(6),
        tier.engine.padEnd(18),
        run.lines.toLocaleString('en-US').padStart(12),
        run.sessions.toLocaleString('en-US').padStart(10),
        run.wallSeconds.toFixed(1).padStart(9),
        Math.round(run.lines / run.wallSeconds).toLocaleString('en-US').padStart(10),
        run.readSeconds.toFixed(1).padStart(11),
        run.transformSeconds.toFixed(1).padStart(16),
        String(run.peakMb).padStart(9),
      ].join(' '),
    );
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
