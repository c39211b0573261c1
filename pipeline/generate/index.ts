/**
 * `generateDataset`: writes a realistic, deterministic StreamFlix dataset (the input contract
 * of ../shared/spec/dataset.md) — `users.jsonl`, `content.jsonl` and the event stream as one
 * `events-YYYY-MM-DD.jsonl` per delivery day. Days are generated one after another and lines
 * leave through a delivery-ordered queue and a backpressured writer, so memory does not grow
 * with the number of days.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { buildCatalog, contentLine } from './catalog';
import { DeliveryQueue } from './delivery';
import { IdSequence } from './ids';
import { Rng } from './random';
import { planDay } from './schedule';
import { DEFAULT_MESS, EventStream, type MessRates } from './stream';
import { DAY_MS, formatDay, parseDay } from './time';
import { buildUsers, userLine } from './users';
import { Viewer } from './viewing';
import { DayFileWriter, writeLines, type DayFileDone } from './write';

export type { DayFileDone } from './write';
export type { MessRates } from './stream';

export interface GenerateOptions {
  /** Directory to write into (created if missing; earlier dataset files in it are replaced). */
  outDir: string;
  /** Number of subscribers (default 3000). */
  users?: number;
  /** Days of viewing, ending with `end`, as local dates of each user (default 60). */
  days?: number;
  /** Last day of the period, `YYYY-MM-DD` (default: today, UTC). */
  end?: string;
  /** Any non-negative safe integer (default 42). The same options give byte-identical files. */
  seed?: number;
  /** Override the share of duplicated and malformed lines (tests use this to see them). */
  mess?: Partial<MessRates>;
  /** Called as each day's events file is completed. */
  onDayWritten?: (done: DayFileDone) => void;
}

export interface GenerateSummary {
  outDir: string;
  seed: number;
  /** The period: every session starts on one of these local dates (the user's time zone). */
  firstDay: string;
  lastDay: string;
  /** File names written, in order: users, content, then events by delivery day. */
  files: string[];
  users: number;
  devices: number;
  contentItems: number;
  movies: number;
  series: number;
  episodes: number;
  /** Distinct session ids. */
  sessions: number;
  /** Sessions that never sent a `stop`. */
  openSessions: number;
  /** Distinct valid events (player events and ratings). */
  events: number;
  ratings: number;
  /** All lines of the events files: events + duplicates + malformed. */
  eventLines: number;
  duplicates: number;
  malformed: number;
  /** Most event lines held in memory at once while reordering into delivery order. */
  peakPendingLines: number;
}

export const DEFAULTS = { users: 3000, days: 60, seed: 42 } as const;
export const MAX_USERS = 10_000_000;
export const MAX_DAYS = 3660;
/** Home-screen visits per active user per day; binge continuations bring sessions to ≈0.55. */
const VISITS_PER_DAY = 0.5;

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** How problems name an option and show its value (the CLI says `--days` and echoes the text). */
export interface OptionLabels {
  name: (field: string) => string;
  shown: (field: string, value: unknown) => string;
}

const LIBRARY_LABELS: OptionLabels = { name: (field) => field, shown: (_field, value) => JSON.stringify(value) };

/** Problems with the options, one sentence each; the library and the CLI share these rules. */
export function optionProblems(
  options: Pick<GenerateOptions, 'users' | 'days' | 'end' | 'seed'>,
  labels: OptionLabels = LIBRARY_LABELS,
): string[] {
  const problems: string[] = [];
  const check = (field: keyof typeof options, ok: (value: never) => boolean, rule: string) => {
    const value = options[field];
    if (value !== undefined && !ok(value as never)) {
      problems.push(`${labels.name(field)} must be ${rule} (got ${labels.shown(field, value)})`);
    }
  };
  check('users', (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_USERS, `an integer from 1 to ${MAX_USERS}`);
  check('days', (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_DAYS, `an integer from 1 to ${MAX_DAYS}`);
  check('end', (text: string) => parseDay(text) !== null, 'a calendar date YYYY-MM-DD');
  check('seed', (n: number) => Number.isSafeInteger(n) && n >= 0, 'a non-negative integer');
  return problems;
}

/** Removes the dataset files a previous run left, so a smaller run leaves no stale days. */
async function prepareDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    if (name === 'users.jsonl' || name === 'content.jsonl' || /^events.*\.jsonl$/.test(name)) {
      await rm(join(dir, name));
    }
  }
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  const problems = optionProblems(options);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const userCount = options.users ?? DEFAULTS.users;
  const seed = options.seed ?? DEFAULTS.seed;
  const lastDay = parseDay(options.end ?? todayUtc()) as number;
  const firstDay = lastDay - (options.days ?? DEFAULTS.days) + 1;
  const mess: MessRates = { ...DEFAULT_MESS, ...options.mess };
  const { outDir } = options;
  await prepareDirectory(outDir);

  // One labelled stream per concern: the catalog does not change when users are added, etc.
  const catalog = buildCatalog(new Rng(seed, 'catalog'), new Date(lastDay * DAY_MS).getUTCFullYear());
  const users = buildUsers(new Rng(seed, 'users'), { count: userCount, firstDay, lastDay, activity: VISITS_PER_DAY });
  await writeLines(join(outDir, 'users.jsonl'), (function* () {
    for (const user of users) yield userLine(user);
  })());
  await writeLines(join(outDir, 'content.jsonl'), catalog.items.map(contentLine));

  // Local dates first..last start on UTC day first - 1 east of UTC and end on last + 1 west of it.
  const period = { firstDay, lastDay };
  const writer = new DayFileWriter(outDir, firstDay - 1, (done) => options.onDayWritten?.(done));
  const queue = new DeliveryQueue((firstDay - 1) * DAY_MS, writer);
  const idRng = new Rng(seed, 'ids');
  const stream = new EventStream(new Rng(seed, 'delivery'), new IdSequence(idRng, ''), queue, mess);
  const viewer = new Viewer(new Rng(seed, 'viewing'), catalog, stream, new IdSequence(idRng, 'ps_'));
  const scheduleRng = new Rng(seed, 'schedule');
  for (let day = firstDay - 1; day <= lastDay + 1; day++) {
    for (const start of planDay(scheduleRng, users, day, period)) {
      // Nothing still to be played can be delivered before this start: write what is final.
      await queue.flushBefore(start.startMs);
      viewer.visit(start.user, start.startMs);
    }
  }
  await queue.flushAll();
  await writer.close(lastDay + 1);

  const { events, ratings, duplicates, malformed } = stream.counts;
  if (writer.lines !== events + duplicates + malformed) {
    throw new Error(`internal error: wrote ${writer.lines} event lines, expected ${events + duplicates + malformed}`);
  }
  return {
    outDir, seed, firstDay: formatDay(firstDay), lastDay: formatDay(lastDay),
    files: ['users.jsonl', 'content.jsonl', ...writer.files],
    users: users.length, devices: users.reduce((n, u) => n + u.devices.length, 0),
    contentItems: catalog.items.length, movies: catalog.items.filter((i) => i.kind === 'movie').length,
    series: catalog.series.length, episodes: catalog.items.filter((i) => i.kind === 'episode').length,
    sessions: viewer.counts.sessions, openSessions: viewer.counts.openSessions,
    events, ratings, eventLines: writer.lines, duplicates, malformed,
    peakPendingLines: queue.peakPending,
  };
}
