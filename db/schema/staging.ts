import { bigint, doublePrecision, integer, pgTable, smallint, timestamp, varchar } from 'drizzle-orm/pg-core';

import { describeTable } from './describe';

const ts = () => timestamp({ precision: 3, mode: 'string' });

export const stgPlayerEvent = pgTable('stg_player_event', {
  event_id: varchar({ length: 128 }).primaryKey(),
  event_type: varchar({ length: 5 }).notNull(),
  event_ts: ts().notNull(),
  event_epoch_ms: bigint({ mode: 'number' }).notNull(),
  user_id: varchar({ length: 64 }).notNull(),
  session_id: varchar({ length: 128 }),
  content_id: varchar({ length: 64 }).notNull(),
  device_id: varchar({ length: 64 }).notNull(),
  device_type: varchar({ length: 8 }).notNull(),
  os: varchar({ length: 64 }).notNull(),
  app_version: varchar({ length: 64 }).notNull(),
  position_seconds: doublePrecision(),
  rating: smallint(),
  load_id: integer().notNull(),
  source_file: varchar({ length: 1024 }).notNull(),
  source_line: bigint({ mode: 'number' }).notNull(),
});

export const stgPlayerEventModel = describeTable(stgPlayerEvent, {
  kind: 'staging',
  description: 'Every valid player event ever received, once each (deduplicated by event_id). The facts are rebuilt from it: a late event re-sessionizes its session from all of that session\'s events, old and new. On Redshift the Kinesis streaming-ingestion view feeds it.',
  grain: 'One row per distinct event_id.',
  distribution: {
    style: 'KEY',
    key: 'user_id',
    why: 'Sessionization partitions by session_id; a session belongs to one user, so distributing on user_id keeps a session\'s events on one slice while rate events (which may lack a session_id) spread evenly instead of piling up on the slice of NULL.',
  },
  sortKey: {
    columns: ['session_id', 'event_ts'],
    why: 'Rebuilding the sessions a load touched reads them by session_id, in event order: zone maps find them and the window functions get their input already sorted.',
  },
  columns: {
    event_id: { description: 'Unique id of the event; the stream is at-least-once, so it is the deduplication key.', encode: 'ZSTD' },
    event_type: { description: 'play, pause, seek, stop or rate.', encode: 'BYTEDICT' },
    event_ts: { description: 'When it happened on the device, normalized to UTC, millisecond precision.', encode: 'AZ64' },
    event_epoch_ms: { description: 'event_ts as milliseconds since 1970-01-01 UTC: durations are integer arithmetic, exact on every engine.', encode: 'AZ64' },
    user_id: { description: 'User natural key as sent.', encode: 'ZSTD' },
    session_id: { description: 'Playback session; null only for rate events sent outside a session.', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
    content_id: { description: 'Content natural key as sent.', encode: 'ZSTD' },
    device_id: { description: 'Device identifier.', encode: 'ZSTD' },
    device_type: { description: 'tv, mobile, web, tablet or console.', encode: 'BYTEDICT' },
    os: { description: 'Operating system.', encode: 'BYTEDICT' },
    app_version: { description: 'Player app version.', encode: 'BYTEDICT' },
    position_seconds: { description: 'Playhead after the action; null for rate events.', encode: 'ZSTD' },
    rating: { description: 'Stars 1–5 for rate events, else null.', encode: 'AZ64' },
    load_id: { description: 'Load that first received the event.', encode: 'AZ64' },
    source_file: { description: 'File the event was read from.', encode: 'ZSTD' },
    source_line: { description: 'Line number in that file.', encode: 'AZ64' },
  },
});

export const etlLoad = pgTable('etl_load', {
  load_id: integer().primaryKey().generatedByDefaultAsIdentity(),
  source: varchar({ length: 1024 }).notNull(),
  status: varchar({ length: 16 }).notNull(),
  started_at: ts().notNull(),
  finished_at: ts(),
  lines_read: bigint({ mode: 'number' }).notNull(),
  events_kept: bigint({ mode: 'number' }).notNull(),
  duplicates: bigint({ mode: 'number' }).notNull(),
  rejected: bigint({ mode: 'number' }).notNull(),
  dimension_records: bigint({ mode: 'number' }).notNull(),
  sessions_rebuilt: bigint({ mode: 'number' }).notNull(),
});

export const etlLoadModel = describeTable(etlLoad, {
  kind: 'audit',
  description: 'One row per run of the loader, with its account: lines read = events kept + duplicates + rejected.',
  grain: 'One row per load.',
  distribution: { style: 'ALL', why: 'A handful of rows per day.' },
  columns: {
    load_id: { description: 'Surrogate key of the load.', encode: 'AZ64' },
    source: { description: 'Directory or stream the load read.', encode: 'ZSTD' },
    status: { description: '`running`, `succeeded` or `failed`.', encode: 'BYTEDICT' },
    started_at: { description: 'UTC start.', encode: 'AZ64' },
    finished_at: { description: 'UTC end; null while running.', encode: 'AZ64' },
    lines_read: { description: 'Event lines read.', encode: 'AZ64' },
    events_kept: { description: 'New events staged.', encode: 'AZ64' },
    duplicates: { description: 'Event lines whose event_id was already staged (this load or earlier).', encode: 'AZ64' },
    rejected: { description: 'Event lines rejected, each in etl_reject.', encode: 'AZ64' },
    dimension_records: { description: 'User and content records applied.', encode: 'AZ64' },
    sessions_rebuilt: { description: 'Sessions rebuilt because the load touched them.', encode: 'AZ64' },
  },
});

export const etlReject = pgTable('etl_reject', {
  reject_id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  load_id: integer().notNull().references(() => etlLoad.load_id),
  source_file: varchar({ length: 1024 }).notNull(),
  line_number: bigint({ mode: 'number' }).notNull(),
  record_kind: varchar({ length: 8 }).notNull(),
  reason: varchar({ length: 1024 }).notNull(),
  raw_line: varchar({ length: 65535 }).notNull(),
});

export const etlRejectModel = describeTable(etlReject, {
  kind: 'audit',
  description: 'Every input line the loader refused, with the raw text and the reason, so that nothing is silently dropped.',
  grain: 'One row per rejected line.',
  distribution: { style: 'EVEN', why: 'Rarely read, never joined: spread evenly.' },
  sortKey: { columns: ['load_id'], why: 'Rejects are reviewed per load.' },
  columns: {
    reject_id: { description: 'Surrogate key.', encode: 'AZ64' },
    load_id: { description: 'The load that read the line.', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
    source_file: { description: 'File name.', encode: 'ZSTD' },
    line_number: { description: '1-based line number in the file.', encode: 'AZ64' },
    record_kind: { description: '`event`, `user` or `content`.', encode: 'BYTEDICT' },
    reason: { description: 'Why the line was refused.', encode: 'ZSTD' },
    raw_line: { description: 'The line as read (cut at 65,535 bytes, Redshift\'s VARCHAR limit).', encode: 'ZSTD' },
  },
});

export const schemaMigration = pgTable('schema_migration', {
  version: integer().primaryKey(),
  name: varchar({ length: 128 }).notNull(),
  checksum: varchar({ length: 64 }).notNull(),
  applied_at: ts().notNull(),
});

export const schemaMigrationModel = describeTable(schemaMigration, {
  kind: 'audit',
  description: 'Migrations applied to this warehouse; `npm run db:migrate` skips the ones listed here.',
  grain: 'One row per applied migration.',
  distribution: { style: 'ALL', why: 'A few rows.' },
  columns: {
    version: { description: 'Migration number.', encode: 'AZ64' },
    name: { description: 'Migration name.', encode: 'ZSTD' },
    checksum: { description: 'SHA-256 of the statements applied, to notice a migration edited after it ran.', encode: 'ZSTD' },
    applied_at: { description: 'UTC time it was applied.', encode: 'AZ64' },
  },
});
