/** Rows of the peak-hours answer (metrics.md §2) and what the panel says about them. */
export interface PeakRow {
  day_type: 'weekday' | 'weekend';
  hour: number;
  sessions: number;
  watch_seconds: number;
  days: number;
  sessions_per_day: number | null;
  watch_seconds_per_day: number | null;
}

export type PeakMeasure = 'sessions_per_day' | 'watch_seconds_per_day';

/** The 24 values of one day type for a measure, by hour; missing or null as 0. */
export function hourSeries(rows: readonly PeakRow[], dayType: PeakRow['day_type'], measure: PeakMeasure): number[] {
  const values = new Array<number>(24).fill(0);
  for (const row of rows) if (row.day_type === dayType && row.hour >= 0 && row.hour < 24) values[row.hour] = row[measure] ?? 0;
  return values;
}

/** The hour with the highest value (the earliest on a tie), or null when every hour is 0. */
export function peakHour(values: readonly number[]): { hour: number; value: number } | null {
  let best: { hour: number; value: number } | null = null;
  values.forEach((value, hour) => {
    if (value > 0 && (best === null || value > best.value)) best = { hour, value };
  });
  return best;
}
