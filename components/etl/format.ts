/** `2026-10-05T20:00:00.250Z` → `2026-10-05 20:00:00.250`: the warehouse's UTC wall clock. */
export function formatUtc(ts: string | null): string {
  return ts ? ts.replace('T', ' ').replace(/Z$/, '') : '—';
}

/** Seconds to the millisecond, grouped: 1,110.75. */
export function formatSeconds(seconds: number | null): string {
  return seconds === null ? '—' : seconds.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** A column value as the row holds it: durations and positions grouped, keys and counts as plain digits. */
export function formatValue(value: string | number | boolean | null, column = ''): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return column.endsWith('_seconds') ? formatSeconds(value) : String(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? formatUtc(value) : value;
}
