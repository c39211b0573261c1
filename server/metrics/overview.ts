import 'server-only';

import { OVERVIEW_FIGURES, type OverviewFigures } from '@/types/dashboard';
import { comparisonPeriod, type DateRange } from '@/types/period';

import { audienceSelect } from './audience';
import { Binds, dimensionJoins, filterConditions, toNumber, whereClause, type Column, type MetricQuery } from './filters';
import type { Filters, MetricParams } from './params';
import { dateKey, type Period } from './period';
import type { QueryOptions } from './source';

const COLUMNS: Column[] = [
  { name: 'period', type: 'string' },
  { name: 'from', type: 'string' },
  { name: 'to', type: 'string' },
  ...OVERVIEW_FIGURES.map((name): Column => ({ name, type: 'number' })),
];

const indent = (text: string, by: string) => text.replaceAll('\n', `\n${by}`);

/** The ratings in the period under the filters, as metric 5 restricts them (rater, rating's device, content). */
function ratingsSelect(from: string, to: string, filters: Filters, binds: Binds): string {
  const joins = dimensionJoins('r', filters);
  return `SELECT COUNT(*) AS ratings, SUM(r.rating) AS rating_sum
FROM fact_content_rating AS r${joins ? `\n${joins}` : ''}
WHERE ${whereClause([`r.rating_date_key BETWEEN ${from} AND ${to}`, ...filterConditions(filters, binds)])}`;
}

/** One period's row: its label, the sessions' totals and viewers, and its ratings. */
function periodSelect(label: string, from: string, to: string, params: MetricParams, binds: () => Binds, options: QueryOptions): { sql: string; source: string } {
  const sessions = audienceSelect({ bucketing: { kind: 'period' }, from, to, filters: params.filters, binds: binds(), source: options.source });
  const sql = `SELECT
  '${label}' AS period,
  s.watch_seconds,
  s.sessions,
  s.completed_sessions,
  s.viewers,
  r.ratings,
  r.rating_sum
FROM (
  ${indent(sessions.sql, '  ')}
) AS s
CROSS JOIN (
  ${indent(ratingsSelect(from, to, params.filters, binds()), '  ')}
) AS r`;
  return { sql, source: sessions.source };
}

const ratio = (numerator: number | null, denominator: number | null) =>
  numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;

function figures(row: Record<string, unknown> | undefined): OverviewFigures {
  const watch = toNumber(row?.watch_seconds) ?? 0;
  const sessions = toNumber(row?.sessions) ?? 0;
  const viewers = toNumber(row?.viewers) ?? 0;
  const ratings = toNumber(row?.ratings) ?? 0;
  return {
    watch_seconds: watch,
    sessions,
    viewers,
    watch_seconds_per_viewer: ratio(watch, viewers),
    completion_rate: ratio(toNumber(row?.completed_sessions) ?? 0, sessions),
    ratings,
    avg_rating: ratio(toNumber(row?.rating_sum), ratings),
  };
}

/** (current − comparison) / comparison per figure; null when the comparison figure is 0 or null. */
export function changes(current: OverviewFigures, comparison: OverviewFigures): OverviewFigures {
  return Object.fromEntries(
    OVERVIEW_FIGURES.map((name) => {
      const now = current[name];
      const then = comparison[name];
      return [name, now === null || then === null || then === 0 ? null : (now - then) / then];
    }),
  ) as OverviewFigures;
}

/**
 * Metric 6: the period's seven headline figures and, with `compare`, those of the comparison period and
 * the change of each. One statement: a row per period (UNION ALL, since a year-earlier period longer than
 * a year overlaps the current one), each with its sessions' totals (audience.ts) and its ratings.
 */
export function overviewQuery(params: MetricParams, period: Period, options: QueryOptions = {}): MetricQuery {
  const binds = new Binds();
  const from = binds.add(period.fromKey);
  const to = binds.add(period.toKey);
  // Every section restricts by the same filters: the first binds their values, the others reuse them.
  const filtersAt = binds.values.length + 1;
  let first = true;
  const filterBinds = () => {
    if (!first) return binds.replay(filtersAt);
    first = false;
    return binds;
  };
  const current = periodSelect('current', from, to, params, filterBinds, options);
  const compared: DateRange | undefined = params.compare ? comparisonPeriod(period, params.compare) : undefined;
  let sql = current.sql;
  if (compared) {
    const cFrom = binds.add(dateKey(compared.from));
    const cTo = binds.add(dateKey(compared.to));
    sql = `${sql}\nUNION ALL\n${periodSelect('comparison', cFrom, cTo, params, filterBinds, options).sql}`;
  }
  return {
    sql,
    values: binds.values,
    columns: COLUMNS,
    source: current.source,
    read(raw) {
      const summary = figures(raw.find((r) => r.period === 'current'));
      const csvRows: Record<string, unknown>[] = [{ period: 'current', from: period.from, to: period.to, ...summary }];
      if (!compared) return { rows: [], summary, csvRows };
      const comparison = figures(raw.find((r) => r.period === 'comparison'));
      const change = changes(summary, comparison);
      csvRows.push({ period: 'comparison', ...compared, ...comparison }, { period: 'change', from: null, to: null, ...change });
      return { rows: [], summary, extra: { comparison: { ...compared, summary: comparison }, change }, csvRows };
    },
  };
}
