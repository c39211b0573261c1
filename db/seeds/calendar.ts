const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_MS = 86_400_000;

export interface DateRow {
  date_key: number;
  full_date: string | null;
  year_number: number;
  quarter_number: number;
  month_number: number;
  month_name: string;
  year_month: string;
  day_of_month: number;
  day_of_year: number;
  day_of_week: number;
  day_name: string;
  iso_week: number;
  is_weekend: boolean;
  day_type: string;
}

export const CALENDAR_FIRST_DAY = '2015-01-01';
export const CALENDAR_LAST_DAY = '2035-12-31';

export function dateKey(isoDate: string): number {
  return Number(isoDate.replaceAll('-', ''));
}

/** ISO 8601 week: the week (Monday-based) containing the year's first Thursday is week 1. */
function isoWeek(utcMidnight: number, isoDayOfWeek: number): number {
  const thursday = new Date(utcMidnight + (4 - isoDayOfWeek) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
}

export function dateRow(isoDate: string): DateRow {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d);
  const dow = ((new Date(t).getUTCDay() + 6) % 7) + 1;
  const weekend = dow >= 6;
  return {
    date_key: dateKey(isoDate),
    full_date: isoDate,
    year_number: y,
    quarter_number: Math.floor((m - 1) / 3) + 1,
    month_number: m,
    month_name: MONTHS[m - 1] ?? '',
    year_month: isoDate.slice(0, 7),
    day_of_month: d,
    day_of_year: Math.round((t - Date.UTC(y, 0, 1)) / DAY_MS) + 1,
    day_of_week: dow,
    day_name: DAYS[dow - 1] ?? '',
    iso_week: isoWeek(t, dow),
    is_weekend: weekend,
    day_type: weekend ? 'weekend' : 'weekday',
  };
}

export const unknownDate: DateRow = {
  date_key: -1,
  full_date: null,
  year_number: -1,
  quarter_number: -1,
  month_number: -1,
  month_name: 'Unknown',
  year_month: 'Unknown',
  day_of_month: -1,
  day_of_year: -1,
  day_of_week: -1,
  day_name: 'Unknown',
  iso_week: -1,
  is_weekend: false,
  day_type: 'Unknown',
};

export function calendarRows(first = CALENDAR_FIRST_DAY, last = CALENDAR_LAST_DAY): DateRow[] {
  const rows = [unknownDate];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += DAY_MS) {
    rows.push(dateRow(new Date(t).toISOString().slice(0, 10)));
  }
  return rows;
}

export interface TimeOfDayRow {
  time_of_day_key: number;
  hour_of_day: number;
  minute_of_hour: number;
  time_label: string;
  hour_label: string;
  day_part: string;
  is_prime_time: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dayPart(hour: number): string {
  if (hour < 6) return 'night';
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

export function timeOfDayRows(): TimeOfDayRow[] {
  const rows: TimeOfDayRow[] = [
    { time_of_day_key: -1, hour_of_day: -1, minute_of_hour: -1, time_label: 'Unknown', hour_label: 'Unknown', day_part: 'Unknown', is_prime_time: false },
  ];
  for (let minute = 0; minute < 1440; minute++) {
    const hour = Math.floor(minute / 60);
    rows.push({
      time_of_day_key: minute,
      hour_of_day: hour,
      minute_of_hour: minute % 60,
      time_label: `${pad(hour)}:${pad(minute % 60)}`,
      hour_label: `${pad(hour)}:00`,
      day_part: dayPart(hour),
      is_prime_time: hour >= 19 && hour <= 22,
    });
  }
  return rows;
}
