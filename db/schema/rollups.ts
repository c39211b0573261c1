import { integer, numeric, pgTable, primaryKey, smallint, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';

import { describeTable, type WarehouseTable } from './describe';
import { dimContent, dimDate } from './dimensions';
import type { ColumnDoc } from './model-types';

/**
 * The dashboards' aggregate tables (rollups), declared once as data: name, grain and measures. Each one's
 * drizzle table and documentation are built from its declaration below, the ELT keeps them exact
 * (sql/transforms/075_rollups.sql), and the query layer reads one whenever it answers a request exactly
 * (server/metrics/source.ts). Only additive measures are rolled up: a sum of sums is the sum, where a
 * distinct count (viewers) or a percentile (session duration) cannot be recombined from partial rows.
 */

/** The columns a rollup may be grouped by: the fact's date, the local hour, and dimension attributes. */
export const GRAIN_COLUMNS = [
  'start_date_key',
  'hour_of_day',
  'content_key',
  'genre',
  'content_type',
  'device_type',
  'subscription_plan',
  'country',
] as const;
export type GrainColumn = (typeof GRAIN_COLUMNS)[number];

export const ROLLUP_MEASURES = ['sessions', 'watch_seconds', 'completed_sessions'] as const;
export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

export interface RollupDeclaration {
  name: string;
  /** Grouping columns, start_date_key first (it leads the sort key: every request restricts the period). */
  grain: readonly GrainColumn[];
  measures: readonly RollupMeasure[];
  /** The requests it is for, in a sentence (the table's description). */
  serves: string;
  /** The migration that creates it, when a later one than ROLLUPS_MIGRATION. */
  createdBy?: number;
}

/** The migration that creates the rollup tables (db/migrations/0005-rollups.ts). */
export const ROLLUPS_MIGRATION = 5;
/** The migration that adds agg_completion_audience (db/migrations/0007-completion-audience.ts). */
export const COMPLETION_AUDIENCE_MIGRATION = 7;

/**
 * The rollups, smallest first among those with the same measures: the query layer takes the first one
 * that covers a request. Rows measured on PostgreSQL after loading a generated dataset of 20,000 users
 * over 31 days (`data:generate --users 20000 --days 30`, 327,690 sessions): see the comment on each. The
 * _full ones come close to the fact's row count (most of their groups hold one session) but are narrow
 * and need no join; the coarser ones are 7–20 % of it.
 */
export const rollupDeclarations = [
  {
    // 21,287 rows (6.5 % of the fact's 327,690).
    name: 'agg_completion_content',
    grain: ['start_date_key', 'content_key'],
    measures: ['sessions', 'completed_sessions'],
    serves: 'Completion rate per content item, unfiltered or filtered by genre or content type (attributes of content_key, read through dim_content).',
  },
  {
    // 21,953 rows (6.7 %).
    name: 'agg_peak_hour_audience',
    grain: ['start_date_key', 'hour_of_day', 'subscription_plan', 'country'],
    measures: ['sessions', 'watch_seconds'],
    serves: 'Peak viewing hours, unfiltered or filtered by subscription plan and country.',
  },
  {
    // 60,672 rows (19 %).
    name: 'agg_peak_hour_content_device',
    grain: ['start_date_key', 'hour_of_day', 'genre', 'content_type', 'device_type'],
    measures: ['sessions', 'watch_seconds'],
    serves: 'Peak viewing hours filtered by genre, content type or device type.',
  },
  {
    // 65,059 rows (20 %).
    name: 'agg_completion_content_device',
    grain: ['start_date_key', 'content_key', 'device_type'],
    measures: ['sessions', 'completed_sessions'],
    serves: 'Completion rate per content item filtered by device type (and by genre or content type).',
  },
  {
    // 491,000 rows at the scale tier (15 % of its 3,267,039 sessions; agg_completion_full has 1,108,303).
    name: 'agg_completion_audience',
    grain: ['start_date_key', 'content_key', 'subscription_plan', 'country'],
    measures: ['sessions', 'completed_sessions'],
    serves: 'Completion rate per content item filtered by subscription plan or country (and by genre or content type).',
    createdBy: COMPLETION_AUDIENCE_MIGRATION,
  },
  {
    // 238,446 rows (73 %).
    name: 'agg_peak_hour_full',
    grain: ['start_date_key', 'hour_of_day', 'genre', 'content_type', 'device_type', 'subscription_plan', 'country'],
    measures: ['sessions', 'watch_seconds'],
    serves: 'Peak viewing hours under any combination of the five filters.',
  },
  {
    // 228,279 rows (70 %).
    name: 'agg_completion_full',
    grain: ['start_date_key', 'content_key', 'device_type', 'subscription_plan', 'country'],
    measures: ['sessions', 'completed_sessions'],
    serves: 'Completion rate per content item under any combination of the five filters.',
  },
] as const satisfies readonly RollupDeclaration[];

export type RollupName = (typeof rollupDeclarations)[number]['name'];

/** Where each grain column comes from, and its type: the same as the dimension attribute it copies. */
const grainColumns = {
  start_date_key: {
    build: () => integer().notNull().references(() => dimDate.date_key),
    doc: { description: 'Local date (the user\'s time zone) of the sessions summed, as fact_viewing_session.start_date_key.', encode: 'RAW', encodeWhy: 'Leading sort key column.' },
  },
  hour_of_day: {
    build: () => smallint().notNull(),
    doc: { description: 'Local start hour 0–23 of the sessions summed (dim_time_of_day.hour_of_day).', encode: 'AZ64' },
  },
  content_key: {
    build: () => integer().notNull().references(() => dimContent.content_key),
    doc: { description: 'The movie or episode played; its genre, type and titles are read through dim_content, so they are always current.', encode: 'AZ64' },
  },
  genre: {
    build: () => varchar({ length: 64 }).notNull(),
    doc: { description: 'dim_content.genre of the item played, or `Unknown`.', encode: 'BYTEDICT', encodeWhy: 'A dozen genres: a one-byte dictionary.' },
  },
  content_type: {
    build: () => varchar({ length: 8 }).notNull(),
    doc: { description: 'dim_content.content_type: `movie`, `episode` or `Unknown`.', encode: 'BYTEDICT' },
  },
  device_type: {
    build: () => varchar({ length: 8 }).notNull(),
    doc: { description: 'dim_device.device_type of the session\'s device profile, or `Unknown`.', encode: 'BYTEDICT' },
  },
  subscription_plan: {
    build: () => varchar({ length: 8 }).notNull(),
    doc: { description: 'dim_user.subscription_plan of the viewer, or `Unknown`.', encode: 'BYTEDICT' },
  },
  country: {
    build: () => varchar({ length: 8 }).notNull(),
    doc: { description: 'dim_user.country of the viewer, or `Unknown`.', encode: 'BYTEDICT', encodeWhy: 'At most a few hundred codes.' },
  },
} satisfies Record<GrainColumn, { build: () => unknown; doc: ColumnDoc }>;

const measureColumns = {
  sessions: {
    build: () => integer().notNull(),
    doc: { description: 'Viewing sessions in the group: COUNT(*) of fact_viewing_session.', encode: 'AZ64' },
  },
  watch_seconds: {
    // Sums of DECIMAL(12,3) stay exact in DECIMAL(18,3): a group would need a million sessions of 31 years each to overflow.
    build: () => numeric({ precision: 18, scale: 3, mode: 'number' }).notNull(),
    doc: { description: 'Σ fact_viewing_session.watch_seconds of the group, to the millisecond (exact: summing it again gives the fact\'s sum).', encode: 'AZ64' },
  },
  completed_sessions: {
    build: () => integer().notNull(),
    doc: { description: 'Sessions of the group with is_completed.', encode: 'AZ64' },
  },
} satisfies Record<RollupMeasure, { build: () => unknown; doc: ColumnDoc }>;

function rollupTable(decl: RollupDeclaration): WarehouseTable<ReturnType<typeof pgTable>> {
  const columns = Object.fromEntries([
    ...decl.grain.map((c) => [c, grainColumns[c].build()]),
    ...decl.measures.map((m) => [m, measureColumns[m].build()]),
  ]) as Record<string, ReturnType<typeof integer>>;
  const table = pgTable(decl.name, columns, (t) => [
    primaryKey({ name: `pk_${decl.name}`, columns: decl.grain.map((c) => t[c]) as unknown as [AnyPgColumn] }),
  ]);
  const sortColumns = decl.grain.slice(0, 2);
  return describeTable(table, {
    kind: 'aggregate',
    createdBy: decl.createdBy ?? ROLLUPS_MIGRATION,
    aggregateOf: 'fact_viewing_session',
    description: `Rollup of fact_viewing_session for the dashboards: ${decl.measures.join(', ')} per ${decl.grain.join(' × ')}. ${decl.serves} Kept exact by the ELT: every load sums again, from the fact, each local date whose sessions it changed.`,
    grain: `One row per (${decl.grain.join(', ')}) with at least one session.`,
    distribution: {
      style: 'EVEN',
      why: 'Queries join it only to DISTSTYLE ALL dimensions (dim_date, dim_content), so no distribution key saves a redistribution; EVEN spreads the scan over every slice, where ALL would copy each load\'s rewrite of its dates to every node.',
    },
    sortKey: {
      columns: sortColumns,
      why: `Every request restricts the period, so start_date_key leads for zone-map pruning; ${sortColumns[1]} follows, the metric's grouping.`,
    },
    columns: Object.fromEntries([
      ...decl.grain.map((c) => [c, grainColumns[c].doc]),
      ...decl.measures.map((m) => [m, measureColumns[m].doc]),
    ]) as Record<string, ColumnDoc>,
  });
}

export const rollupTables: readonly WarehouseTable<ReturnType<typeof pgTable>>[] = rollupDeclarations.map(rollupTable);

export function getRollup(name: string): RollupDeclaration {
  const rollup = rollupDeclarations.find((r) => r.name === name);
  if (!rollup) throw new Error(`no rollup ${name}`);
  return rollup;
}
