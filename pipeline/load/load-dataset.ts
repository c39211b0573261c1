import { basename, resolve } from 'node:path';

import type { SqlRunner, Warehouse } from '@/db/warehouse';

import { parseLine, type RecordKind } from '../contract/parse-line';
import type { ContentRecord, EventRecord, UserRecord } from '../contract/records';
import { BatchSink } from './batch-sink';
import { EVENT_COLUMNS, eventRow, fastEventRow } from './fast-event-row';
import { listDatasetFiles, type DatasetFile } from './dataset-files';
import { MAX_LINE_BYTES, readJsonLineBatches } from './read-lines';
import { dropStagingIndexesForBulkInsert } from './staging-indexes';
import { analyzeForPostgres, runTransforms } from './transforms';

export interface FileAccount {
  file: string;
  kind: RecordKind;
  lines_read: number;
  /** Events newly staged, or dimension records applied. */
  kept: number;
  duplicates: number;
  rejected: number;
}

/** The contract's account of the event stream: lines_read = events_kept + duplicates + rejected. */
export interface EventAccount {
  lines_read: number;
  events_kept: number;
  duplicates: number;
  rejected: number;
}

export interface LoadReport {
  loadId: number;
  source: string;
  files: FileAccount[];
  ignoredFiles: string[];
  events: EventAccount;
  users: { lines_read: number; applied: number; rejected: number };
  content: { lines_read: number; applied: number; rejected: number };
  sessionsRebuilt: number;
  /** Wall-clock milliseconds spent reading and bulk-loading the files, and transforming in the warehouse. */
  timings: { readMs: number; transformMs: number };
}

export interface LoadProgress {
  phase: 'reading' | 'transforming' | 'done';
  file?: string;
  linesRead: number;
}

export interface LoadOptions {
  /** The load's timestamp (dimension updated_at, etl_load); defaults to the current time. */
  now?: Date;
  onProgress?: (progress: LoadProgress) => void;
  batchSize?: number;
}

const REJECT_LIMIT = 65_535;

/** Redshift's VARCHAR(65535) counts bytes; PostgreSQL text refuses NUL. */
function rawForReject(line: string): string {
  let raw = line.replaceAll('\u0000', '\uFFFD');
  while (Buffer.byteLength(raw) > REJECT_LIMIT) raw = raw.slice(0, raw.length - Math.ceil((Buffer.byteLength(raw) - REJECT_LIMIT) / 3));
  return raw;
}

function sqlTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

const USER_COLUMNS = ['user_id', 'signup_date', 'country', 'time_zone', 'age_band', 'subscription_plan'];
const CONTENT_COLUMNS = [
  'content_id', 'content_type', 'title', 'genre', 'release_year', 'runtime_seconds', 'maturity_rating',
  'series_id', 'series_title', 'season_number', 'episode_number',
];
const REJECT_COLUMNS = ['load_id', 'source_file', 'line_number', 'record_kind', 'reason', 'raw_line'];

function userRow(u: UserRecord): unknown[] {
  return [u.user_id, u.signup_date, u.country, u.time_zone, u.age_band, u.subscription_plan];
}

function contentRow(c: ContentRecord): unknown[] {
  const episode = c.content_type === 'episode' ? c : undefined;
  return [
    c.content_id, c.content_type, c.title, c.genre, c.release_year, c.runtime_seconds, c.maturity_rating,
    episode?.series_id ?? null, episode?.series_title ?? null, episode?.season_number ?? null, episode?.episode_number ?? null,
  ];
}

interface Sinks {
  user: BatchSink;
  content: BatchSink;
  event: BatchSink;
  reject: BatchSink;
}

