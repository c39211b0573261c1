/**
 * "Show the sessions" (metrics.md, metric 10): what a clicked bar, point or cell stands for, as the
 * parameters of /api/sessions. A selection narrows the dashboard's period and filters: its values replace
 * the dashboard's for the same name (a trend bucket's dates replace the period, a genre bar's genre the
 * genre filter), everything else is kept, so the drawer lists exactly the sessions behind the figure.
 */

import { formatHour } from './format';
import { bucketParamName } from './session-duration';

/** The parameters a selection may set, in the order they are written and described. */
export const SELECTION_KEYS = [
  'from',
  'to',
  'genre',
  'device_type',
  'title_id',
  'season_number',
  'content_id',
  'user_id',
  'day_type',
  'hour',
  'length_bucket',
  'completed',
] as const;
export type SelectionKey = (typeof SELECTION_KEYS)[number];
export type SessionSelection = Partial<Record<SelectionKey, string>>;

/** In the dashboard URL each selection value is `sessions_<name>`, beside the dashboard's own `<name>`. */
export const SELECTION_PREFIX = 'sessions_';

export function readSelection(search: URLSearchParams): SessionSelection | undefined {
  const selection: SessionSelection = {};
  for (const key of SELECTION_KEYS) {
    const value = search.get(`${SELECTION_PREFIX}${key}`);
    if (value !== null && value !== '') selection[key] = value;
  }
  return Object.keys(selection).length > 0 ? selection : undefined;
}

export function writeSelection(selection: SessionSelection | undefined, search: URLSearchParams): void {
  if (!selection) return;
  for (const key of SELECTION_KEYS) {
    const value = selection[key];
    if (value !== undefined && value !== '') search.set(`${SELECTION_PREFIX}${key}`, value);
  }
}

/** One string per selection, the same however it was built: a React key and a cache key. */
export function selectionKey(selection: SessionSelection): string {
  const search = new URLSearchParams();
  for (const key of SELECTION_KEYS) {
    const value = selection[key];
    if (value !== undefined) search.set(key, value);
  }
  return search.toString();
}

/** The /api/sessions query: the dashboard's period and filters, narrowed by the selection. */
export function sessionsQuery(base: URLSearchParams, selection: SessionSelection): URLSearchParams {
  const search = new URLSearchParams(base);
  for (const key of SELECTION_KEYS) {
    const value = selection[key];
    if (value !== undefined) search.set(key, value);
  }
  return search;
}

export function sessionsUrl(query: URLSearchParams, options: { format?: 'json' | 'csv'; cursor?: string | null } = {}): string {
  const search = new URLSearchParams(query);
  // The CSV is every matching session: no cursor, no page size.
  if (options.format === 'csv') search.set('format', 'csv');
  else if (options.cursor) search.set('cursor', options.cursor);
  const text = search.toString();
  return `/api/sessions${text ? `?${text}` : ''}`;
}

/**
 * The selection in words, one phrase per part ("genre Drama", "weekday sessions started 20:00–21:00"),
 * for the drawer's summary line. Read from the parameters only, so a shared link reads the same.
 */
export function describeSelection(selection: SessionSelection): string[] {
  const parts: string[] = [];
  const { from, to, hour, day_type: dayType } = selection;
  if (from !== undefined || to !== undefined) parts.push(from === to ? `on ${from}` : `from ${from ?? '…'} to ${to ?? '…'}`);
  if (selection.genre !== undefined) parts.push(`genre ${selection.genre}`);
  if (selection.device_type !== undefined) parts.push(`device type ${selection.device_type}`);
  if (selection.title_id !== undefined) parts.push(`title ${selection.title_id}`);
  if (selection.season_number !== undefined) parts.push(`season ${selection.season_number}`);
  if (selection.content_id !== undefined) parts.push(`content ${selection.content_id}`);
  if (selection.user_id !== undefined) parts.push(`user ${selection.user_id}`);
  if (dayType !== undefined || hour !== undefined) {
    const h = hour !== undefined && /^\d{1,2}$/.test(hour) ? Number(hour) : null;
    const when = h !== null && h < 24 ? `started ${formatHour(h)}–${formatHour((h + 1) % 24)}` : hour !== undefined ? `started in hour ${hour}` : '';
    parts.push([dayType === 'weekday' ? 'on weekdays' : dayType === 'weekend' ? 'on weekends' : dayType ? `on ${dayType}` : '', when].filter(Boolean).join(', '));
  }
  if (selection.length_bucket !== undefined) parts.push(`lasting ${bucketParamName(selection.length_bucket)}`);
  if (selection.completed !== undefined) parts.push(selection.completed === 'true' ? 'completed' : selection.completed === 'false' ? 'not completed' : `completed ${selection.completed}`);
  return parts;
}

const FILTER_PHRASES: Record<string, string> = {
  device_type: 'device type',
  genre: 'genre',
  content_type: 'content type',
  subscription_plan: 'plan',
  country: 'country',
  title_id: 'title',
  season_number: 'season',
};

/** The dashboard filters the selection keeps ("plan premium", "country JP, FR"), in words. */
export function filterPhrases(base: URLSearchParams, selection: SessionSelection): string[] {
  return Object.entries(FILTER_PHRASES).flatMap(([name, words]) => {
    const value = base.get(name);
    return value && selection[name as SelectionKey] === undefined ? [`${words} ${value.split(',').join(', ')}`] : [];
  });
}
