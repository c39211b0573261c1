import 'server-only';

import { warehouseModel } from '@/db/schema';
import type { ForeignKeyModel, TableModel } from '@/db/schema/model-types';
import { buildMetricQuery, METRIC_NAMES, parseMetricParams, type MetricName } from '@/server/metrics';
import { toPeriod } from '@/server/metrics/period';

import { parseSelect, type ParsedScope, type ParsedSource } from './metric-lineage-parse';
import type { LineageJoin, LineageRole, MetricLineage } from './metric-lineage-types';

export type { LineageJoin, LineageRole, MetricLineage } from './metric-lineage-types';

/** Each metric named by the business question it answers (the glossary's wording). */
export const METRIC_QUESTIONS: Record<MetricName, string> = {
  overview: 'Headline figures against a comparison period',
  trend: 'Watch time, sessions and viewers over time',
  'top-titles': 'Top titles by views',
  'watch-time': 'Watch time by user, genre or device type',
  'peak-hours': 'Peak viewing hours, weekdays vs weekends',
  completion: 'Completion rate per movie or episode',
  'session-duration': 'Session duration',
  'rating-popularity': 'Rating vs popularity',
};

/** What one statement reads, resolved against the model. */
export interface StatementLineage {
  tables: Set<string>;
  /** `table.column` */
  columns: Set<string>;
  joins: Map<string, Omit<LineageJoin, 'role'>>;
}

type Scope = Map<string, ParsedSource>;

function joinKey(table: string, fk: Pick<ForeignKeyModel, 'columns' | 'references'>): string {
  return `${table}.${fk.columns.join(',')}->${fk.references.table}.${fk.references.columns.join(',')}`;
}

const sameColumns = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c) => b.includes(c));

/**
 * Reads a SELECT and resolves every table, `alias.column` and ON equality against the model. An unknown
 * table, alias or column, or a join between two tables that is not a declared foreign key, throws: the
 * lineage must never silently miss what a metric reads.
 */
export function statementLineage(sql: string, model: readonly TableModel[] = warehouseModel): StatementLineage {
  const tables = new Map(model.map((t) => [t.name, t]));
  const lineage: StatementLineage = { tables: new Set(), columns: new Set(), joins: new Map() };

  const requireColumn = (table: string, column: string) => {
    if (!tables.get(table)?.columns.some((c) => c.name === column)) throw new Error(`unknown column ${table}.${column}`);
    lineage.columns.add(`${table}.${column}`);
  };

  const visit = (scope: ParsedScope, outer: readonly Scope[]) => {
    const own: Scope = new Map(scope.sources.map((s) => [s.alias, s]));
    const chain = [own, ...outer];
    const lookup = (qualifier: string): ParsedSource => {
      for (const level of chain) {
        const source = level.get(qualifier);
        if (source) return source;
      }
      throw new Error(`unknown table or alias ${qualifier}`);
    };

    for (const source of scope.sources) {
      if (source.kind !== 'table' || !source.name) continue;
      if (!tables.has(source.name)) throw new Error(`unknown table ${source.name}`);
      lineage.tables.add(source.name);
    }
    for (const ref of scope.qualified) {
      const source = lookup(ref.qualifier);
      if (source.kind === 'table' && source.name) requireColumn(source.name, ref.column);
    }
    // A bare name is a column only where the scope reads one table; elsewhere it names a CTE's output.
    const [single, ...others] = scope.sources;
    if (single?.kind === 'table' && single.name && others.length === 0) {
      for (const name of scope.unqualified) {
        if (scope.outputAliases.includes(name) && !tables.get(single.name)?.columns.some((c) => c.name === name)) continue;
        requireColumn(single.name, name);
      }
    }

    const pairs = new Map<string, { a: string; b: string; aColumns: string[]; bColumns: string[] }>();
    for (const { left, right } of scope.joinEqualities) {
      const l = lookup(left.qualifier);
      const r = lookup(right.qualifier);
      if (l.kind !== 'table' || r.kind !== 'table' || !l.name || !r.name) continue;
      const [first, second] = l.alias < r.alias ? [left, right] : [right, left];
      const [firstTable, secondTable] = l.alias < r.alias ? [l.name, r.name] : [r.name, l.name];
      const key = `${first.qualifier}|${second.qualifier}`;
      const pair = pairs.get(key) ?? { a: firstTable, b: secondTable, aColumns: [], bColumns: [] };
      pair.aColumns.push(first.column);
      pair.bColumns.push(second.column);
      pairs.set(key, pair);
    }
    for (const { a, b, aColumns, bColumns } of pairs.values()) {
      const fk = findForeignKey(tables, a, aColumns, b, bColumns) ?? findForeignKey(tables, b, bColumns, a, aColumns);
      if (!fk) throw new Error(`join ${a}(${aColumns.join(', ')}) = ${b}(${bColumns.join(', ')}) is not a foreign key of the model`);
      lineage.joins.set(joinKey(fk.table, fk), fk);
    }

    for (const child of scope.children) visit(child, chain);
  };

  visit(parseSelect(sql), []);
  return lineage;
}

