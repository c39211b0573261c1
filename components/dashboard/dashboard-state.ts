/**
 * The dashboards' state lives in the URL, so that a link reproduces a view and back/forward walk
 * through it. Filter and period parameters keep the API's names and spelling (api.md), so that a
 * dashboard URL's query reads like the requests it makes and the API stays the one judge of what is
 * valid: a bad value comes back as the API's 400, shown in each panel, never a crash here.
 */

import { CONTENT_FILTERS, FILTERS, type ContentFilterKey, type FilterKey, type MetricName } from '@/types/dashboard';
import { addDays, COMPARE, GRAINS, type Compare, type Grain } from '@/types/period';

import { readSelection, writeSelection, type SessionSelection } from './session-selection';

export { CONTENT_FILTERS, FILTERS, type ContentFilterKey, type FilterKey, type MetricName } from '@/types/dashboard';
export { COMPARE, GRAINS, type Compare, type Grain } from '@/types/period';

/** The filter bar's filters, then the title and season that drilling sets (not offered in the bar). */
const ALL_FILTERS = [...FILTERS, ...CONTENT_FILTERS] as const;
export type AnyFilterKey = FilterKey | ContentFilterKey;

export const FILTER_LABELS: Record<FilterKey, string> = {
  device_type: 'Device type',
  genre: 'Genre',
  content_type: 'Content type',
  subscription_plan: 'Plan',
  country: 'Country',
};

export const CONTENT_FILTER_LABELS: Record<ContentFilterKey, string> = {
  title_id: 'Title',
  season_number: 'Season',
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

/** The overview's comparison period, as the filter bar offers it and as it reads in a sentence. */
export const COMPARE_LABELS: Record<Compare, string> = {
  previous: 'Previous period',
  year: 'Same period last year',
};

export const COMPARE_PHRASES: Record<Compare, string> = {
  previous: 'previous period',
  year: 'same period last year',
};

export const WATCH_BY = ['genre', 'device_type', 'user', 'title'] as const;
export type WatchBy = (typeof WATCH_BY)[number];

/** Completion per movie or episode (the API's `item`), per season, per title (metric 8). */
export const COMPLETION_LEVELS = ['title', 'season', 'item'] as const;
export type CompletionLevel = (typeof COMPLETION_LEVELS)[number];

export interface DashboardState {
  preset: PeriodPreset;
  /** As written in the URL (custom range), checked by the API, not here. */
  from?: string;
  to?: string;
  /** Raw comma-separated values as in the URL; absent when not filtered. */
  filters: Partial<Record<AnyFilterKey, string>>;
  /** Absent = no comparison; only the overview request carries it. */
  compare?: Compare;
  watchBy: WatchBy;
  trendGrain: Grain;
  minSessions?: string;
  minRatings?: string;
  completionLevel: CompletionLevel;
  /**
   * Where the completion panel has drilled to: a title (its seasons, or a movie's item) and a season
   * (its episodes). The panel's own, unlike the title filters, which narrow every panel.
   */
  completionTitle?: string;
  completionSeason?: string;
  /** The sessions drawer, open on the sessions behind this selection. */
  sessions?: SessionSelection;
}

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

export function readState(search: URLSearchParams): DashboardState {
  const from = search.get('from') ?? undefined;
  const to = search.get('to') ?? undefined;
  const period = search.get('period');
  const preset: PeriodPreset = from !== undefined || to !== undefined ? 'custom' : isOneOf(PERIOD_PRESETS, period) ? period : 'last-month';
  const filters: DashboardState['filters'] = {};
  for (const key of ALL_FILTERS) {
    const value = search.get(key);
    if (value !== null && value !== '') filters[key] = value;
  }
  const watchBy = search.get('watch_by');
  const compare = search.get('compare');
  const trendGrain = search.get('trend_grain');
  const completionLevel = search.get('completion_level');
  return {
    preset,
    from,
    to,
    filters,
    compare: isOneOf(COMPARE, compare) ? compare : undefined,
    watchBy: isOneOf(WATCH_BY, watchBy) ? watchBy : 'genre',
    trendGrain: isOneOf(GRAINS, trendGrain) ? trendGrain : 'day',
    minSessions: search.get('min_sessions') ?? undefined,
    minRatings: search.get('min_ratings') ?? undefined,
    completionLevel: isOneOf(COMPLETION_LEVELS, completionLevel) ? completionLevel : 'item',
    completionTitle: search.get('completion_title') || undefined,
    completionSeason: search.get('completion_season') || undefined,
    sessions: readSelection(search),
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
  if (state.compare !== undefined) search.set('compare', state.compare);
  for (const key of ALL_FILTERS) {
    const value = state.filters[key];
    if (value) search.set(key, value);
  }
  if (state.watchBy !== 'genre') search.set('watch_by', state.watchBy);
  if (state.trendGrain !== 'day') search.set('trend_grain', state.trendGrain);
  if (state.minSessions !== undefined) search.set('min_sessions', state.minSessions);
  if (state.minRatings !== undefined) search.set('min_ratings', state.minRatings);
  if (state.completionLevel !== 'item') search.set('completion_level', state.completionLevel);
  if (state.completionTitle !== undefined) search.set('completion_title', state.completionTitle);
  if (state.completionSeason !== undefined) search.set('completion_season', state.completionSeason);
  writeSelection(state.sessions, search);
  return search;
}

export function filterValues(state: DashboardState, key: AnyFilterKey): string[] {
  return (state.filters[key] ?? '').split(',').filter((v) => v !== '');
}

export function withFilter(state: DashboardState, key: AnyFilterKey, values: readonly string[]): DashboardState {
  const filters = { ...state.filters };
  if (values.length > 0) filters[key] = values.join(',');
  else delete filters[key];
  return { ...state, filters };
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

/** The period and the filters, as every metric request and the sessions list send them. */
export function periodQuery(state: DashboardState, dataThrough: string | null): URLSearchParams {
  const search = new URLSearchParams();
  const { from, to } = periodRange(state, dataThrough);
  if (from !== undefined) search.set('from', from);
  if (to !== undefined) search.set('to', to);
  for (const key of ALL_FILTERS) {
    const value = state.filters[key];
    if (value) search.set(key, value);
  }
  return search;
}

/** The API query of one panel: the period, the filters and the metric's own parameters. */
export function metricQuery(
  metric: MetricName,
  state: DashboardState,
  dataThrough: string | null,
  extra: Record<string, string | number | undefined> = {},
): URLSearchParams {
  const search = periodQuery(state, dataThrough);
  if (metric === 'completion') {
    if (state.completionLevel !== 'item') search.set('level', state.completionLevel);
    // The drill narrows within the title filters: the rows drilled from were already inside them.
    if (state.completionTitle !== undefined) search.set('title_id', state.completionTitle);
    if (state.completionSeason !== undefined) search.set('season_number', state.completionSeason);
  }
  if (metric === 'completion' && state.minSessions !== undefined) search.set('min_sessions', state.minSessions);
  if (metric === 'rating-popularity' && state.minRatings !== undefined) search.set('min_ratings', state.minRatings);
  // The trend refuses `compare` (its comparison series is a second request over the comparison dates).
  if (metric === 'overview' && state.compare !== undefined) search.set('compare', state.compare);
  if (metric === 'trend' && state.trendGrain !== 'day') search.set('grain', state.trendGrain);
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
