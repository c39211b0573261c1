/**
 * Argument parsing for `scripts/generate.ts`, kept apart from the I/O so it can be tested.
 * Numbers must be plain digits: `1e3`, `0x10` or `12abc` are refused rather than guessed at.
 */
import { parseArgs } from 'node:util';

import { DEFAULTS, optionProblems, type GenerateOptions } from './index';

export const USAGE = `Usage: npx tsx scripts/generate.ts --out DIR [--users N] [--days D] [--end YYYY-MM-DD] [--seed S]

Writes a deterministic StreamFlix dataset (../shared/spec/dataset.md) into DIR:
users.jsonl, content.jsonl and the event stream as events-YYYY-MM-DD.jsonl, one file per
delivery day (UTC). Sessions start on the period's dates in each user's time zone, so the
files run from the day before the period to a day or two after it (late deliveries).
Files of an earlier dataset in DIR are replaced.

  --out DIR          directory to write (created if missing)             required
  --users N          number of subscribers                               default ${DEFAULTS.users}
  --days D           days of viewing (local dates), ending with --end    default ${DEFAULTS.days}
  --end YYYY-MM-DD   last day of the period                              default today (UTC)
  --seed S           non-negative integer; the same options give the     default ${DEFAULTS.seed}
                     same bytes
  --help             print this help`;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'error'; message: string }
  | { kind: 'run'; options: Omit<GenerateOptions, 'onDayWritten'> & { end: string } };

/** A digits-only argument as a number, or NaN (which the option rules then report). */
function integer(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

export function parseCliArgs(argv: readonly string[], today: string): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: 'string' },
        users: { type: 'string' },
        days: { type: 'string' },
        end: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const options = {
    users: integer(values.users),
    days: integer(values.days),
    end: values.end ?? today,
    seed: integer(values.seed),
  };
  const problems = optionProblems(options, {
    name: (field) => `--${field}`,
    // Echo the argument as typed: a parsed NaN would hide what was wrong with it.
    shown: (field) => JSON.stringify(values[field as keyof typeof values]),
  });
  if (!values.out) problems.unshift('--out is required: the directory to write the dataset into');
  if (problems.length > 0) return { kind: 'error', message: problems.join('\n') };
  return { kind: 'run', options: { outDir: values.out as string, ...options } };
}
