/**
 * The dashboards' vocabulary that the server and the browser share: the filters, the metric names, the
 * options the page reads once on the server and the metric API's JSON shapes (api.md). Plain types and
 * constants, no React and no server code, so that both `components/` and `server/` can import them.
 */

/** The API's filter parameters, in the order the filter bar shows them. */
export const FILTERS = ['device_type', 'genre', 'content_type', 'subscription_plan', 'country'] as const;
export type FilterKey = (typeof FILTERS)[number];

/** The filters that narrow the content to titles and seasons (metrics.md, Filters): set by drilling, not in the bar. */
export const CONTENT_FILTERS = ['title_id', 'season_number'] as const;
export type ContentFilterKey = (typeof CONTENT_FILTERS)[number];

/** The metrics of the API (api.md), in the order the dashboards show them. */
export const METRIC_NAMES = ['overview', 'trend', 'watch-time', 'peak-hours', 'completion', 'session-duration', 'rating-popularity', 'top-titles'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** The overview's seven headline figures (metric 6), in the order the headline row shows them. */
export const OVERVIEW_FIGURES = [
  'watch_seconds',
  'sessions',
  'viewers',
  'watch_seconds_per_viewer',
  'completion_rate',
  'ratings',
  'avg_rating',
] as const;
export type OverviewFigure = (typeof OVERVIEW_FIGURES)[number];
export type OverviewFigures = Record<OverviewFigure, number | null>;

/** What the page reads from the warehouse once, on the server, for the filter bar. */
export interface DashboardOptions {
  /** Each filter's values present in the warehouse, `Unknown` (inferred members) included. */
  filters: Record<FilterKey, string[]>;
  /** Newest and oldest local dates with a session, YYYY-MM-DD; null on an empty warehouse. */
  dataThrough: string | null;
  dataFrom: string | null;
  /** The API's default period: the last full month before the newest session. */
  defaultPeriod: { from: string; to: string };
}

export interface MetricColumn {
  name: string;
  type: 'string' | 'number' | 'boolean';
}

/** The JSON answer of /api/metrics/<metric> (api.md). */
export interface MetricAnswer<R = Record<string, unknown>> {
  metric: MetricName;
  params: Record<string, string | number | string[]>;
  columns: MetricColumn[];
  rows: R[];
  summary: Record<string, number | null>;
  sql: string;
  sql_params: unknown[];
}

/** The overview's answer: `summary` holds the seven figures; with `compare`, the comparison period's and the changes. */
export interface OverviewAnswer extends MetricAnswer {
  summary: OverviewFigures;
  comparison?: { from: string; to: string; summary: OverviewFigures };
  change?: OverviewFigures;
}

/** A row of the trend (metric 7): one bucket of the grain, empty buckets included. */
export interface TrendRow {
  bucket: string;
  days: number;
  watch_seconds: number;
  sessions: number;
  viewers: number;
  completed_sessions: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string; param?: string };
}
