import 'server-only';

import type { SqlRunner } from '@/db/warehouse';

import type { MetricParams } from './params';

export interface Period {
  from: string;
  to: string;
  /** from and to as dim_date keys YYYYMMDD. */
  fromKey: number;
  toKey: number;
}

export const NEWEST_SESSION_SQL = 'SELECT MAX(start_date_key) AS max_key FROM fact_viewing_session WHERE start_date_key >= 0';

export function dateKey(date: string): number {
  return Number(date.replaceAll('-', ''));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar month before the month of (year, month1), 1st to last day. */
export function monthBefore(year: number, month1: number): { from: string; to: string } {
  const y = month1 === 1 ? year - 1 : year;
  const m = month1 === 1 ? 12 : month1 - 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay)}` };
}

export function toPeriod(from: string, to: string): Period {
  return { from, to, fromKey: dateKey(from), toKey: dateKey(to) };
}

/**
 * The period of a request: from/to when given, else the last full calendar month before the newest
 * session in the warehouse (the month before the month of the largest known start_date_key, a local
 * date). With no dated session at all, the month before the current UTC month of `now`.
 * This look-up is a statement of its own; it is not the metric's `sql`.
 */
export async function resolvePeriod(params: MetricParams, warehouse: SqlRunner, now: Date = new Date()): Promise<Period> {
  if (params.from !== undefined && params.to !== undefined) return toPeriod(params.from, params.to);
  const [row] = await warehouse.query<{ max_key: number | null }>(NEWEST_SESSION_SQL);
  const maxKey = row?.max_key == null ? null : Number(row.max_key);
  const { from, to } =
    maxKey !== null && Number.isFinite(maxKey)
      ? monthBefore(Math.floor(maxKey / 10_000), Math.floor(maxKey / 100) % 100)
      : monthBefore(now.getUTCFullYear(), now.getUTCMonth() + 1);
  return toPeriod(from, to);
}
