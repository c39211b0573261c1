import { readSqlStatements } from '../sql-files';
import type { Migration } from './types';

/** f_date_key and f_time_of_day_key, from sql/functions/local_time.sql: the same text on every engine. */
export const localTimeFunctions: Migration = {
  version: 4,
  name: 'local time functions',
  plan: () => readSqlStatements('functions/local_time.sql').map((text) => ({ text })),
};