async function readFile(file: DatasetFile, loadId: number, sinks: Sinks, options: LoadOptions): Promise<FileAccount> {
  const account: FileAccount = { file: file.name, kind: file.kind, lines_read: 0, kept: 0, duplicates: 0, rejected: 0 };
  // The contract makes ids unique within a dimension file; a repeat is refused, not silently merged.
  const firstLineOf = new Map<string, number>();
  for await (const lines of readJsonLineBatches(file.path)) {
    for (const { lineNumber, text, bytes } of lines) {
      account.lines_read++;
      const fast = file.kind === 'event' && bytes === undefined ? fastEventRow(text, file.name, lineNumber) : undefined;
      if (fast) {
        const full = sinks.event.add(fast);
        if (full) await full;
        if (account.lines_read % 20_000 === 0) options.onProgress?.({ phase: 'reading', file: file.name, linesRead: account.lines_read });
        continue;
      }
      const parsed: ReturnType<typeof parseLine> =
        bytes === undefined ? parseLine(file.kind, text) : { ok: false, reason: `line is ${bytes} bytes, longer than the ${MAX_LINE_BYTES}-byte limit` };
      let reason = parsed.ok ? undefined : parsed.reason;
      if (parsed.ok && file.kind !== 'event') {
        const id = file.kind === 'user' ? (parsed.value as UserRecord).user_id : (parsed.value as ContentRecord).content_id;
        const first = firstLineOf.get(id);
        if (first === undefined) firstLineOf.set(id, lineNumber);
        else reason = `${file.kind === 'user' ? 'user_id' : 'content_id'}: duplicate of line ${first}`;
      }
      // A sink hands back a promise only when a batch is due: awaiting every row would cost a turn of the
      // event loop per line.
      let full: Promise<void> | undefined;
      if (reason !== undefined || !parsed.ok) {
        account.rejected++;
        const raw = rawForReject(text);
        full = sinks.reject.add([loadId, file.name, lineNumber, file.kind, reason, raw], raw.length + (reason?.length ?? 0));
      } else if (file.kind === 'event') {
        full = sinks.event.add(eventRow(parsed.value as EventRecord, file.name, lineNumber));
      } else if (file.kind === 'user') {
        account.kept++;
        full = sinks.user.add(userRow(parsed.value as UserRecord));
      } else {
        account.kept++;
        full = sinks.content.add(contentRow(parsed.value as ContentRecord));
      }
      if (full) await full;
      if (account.lines_read % 20_000 === 0) options.onProgress?.({ phase: 'reading', file: file.name, linesRead: account.lines_read });
    }
  }
  options.onProgress?.({ phase: 'reading', file: file.name, linesRead: account.lines_read });
  return account;
}

async function beginLoad(tx: SqlRunner, source: string, loadedAt: string): Promise<number> {
  if (tx.engine === 'postgres') {
    // A killed loader leaves its backend running the current statement, holding the load lock, until it
    // next writes to the socket. PostgreSQL 14+ can notice the vanished client itself and roll back sooner.
    const [version] = await tx.query<{ v: string }>("SELECT current_setting('server_version_num') AS v", [], { translated: true });
    if (Number(version?.v) >= 140_000) await tx.query('SET LOCAL client_connection_check_interval TO 1000', [], { translated: true });
  }
  // One load at a time: the next load id is taken under the lock, and sessions are rebuilt without a race.
  await tx.query('LOCK TABLE etl_load');
  const [row] = await tx.query<{ next_id: number }>('SELECT COALESCE(MAX(load_id), 0) + 1 AS next_id FROM etl_load');
  const loadId = row?.next_id ?? 1;
  await tx.query(
    `INSERT INTO etl_load (load_id, source, status, started_at, finished_at, lines_read, events_kept, duplicates, rejected, dimension_records, sessions_rebuilt)
     VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), NULL, 0, 0, 0, 0, 0, 0)`,
    [loadId, source.slice(0, 1024), 'running', loadedAt],
  );
  return loadId;
}

/**
 * Loads a dataset directory in one transaction: dimension records, then events staged with
 * deduplication, then the ELT of sql/transforms. A load that fails or is killed leaves the warehouse as it
 * was; rerunning it finishes the job.
 */
