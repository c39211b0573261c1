import 'server-only';

import { getWarehouse } from '@/db';
import type { SqlRunner } from '@/db/warehouse';
import type { DashboardOptions, FilterKey } from '@/types/dashboard';

import { resolvePeriod } from './metrics/period';

/** Each filter's column and the dimension it is read from (names from code only). */
const FILTER_SOURCES: Record<FilterKey, { table: string; column: string }> = {
  device_type: { table: 'dim_device', column: 'device_type' },
  genre: { table: 'dim_content', column: 'genre' },
  content_type: { table: 'dim_content', column: 'content_type' },
  subscription_plan: { table: 'dim_user', column: 'subscription_plan' },
  country: { table: 'dim_user', column: 'country' },
};

export const FILTER_VALUES_SQL = (Object.entries(FILTER_SOURCES) as [FilterKey, { table: string; column: string }][])
  .map(([name, { table, column }]) => `SELECT '${name}' AS filter, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL GROUP BY ${column}`)
  .join('\nUNION ALL\n');

const DATA_RANGE_SQL = 'SELECT MIN(start_date_key) AS min_key, MAX(start_date_key) AS max_key FROM fact_viewing_session WHERE start_date_key >= 0';

function keyToDate(key: unknown): string | null {
  if (key === null || key === undefined) return null;
  const text = String(key);
  return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : null;
}

/** The filter bar's choices and the data's date range, read from the dimensions and the viewing fact. */
export async function getDashboardOptions(warehouse?: SqlRunner, now?: Date): Promise<DashboardOptions> {
  warehouse ??= await getWarehouse();
  const values = await warehouse.query<{ filter: FilterKey; value: string }>(FILTER_VALUES_SQL);
  const filters = Object.fromEntries(Object.keys(FILTER_SOURCES).map((name) => [name, [] as string[]])) as Record<FilterKey, string[]>;
  for (const { filter, value } of values) filters[filter]?.push(String(value));
  // Byte order, as the warehouse sorts keys (COLLATE "C" / Redshift), so lists read the same everywhere.
  for (const list of Object.values(filters)) list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const [range] = await warehouse.query<{ min_key: number | null; max_key: number | null }>(DATA_RANGE_SQL);
  const period = await resolvePeriod({ format: 'json', filters: {} }, warehouse, now);
  return {
    filters,
    dataFrom: keyToDate(range?.min_key),
    dataThrough: keyToDate(range?.max_key),
    defaultPeriod: { from: period.from, to: period.to },
  };
}
