import type { FilterKey, MetricName } from './dashboard-state';

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
  type: 'string' | 'number';
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

export interface ApiErrorBody {
  error: { code: string; message: string; param?: string };
}
