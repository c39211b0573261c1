import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { parseCliArgs } from './cli-args';

const TODAY = '2026-10-31';

describe('parseCliArgs', () => {
  it('applies the defaults', () => {
    expect(parseCliArgs(['--out', '/tmp/x'], TODAY)).toEqual({
      kind: 'run',
      options: { outDir: '/tmp/x', users: undefined, days: undefined, end: TODAY, seed: undefined },
    });
  });

  it('reads every option', () => {
    const command = parseCliArgs(['--out', 'd', '--users', '10', '--days', '3', '--end', '2026-02-28', '--seed', '9'], TODAY);
    expect(command).toEqual({ kind: 'run', options: { outDir: 'd', users: 10, days: 3, end: '2026-02-28', seed: 9 } });
  });

  it.each([
    [['--out', 'd', '--days', '0'], '--days must be an integer from 1 to 3660 (got "0")'],
    [['--out', 'd', '--end', '2026-13-01'], '--end must be a calendar date YYYY-MM-DD (got "2026-13-01")'],
    [['--out', 'd', '--end', '2026-02-30'], '--end must be a calendar date'],
    [['--out', 'd', '--users', '1e3'], '--users must be an integer'],
    [['--out', 'd', '--seed=-1'], '--seed must be a non-negative integer (got "-1")'],
    [['--users', '5'], '--out is required'],
    [['--out', 'd', '--colour', 'red'], "Unknown option '--colour'"],
  ])('rejects %j', (argv, message) => {
    const command = parseCliArgs(argv, TODAY);
    expect(command.kind).toBe('error');
    expect(command.kind === 'error' && command.message).toContain(message);
  });

  it('asks for help', () => {
    expect(parseCliArgs(['--help'], TODAY)).toEqual({ kind: 'help' });
  });
});

describe('scripts/generate.ts', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../scripts/generate.ts'), ...args]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

  it('exits with 2 and names the flag on bad usage', async () => {
    const days = await run(['--out', '/tmp/never-written', '--days', '0']);
    expect(days.code).toBe(2);
    expect(days.stderr).toContain('--days must be');
    const end = await run(['--out', '/tmp/never-written', '--end', '2026-13-01']);
    expect(end.code).toBe(2);
    expect(end.stderr).toContain('--end must be a calendar date');
  });
});
