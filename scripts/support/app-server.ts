/**
 * The production server as the benchmarks and the load test drive it: `next start` from the build,
 * waited for, measured from /proc, and stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Resident memory of a process and its descendants, in MB, from /proc. */
export function treeRssMb(root: number): number | undefined {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after its last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while being listed.
    }
  }
  const tree = [...parents.keys()].filter((pid) => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  });
  let kb = 0;
  let seen = false;
  for (const pid of tree) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (rss) {
        kb += Number(rss);
        seen = true;
      }
    } catch {
      // Gone since.
    }
  }
  return seen ? Math.round(kb / 1024) : undefined;
}

export async function waitForServer(url: string, server: ChildProcess | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export interface AppServer {
  base: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts the production build on loopback with the given warehouse environment and waits for it. */
export async function startAppServer(port: number, env: Record<string, string>): Promise<AppServer> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('no production build: run `npm run build` first');
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  };
  try {
    await waitForServer(`${base}/api/metrics/peak-hours`, server, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, pid: server.pid, stop };
}
