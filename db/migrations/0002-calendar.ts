import { insertStatements, rowsOf } from '../bulk-insert';
import { calendarRows, timeOfDayRows, type DateRow, type TimeOfDayRow } from '../seeds/calendar';
import type { Migration } from './types';

const dateColumns: (keyof DateRow)[] = [
  'date_key', 'full_date', 'year_number', 'quarter_number', 'month_number', 'month_name', 'year_month',
  'day_of_month', 'day_of_year', 'day_of_week', 'day_name', 'iso_week', 'is_weekend', 'day_type',
];
const timeColumns: (keyof TimeOfDayRow)[] = [
  'time_of_day_key', 'hour_of_day', 'minute_of_hour', 'time_label', 'hour_label', 'day_part', 'is_prime_time',
];

/**
 * Seeds dim_date and dim_time_of_day from rows computed here, as bind parameters: generate_series
 * runs only on Redshift's leader node and cannot feed a table.
 */
export const calendar: Migration = {
  version: 2,
  name: 'calendar and time of day',
  plan: () => [
    ...insertStatements('dim_date', dateColumns, rowsOf(calendarRows(), dateColumns)),
    ...insertStatements('dim_time_of_day', timeColumns, rowsOf(timeOfDayRows(), timeColumns)),
  ],
};
