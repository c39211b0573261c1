/**
 * `npm run bench [-- --tier demo|scale|all] [--engine duckdb|postgres|all] [--reuse]`: per tier and
 * engine, the loader end to end as a user runs it, then the metrics API of the production server over
 * that warehouse.
 *   demo tier:  the demo dataset (3,000 users, 60 days, ~1M event lines, ~100k sessions). On DuckDB also
 *               the cold start (`npm run dev`'s preparation: generate, migrate, load, first answer) and
 *               the model diagram.
 *   scale tier: 30 days of ~1.1M event lines a day (~32M events, ~3.3M sessions).
 *   engines:    the embedded DuckDB (a fresh file under .data/bench), and the PostgreSQL server named by
 *               BENCH_DATABASE_URL (or TEST_DATABASE_URL), skipped with a note when neither is set.
 * On DuckDB the API is measured side by side with its peer (duckdb-peer.ts): DuckDB asked directly over the
 * raw fact; on PostgreSQL, the API alone. Datasets are generated once under .data/bench and reused;
 * --reuse also keeps the warehouse a previous run loaded and measures the API only. Each load runs as its
 * own process (`npm run data:load`), so its peak memory is the loader's alone. The API is measured on
 * `next start` of a fresh build (--reuse keeps the last one).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { generateDataset, type GenerateOptions } from '../pipeline/generate';
import { measureApiLatency, printLatency } from './bench/api-latency';
import { measureColdStart, printColdStart } from './bench/cold-start';
import { measureAgainstPeer, printPeer } from './bench/duckdb-peer';
import { measureSessionsPages, printSessionsPages } from './bench/sessions-pages';
import { measureErdInBrowser, printErdInBrowser } from './bench/erd-browser';
import { measureErdLayout } from './bench/erd';
import { startAppServer } from './support/app-server';

interface Tier {
  name: 'demo' | 'scale';
  engine: 'duckdb' | 'postgres';
  dataset: Omit<GenerateOptions, 'outDir'>;
}

const ENGINE_LABEL = { duckdb: 'DuckDB (embedded)', postgres: 'PostgreSQL' } as const;

const BENCH_DIR = '.data/bench';
const END = '2026-10-31';
const DEMO = { users: 3000, days: 60, end: END, seed: 42 };
const SCALE = { users: 200_000, days: 30, end: END, seed: 7 };
const tiers: Tier[] = [
  { name: 'demo', engine: 'duckdb', dataset: DEMO },
  { name: 'scale', engine: 'duckdb', dataset: SCALE },
  { name: 'demo', engine: 'postgres', dataset: DEMO },
  { name: 'scale', engine: 'postgres', dataset: SCALE },
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

/** One database per tier on the server, so that a tier's warehouse survives the other's run for --reuse. */
const benchDatabase = (tierName: Tier['name']) => `streamflix_bench_${tierName}`;

function benchDatabaseUrl(adminUrl: string, tierName: Tier['name']): string {
  const url = new URL(adminUrl);
  url.pathname = `/${benchDatabase(tierName)}`;
  return url.toString();
}

async function freshServerDatabase(adminUrl: string, tierName: Tier['name']): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // The name is one of two constants above, never input.
    await client.query(`DROP DATABASE IF EXISTS ${benchDatabase(tierName)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${benchDatabase(tierName)}`);
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** The production build the API is measured on, of the code as it is now (--reuse keeps an existing one). */
async function ensureBuild(reuse: boolean): Promise<void> {
  if (reuse && existsSync('.next/BUILD_ID')) return;
  console.log('building the app for the API measurements (npm run build)…');
  await run('npm', ['run', 'build']);
}

function printLoads(results: readonly { tier: Tier; run: LoadRun }[]): void {
  if (results.length === 0) return;
  console.log('\nLoad throughput, end to end (read, validate, stage, deduplicate, sessionize, roll up, commit):');
  console.log('tier   engine              event lines   sessions   total s   events/s   staging s   sessionizing s   peak MB');
  for (const { tier, run } of results) {
    console.log(
      [
        tier.name.padEnd(6),
        ENGINE_LABEL[tier.engine].padEnd(18),
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

/** The model diagram: its layout in Node for the real and a synthetic 60-table schema, then in the browser. */
async function benchErd(env: Record<string, string>): Promise<void> {
  console.log('');
  await measureErdLayout();
  const server = await startAppServer(3301, env);
  try {
    printErdInBrowser(await measureErdInBrowser(server.base));
  } finally {
    await server.stop();
  }
}

function duckdbPath(tier: Tier): string {
  return join(BENCH_DIR, `duckdb-${tier.name}`, 'warehouse.duckdb');
}

/** The warehouse a tier runs on, as the app's environment names it. */
function tierEnv(tier: Tier, adminUrl: string | undefined): Record<string, string> {
  return tier.engine === 'duckdb' ? { DUCKDB_PATH: duckdbPath(tier), DATABASE_URL: '' } : { DATABASE_URL: benchDatabaseUrl(adminUrl ?? '', tier.name) };
}

async function freshWarehouse(tier: Tier, adminUrl: string | undefined): Promise<void> {
  if (tier.engine === 'duckdb') {
    rmSync(dirname(duckdbPath(tier)), { recursive: true, force: true });
    mkdirSync(dirname(duckdbPath(tier)), { recursive: true });
  } else {
    await freshServerDatabase(adminUrl ?? '', tier.name);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { tier: { type: 'string', default: 'all' }, engine: { type: 'string', default: 'all' }, reuse: { type: 'boolean', default: false } },
  });
  if (!['demo', 'scale', 'all'].includes(values.tier ?? '')) throw new Error('--tier must be demo, scale or all');
  if (!['duckdb', 'postgres', 'all'].includes(values.engine ?? '')) throw new Error('--engine must be duckdb, postgres or all');
  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const loads: { tier: Tier; run: LoadRun }[] = [];
  let built = false;

  for (const tier of tiers) {
    if (values.tier !== 'all' && values.tier !== tier.name) continue;
    if (values.engine !== 'all' && values.engine !== tier.engine) continue;
    if (tier.engine === 'postgres' && !adminUrl) {
      console.log(`${tier.name} tier on PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a server, e.g. postgres://postgres@127.0.0.1:5432/postgres`);
      continue;
    }
    const env = tierEnv(tier, adminUrl);
    const label = `${tier.name} tier on ${ENGINE_LABEL[tier.engine]}`;
    if (!values.reuse) {
      const dir = await ensureDataset(tier);
      await freshWarehouse(tier, adminUrl);
      console.log(`loading the ${label}…`);
      const load = await runLoader(dir, env);
      loads.push({ tier, run: load });
      printLoads([{ tier, run: load }]);
    }

    if (!built) await ensureBuild(values.reuse ?? false);
    built = true;
    console.log(`measuring the metrics API on the ${label}…`);
    if (tier.engine === 'duckdb') {
      printPeer(label, await measureAgainstPeer(duckdbPath(tier), env, { rounds: tier.name === 'demo' ? 3 : 2 }));
      printSessionsPages(label, await measureSessionsPages(env));
    } else {
      printLatency(label, await measureApiLatency(env, { rounds: 3 }));
    }
    if (tier.name === 'demo' && tier.engine === 'duckdb') {
      printColdStart(await measureColdStart(join(BENCH_DIR, 'cold-start')));
      await benchErd(env);
    }
  }

  printLoads(loads);
}
main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
