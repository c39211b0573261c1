/**
 * The dashboards' state lives in the URL, so that a link reproduces a view and back/forward walk
 * through it. Filter and period parameters keep the API's names and spelling (api.md), so that a
 * dashboard URL's query reads like the requests it makes and the API stays the one judge of what is
 * valid: a bad value comes back as the API's 400, shown in each panel, never a crash here.
 */

import { FILTERS, type FilterKey, type MetricName } from '@/types/dashboard';

export { FILTERS, type FilterKey, type MetricName } from '@/types/dashboard';

export const FILTER_LABELS: Record<FilterKey, string> = {
  device_type: 'Device type',
  genre: 'Genre',
  content_type: 'Content type',
  subscription_plan: 'Plan',
  country: 'Country',
};

/** Presets relative to the newest day with data; absent = the API's default, the last full month. */
export const PERIOD_PRESETS = ['last-month', '7d', '30d', '90d', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  'last-month': 'Last full month',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  custom: 'Custom range',
};

export const WATCH_BY = ['genre', 'device_type', 'user'] as const;
export type WatchBy = (typeof WATCH_BY)[number];

export interface DashboardState {
  preset: PeriodPreset;
  /** As written in the URL (custom range), checked by the API, not here. */
  from?: string;
  to?: string;
  /** Raw comma-separated values as in the URL; absent when not filtered. */
  filters: Partial<Record<FilterKey, string>>;
  watchBy: WatchBy;
  minSessions?: string;
  minRatings?: string;
}

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

export function readState(search: URLSearchParams): DashboardState {
  const from = search.get('from') ?? undefined;
  const to = search.get('to') ?? undefined;
  const period = search.get('period');
  const preset: PeriodPreset = from !== undefined || to !== undefined ? 'custom' : isOneOf(PERIOD_PRESETS, period) ? period : 'last-month';
  const filters: DashboardState['filters'] = {};
  for (const key of FILTERS) {
    const value = search.get(key);
    if (value !== null && value !== '') filters[key] = value;
  }
  const watchBy = search.get('watch_by');
  return {
    preset,
    from,
    to,
    filters,
    watchBy: isOneOf(WATCH_BY, watchBy) ? watchBy : 'genre',
    minSessions: search.get('min_sessions') ?? undefined,
    minRatings: search.get('min_ratings') ?? undefined,
  };
}

/** The URL query of a state, defaults left out so that links stay short and canonical. */
export function writeState(state: DashboardState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.preset === 'custom') {
    if (state.from !== undefined) search.set('from', state.from);
    if (state.to !== undefined) search.set('to', state.to);
  } else if (state.preset !== 'last-month') {
    search.set('period', state.preset);
  }
  for (const key of FILTERS) {
    const value = state.filters[key];
    if (value) search.set(key, value);
  }
  if (state.watchBy !== 'genre') search.set('watch_by', state.watchBy);
  if (state.minSessions !== undefined) search.set('min_sessions', state.minSessions);
  if (state.minRatings !== undefined) search.set('min_ratings', state.minRatings);
  return search;
}

export function filterValues(state: DashboardState, key: FilterKey): string[] {
  return (state.filters[key] ?? '').split(',').filter((v) => v !== '');
}

export function withFilter(state: DashboardState, key: FilterKey, values: readonly string[]): DashboardState {
  const filters = { ...state.filters };
  if (values.length > 0) filters[key] = values.join(',');
  else delete filters[key];
  return { ...state, filters };
}

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The from/to a preset stands for. `last-month` sends none (the API's default period); the "last N
 * days" end on the newest day with sessions, so a warehouse loaded yesterday still shows full ranges.
 */
export function periodRange(state: DashboardState, dataThrough: string | null): { from?: string; to?: string } {
  switch (state.preset) {
    case 'custom':
      return { from: state.from, to: state.to };
    case 'last-month':
      return {};
    default: {
      if (dataThrough === null) return {};
      const days = Number.parseInt(state.preset, 10);
      return { from: addDays(dataThrough, 1 - days), to: dataThrough };
    }
  }
}

/** The API query of one panel: the period, the filters and the metric's own parameters. */
export function metricQuery(
  metric: MetricName,
  state: DashboardState,
  dataThrough: string | null,
  extra: Record<string, string | number | undefined> = {},
): URLSearchParams {
  const search = new URLSearchParams();
  const { from, to } = periodRange(state, dataThrough);
  if (from !== undefined) search.set('from', from);
  if (to !== undefined) search.set('to', to);
  for (const key of FILTERS) {
    const value = state.filters[key];
    if (value) search.set(key, value);
  }
  if (metric === 'completion' && state.minSessions !== undefined) search.set('min_sessions', state.minSessions);
  if (metric === 'rating-popularity' && state.minRatings !== undefined) search.set('min_ratings', state.minRatings);
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) search.set(name, String(value));
  return search;
}

export function metricUrl(metric: MetricName, query: URLSearchParams, format: 'json' | 'csv' = 'json'): string {
  // The CSV is the same request as the panel's, so it holds exactly the rows on screen.
  const search = new URLSearchParams(query);
  if (format === 'csv') search.set('format', 'csv');
  const text = search.toString();
  return `/api/metrics/${metric}${text ? `?${text}` : ''}`;
}
