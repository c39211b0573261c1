import { describe, expect, it } from 'vitest';

import { hourSeries, peakHour, type PeakRow } from './peak-hours';

const row = (day_type: PeakRow['day_type'], hour: number, sessions: number, days: number): PeakRow => ({
  day_type,
  hour,
  sessions,
  watch_seconds: sessions * 600,
  days,
  sessions_per_day: days ? sessions / days : null,
  watch_seconds_per_day: days ? (sessions * 600) / days : null,
});

describe('peak hours', () => {
  it('lays each day type out by hour and picks the earliest highest hour', () => {
    const rows = [row('weekday', 21, 44, 22), row('weekday', 20, 44, 22), row('weekend', 14, 10, 9), row('weekday', 3, 1, 22)];
    const weekday = hourSeries(rows, 'weekday', 'sessions_per_day');
    expect(weekday[21]).toBe(2);
    expect(weekday[0]).toBe(0);
    expect(peakHour(weekday)).toEqual({ hour: 20, value: 2 });
    expect(peakHour(hourSeries(rows, 'weekend', 'watch_seconds_per_day'))).toEqual({ hour: 14, value: 6000 / 9 });
  });

  it('has no peak when nothing was watched or the period has no such day', () => {
    expect(peakHour(hourSeries([row('weekend', 5, 0, 0)], 'weekend', 'sessions_per_day'))).toBeNull();
    expect(peakHour(new Array(24).fill(0))).toBeNull();
  });
});
