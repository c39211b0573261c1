import 'server-only';

import { getWarehouse } from '@/db';
import type { SqlRunner } from '@/db/warehouse';

import { completionQuery } from './completion';
import { overviewQuery } from './overview';
import { topTitlesQuery } from './top-titles';
import { trendQuery } from './trend';
import type { Column, MetricQuery } from './filters';
import { parseMetricParams, type MetricName, type MetricParams, type RawParams } from './params';
import { peakHoursQuery } from './peak-hours';
import { resolvePeriod, type Period } from './period';
import { ratingPopularityQuery } from './rating-popularity';
import { sessionDurationQuery } from './session-duration';
import type { MetricSource, QueryOptions } from './source';
import { watchTimeQuery } from './watch-time';

export { METRIC_NAMES, ParamError, parseMetricParams } from './params';
export type { MetricName, MetricParams, RawParams } from './params';
export type { Column } from './filters';
export type { MetricSource, QueryOptions } from './source';

/** The parameters as understood, defaults filled in (api.md `params`). */
export type EchoedParams = Record<string, string | number | string[]>;

export interface MetricResult {
  metric: MetricName;
  params: EchoedParams;
  columns: Column[];
  rows: Record<string, unknown>[];
  summary: Record<string, unknown>;
  /** The overview's comparison period and changes, when asked for. */
  comparison?: unknown;
  change?: unknown;
  /** The exact statement sent, and its bind values. */
  sql: string;
  sql_params: unknown[];
}

/**
 * Peak hours and completion read an additive rollup when one answers the request exactly
 * (server/metrics/source.ts); watch time and rating vs popularity read agg_viewer_day, session duration
 * agg_session_length (db/schema/viewer-rollups.ts). `source: 'fact'` sends every one to the fact table.
 */
const BUILDERS: Record<MetricName, (params: MetricParams, period: Period, options: QueryOptions) => MetricQuery> = {
  'watch-time': watchTimeQuery,
  'peak-hours': peakHoursQuery,
  completion: completionQuery,
  'session-duration': sessionDurationQuery,
  'rating-popularity': ratingPopularityQuery,
  overview: overviewQuery,
  trend: trendQuery,
  'top-titles': topTitlesQuery,
};

/** The statement a metric would send for already-parsed params and a resolved period. */
export function buildMetricQuery(name: MetricName, params: MetricParams, period: Period, options: QueryOptions = {}): MetricQuery {
  return BUILDERS[name](params, period, options);
}

export function echoParams(params: MetricParams, period: Period): EchoedParams {
  const echo: EchoedParams = { from: period.from, to: period.to };
  if (params.by !== undefined) echo.by = params.by;
  if (params.limit !== undefined) echo.limit = params.limit;
  if (params.level !== undefined) echo.level = params.level;
  if (params.min_sessions !== undefined) echo.min_sessions = params.min_sessions;
  if (params.min_ratings !== undefined) echo.min_ratings = params.min_ratings;
  if (params.compare !== undefined) echo.compare = params.compare;
  if (params.grain !== undefined) echo.grain = params.grain;
  for (const [name, values] of Object.entries(params.filters)) if (values) echo[name] = values;
  return echo;
}

export interface RunOptions {
  /** Clock for the default period of an empty warehouse (tests). */
  now?: Date;
  /** `fact` forces the fact table where a rollup would answer (equivalence tests, benchmark baseline). */
  source?: MetricSource;
}

/** A request understood and its statement built, before anything is sent to the warehouse but the period lookup. */
export interface PreparedMetric {
  metric: MetricName;
  params: MetricParams;
  echo: EchoedParams;
  query: MetricQuery;
  /** Where the period was resolved and the statement is to run. */
  warehouse: SqlRunner;
}

/**
 * Parses the request parameters (throwing ParamError before the warehouse is touched), resolves the
 * period and builds the metric's single statement.
 */
export async function prepareMetric(
  name: MetricName,
  rawParams: RawParams,
  warehouse?: SqlRunner,
  options: RunOptions = {},
): Promise<PreparedMetric> {
  const params = parseMetricParams(name, rawParams);
  warehouse ??= await getWarehouse();
  const period = await resolvePeriod(params, warehouse, options.now);
  return { metric: name, params, echo: echoParams(params, period), query: buildMetricQuery(name, params, period, { source: options.source }), warehouse };
}

/** Runs a metric and shapes the answer of api.md. */
export async function runMetric(
  name: MetricName,
  rawParams: RawParams,
  warehouse?: SqlRunner,
  options: RunOptions = {},
): Promise<MetricResult> {
  const prepared = await prepareMetric(name, rawParams, warehouse, options);
  const { echo, query } = prepared;
  const raw = await prepared.warehouse.query(query.sql, query.values);
  const { rows, summary, extra } = query.read(raw);
  return { metric: name, params: echo, columns: query.columns, rows, summary, ...extra, sql: query.sql, sql_params: query.values };
}
