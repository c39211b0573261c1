import { readFileSync } from 'node:fs';

/**
 * Preloaded into a child process (`--import`): prints its peak resident memory when it exits. Read from
 * VmHWM, which starts afresh at exec: Linux carries a parent's high-water mark into a forked child's
 * getrusage() maxrss, so a child of a large test worker would report the worker's memory, not its own.
 */
process.on('exit', () => {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  process.stderr.write(`\npeak-rss-kb ${kb ?? 'unknown'}\n`);
});