function findForeignKey(
  tables: ReadonlyMap<string, TableModel>,
  from: string,
  fromColumns: readonly string[],
  to: string,
  toColumns: readonly string[],
): Omit<LineageJoin, 'role'> | undefined {
  const fk = tables
    .get(from)
    ?.foreignKeys.find((k) => k.references.table === to && sameColumns(k.columns, fromColumns) && sameColumns(k.references.columns, toColumns));
  return fk ? { table: from, columns: [...fk.columns], references: { table: to, columns: [...fk.references.columns] } } : undefined;
}

const LINEAGE_PERIOD = toPeriod('2026-10-01', '2026-10-31');

/** One value per filter, so every filter's column and join appears in the statement. */
const EVERY_FILTER = { device_type: 'tv', genre: 'Drama', content_type: 'movie', subscription_plan: 'basic', country: 'US' };

/**
 * The request shapes whose statements make up a metric's lineage: the defaults with no filter (for
 * watch time, each grouping, since the question is asked by user, genre or device type).
 */
function unfilteredRequests(metric: MetricName): Record<string, string>[] {
  return metric === 'watch-time' ? [{ by: 'user' }, { by: 'genre' }, { by: 'device_type' }] : [{}];
}

/**
 * The statement over the galaxy's tables: where a rollup would answer (peak hours, completion), the fact
 * path it is kept equal to, so the trace shows the fact and dimensions the figures are defined on rather
 * than the aggregate table that caches them.
 */
function statementFor(metric: MetricName, raw: Record<string, string>): string {
  return buildMetricQuery(metric, parseMetricParams(metric, raw), LINEAGE_PERIOD, { source: 'fact' }).sql;
}

/**
 * A metric's lineage, from the exact statements `buildMetricQuery` sends: what the unfiltered statements
 * read is `used`; what only the statements with every filter set add is `filter`.
 */
export function metricLineage(metric: MetricName, model: readonly TableModel[] = warehouseModel): MetricLineage {
  const unfiltered = unfilteredRequests(metric);
  const used = unfiltered.map((raw) => statementLineage(statementFor(metric, raw), model));
  const filtered = unfiltered.map((raw) => statementLineage(statementFor(metric, { ...raw, ...EVERY_FILTER }), model));
  const role = (inUsed: boolean): LineageRole => (inUsed ? 'used' : 'filter');

  const tables = new Set([...used, ...filtered].flatMap((l) => [...l.tables]));
  const columns = new Set([...used, ...filtered].flatMap((l) => [...l.columns]));
  const joins = new Map([...used, ...filtered].flatMap((l) => [...l.joins]));
  return {
    metric,
    question: METRIC_QUESTIONS[metric],
    tables: [...tables].sort().map((table) => ({ table, role: role(used.some((l) => l.tables.has(table))) })),
    columns: [...columns].sort().map((key) => {
      const [table = '', column = ''] = key.split('.');
      return { table, column, role: role(used.some((l) => l.columns.has(key))) };
    }),
    joins: [...joins.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, join]) => ({ ...join, role: role(used.some((l) => l.joins.has(key))) })),
  };
}

/** The lineage of all five metrics, in the API's order. */
export function getMetricLineages(): MetricLineage[] {
  return METRIC_NAMES.map((metric) => metricLineage(metric));
}