export async function loadDataset(warehouse: Warehouse, dir: string, options: LoadOptions = {}): Promise<LoadReport> {
  const { files, ignored } = await listDatasetFiles(dir);
  const source = resolve(dir);
  const loadedAt = sqlTimestamp(options.now ?? new Date());

  return warehouse.transaction(async (tx) => {
    // A load is a batch job: the dashboards' statement timeout must not cut it (reverts at commit).
    await tx.query('SET LOCAL statement_timeout TO 0');
    if (tx.engine === 'postgres') {
      // Sessionization sorts every touched event; with the default 4 MB those sorts spill to disk.
      await tx.query("SET LOCAL work_mem TO '256MB'", [], { translated: true });
    }
    const started = Date.now();
    const loadId = await beginLoad(tx, source, loadedAt);
    const params = { load_id: loadId, loaded_at: loadedAt };
    await runTransforms(tx, params, (f) => f.startsWith('010_'));

    const batch = options.batchSize;
    const sinks: Sinks = {
      user: new BatchSink(tx, 'tmp_user', USER_COLUMNS, batch),
      content: new BatchSink(tx, 'tmp_content', CONTENT_COLUMNS, batch),
      event: new BatchSink(tx, 'tmp_event', EVENT_COLUMNS, batch),
      reject: new BatchSink(tx, 'etl_reject', REJECT_COLUMNS, batch),
    };
    const accounts: FileAccount[] = [];
    for (const file of files) {
      accounts.push(await readFile(file, loadId, sinks, options));
      // Flush per file so a dimension file is in place before the events that name its members.
      for (const sink of Object.values(sinks)) await sink.flush();
    }

    const readMs = Date.now() - started;
    options.onProgress?.({ phase: 'transforming', linesRead: accounts.reduce((n, a) => n + a.lines_read, 0) });
    await analyzeForPostgres(tx, ['tmp_event', 'tmp_user', 'tmp_content']);
    await runTransforms(tx, params, (f) => f >= '020_' && f < '045_');
    const rebuildStagingIndexes = await dropStagingIndexesForBulkInsert(tx);
    await runTransforms(tx, params, (f) => f.startsWith('045_'));
    await rebuildStagingIndexes?.();
    await runTransforms(tx, params, (f) => f >= '050_' && f < '090_');

    const keptByFile = await tx.query<{ source_file: string; kept: number }>(
      'SELECT source_file, COUNT(*) AS kept FROM tmp_new_event GROUP BY source_file',
    );
    const [touched] = await tx.query<{ n: number }>('SELECT COUNT(*) AS n FROM tmp_touched_session');
    const kept = new Map(keptByFile.map((r) => [r.source_file, r.kept]));
    for (const account of accounts) {
      if (account.kind !== 'event') continue;
      account.kept = kept.get(account.file) ?? 0;
      account.duplicates = account.lines_read - account.rejected - account.kept;
    }
    await runTransforms(tx, params, (f) => f.startsWith('090_'));

    const report = summarize(loadId, source, accounts, ignored, touched?.n ?? 0, { readMs, transformMs: Date.now() - started - readMs });
    await tx.query(
      `UPDATE etl_load SET status = $2, finished_at = CAST($3 AS TIMESTAMP), lines_read = $4, events_kept = $5,
         duplicates = $6, rejected = $7, dimension_records = $8, sessions_rebuilt = $9
       WHERE load_id = $1`,
      [
        loadId, 'succeeded', sqlTimestamp(new Date()), report.events.lines_read, report.events.events_kept,
        report.events.duplicates, report.events.rejected, report.users.applied + report.content.applied, report.sessionsRebuilt,
      ],
    );
    options.onProgress?.({ phase: 'done', linesRead: report.events.lines_read });
    return report;
  });
}

function summarize(
  loadId: number,
  source: string,
  files: FileAccount[],
  ignoredFiles: string[],
  sessionsRebuilt: number,
  timings: LoadReport['timings'],
): LoadReport {
  const sum = (kind: RecordKind, pick: (a: FileAccount) => number) =>
    files.filter((f) => f.kind === kind).reduce((n, f) => n + pick(f), 0);
  const dimension = (kind: RecordKind) => ({
    lines_read: sum(kind, (f) => f.lines_read),
    applied: sum(kind, (f) => f.kept),
    rejected: sum(kind, (f) => f.rejected),
  });
  return {
    loadId,
    source,
    files: files.map((f) => ({ ...f, file: basename(f.file) })),
    ignoredFiles,
    events: {
      lines_read: sum('event', (f) => f.lines_read),
      events_kept: sum('event', (f) => f.kept),
      duplicates: sum('event', (f) => f.duplicates),
      rejected: sum('event', (f) => f.rejected),
    },
    users: dimension('user'),
    content: dimension('content'),
    sessionsRebuilt,
    timings,
  };
}
