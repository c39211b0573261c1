import { describe, expect, it } from 'vitest';

import { calendarRows, dateRow, timeOfDayRows } from './calendar';

describe('calendar seed', () => {
  it('covers 2015-01-01..2035-12-31 plus the unknown member', () => {
    const rows = calendarRows();
    // 21 years, of which 2016, 2020, 2024, 2028 and 2032 are leap years.
    expect(rows).toHaveLength(21 * 365 + 5 + 1);
    expect(rows[0]?.date_key).toBe(-1);
    expect(rows[1]?.full_date).toBe('2015-01-01');
    expect(rows.at(-1)?.full_date).toBe('2035-12-31');
  });

  it.each([
    // date, ISO day of week, ISO week, day of year, quarter, day type
    ['2026-11-25', 3, 48, 329, 4, 'weekday'],
    ['2021-01-03', 7, 53, 3, 1, 'weekend'], // belongs to ISO week 53 of 2020
    ['2024-12-30', 1, 1, 365, 4, 'weekday'], // belongs to ISO week 1 of 2025
    ['2024-02-29', 4, 9, 60, 1, 'weekday'],
    ['2026-10-03', 6, 40, 276, 4, 'weekend'],
  ] as const)('%s: day %i, week %i, day of year %i, Q%i, %s', (date, dow, week, doy, quarter, dayType) => {
    const row = dateRow(date);
    expect(row).toMatchObject({ day_of_week: dow, iso_week: week, day_of_year: doy, quarter_number: quarter, day_type: dayType });
    expect(row.is_weekend).toBe(dayType === 'weekend');
    expect(row.date_key).toBe(Number(date.replaceAll('-', '')));
  });

  it('has one row per minute with the hour and day part of that minute', () => {
    const rows = timeOfDayRows();
    expect(rows).toHaveLength(1441);
    expect(rows.find((r) => r.time_of_day_key === 19 * 60 + 2)).toMatchObject({ hour_of_day: 19, minute_of_hour: 2, time_label: '19:02', hour_label: '19:00', day_part: 'evening', is_prime_time: true });
    expect(rows.find((r) => r.time_of_day_key === 359)).toMatchObject({ hour_of_day: 5, day_part: 'night' });
    expect(rows.find((r) => r.time_of_day_key === 360)).toMatchObject({ hour_of_day: 6, day_part: 'morning' });
    expect(rows.find((r) => r.time_of_day_key === 23 * 60)).toMatchObject({ is_prime_time: false });
  });
});
