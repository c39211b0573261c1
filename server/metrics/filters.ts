import 'server-only';

import type { Filters, FilterName } from './params';

/** Accumulates bind values and hands out their placeholders $1, $2… in order. */
export class Binds {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(', ');
  }

  /**
   * Binds whose add() hands out again, in order, the placeholders of the values already bound from
   * position `first` (1-based) on: the same filters written a second time in one statement bind nothing new.
   */
  replay(first: number): Binds {
    const bound = this.values;
    let next = first - 1;
    const replayed = new Binds();
    replayed.add = (value: unknown) => {
      if (next >= bound.length || !Object.is(bound[next], value)) throw new Error(`replayed bind $${next + 1} does not hold ${String(value)}`);
      next++;
      return `$${next}`;
    };
    return replayed;
  }
}

/** Table aliases the metric statements use for the dimensions (fixed in code). */
export const ALIAS = { user: 'u', content: 'c', device: 'd' } as const;

/** Each filter's column: identifiers come from this allow-list only, never from a request. */
const FILTER_COLUMNS: Record<FilterName, string> = {
  device_type: `${ALIAS.device}.device_type`,
  genre: `${ALIAS.content}.genre`,
  content_type: `${ALIAS.content}.content_type`,
  subscription_plan: `${ALIAS.user}.subscription_plan`,
  country: `${ALIAS.user}.country`,
  title_id: `${ALIAS.content}.title_id`,
  season_number: `${ALIAS.content}.season_number`,
};
const FILTER_ORDER = Object.keys(FILTER_COLUMNS) as FilterName[];

/**
 * `column IN ($n, …)` for every filter given, ANDed by the caller. `columns` names where each filter is
 * read when the statement reads a rollup instead of the dimensions (identifiers from code only).
 */
export function filterConditions(filters: Filters, binds: Binds, columns: Record<FilterName, string> = FILTER_COLUMNS): string[] {
  const conditions: string[] = [];
  for (const name of FILTER_ORDER) {
    const values = filters[name];
    // season_number is a SMALLINT column: its values are bound as numbers (parseMetricParams proved them integers).
    if (values && values.length > 0) conditions.push(`${columns[name]} IN (${binds.list(name === 'season_number' ? values.map(Number) : values)})`);
  }
  return conditions;
}

/** The alias of the rollup a statement reads. */
export const ROLLUP_ALIAS = 'a';

/**
 * Each filter's column when reading a rollup: its own column, or the item's attribute in dim_content
 * (alias c) when the rollup keeps content_key instead. Only the filters given are ever read, and the
 * rollup was chosen to give each of them.
 */
export function rollupFilterColumns(grain: readonly string[]): Record<FilterName, string> {
  const column = (name: FilterName) => (grain.includes(name) ? `${ROLLUP_ALIAS}.${name}` : `${ALIAS.content}.${name}`);
  return Object.fromEntries(FILTER_ORDER.map((name) => [name, column(name)])) as Record<FilterName, string>;
}

/**
 * The filter conditions on a rollup (alias a) whose grain holds `grain`'s columns. A filter the rollup
 * does not keep (genre, type) selects the items in dim_content, a thousand rows, instead of joining it to
 * every rollup row: the statements group by content_key first and join dim_content to the groups, which
 * on PostgreSQL halved the time of a month's request. One pass in the filters' fixed order, so the bind
 * values are in the same order as on the fact path.
 */
export function rollupConditions(filters: Filters, binds: Binds, grain: readonly string[]): string[] {
  const c = ALIAS.content;
  const conditions = filterConditions(filters, binds, rollupFilterColumns(grain));
  const items = conditions.filter((condition) => condition.startsWith(`${c}.`));
  const own = conditions.filter((condition) => !items.includes(condition));
  if (items.length === 0) return own;
  return [...own, `${ROLLUP_ALIAS}.content_key IN (SELECT ${c}.content_key FROM dim_content AS ${c} WHERE ${items.join(' AND ')})`];
}

/** The WHERE clause body: the given conditions joined by AND, one per line. */
export function whereClause(conditions: readonly string[], indent = '  '): string {
  return conditions.join(`\n${indent}AND `);
}

export type Dimension = keyof typeof ALIAS;

/** The dimension each filter reads. */
const FILTER_DIMENSION: Record<FilterName, Dimension> = {
  device_type: 'device',
  genre: 'content',
  content_type: 'content',
  subscription_plan: 'user',
  country: 'user',
  title_id: 'content',
  season_number: 'content',
};

const DIMENSION_JOINS: Record<Dimension, (fact: string) => string> = {
  user: (fact) => `JOIN dim_user AS ${ALIAS.user} ON ${ALIAS.user}.user_key = ${fact}.user_key`,
  content: (fact) => `JOIN dim_content AS ${ALIAS.content} ON ${ALIAS.content}.content_key = ${fact}.content_key`,
  device: (fact) => `JOIN dim_device AS ${ALIAS.device} ON ${ALIAS.device}.device_key = ${fact}.device_key`,
};

/**
 * Joins from a fact to the user, content and device dimensions that the given filters or the statement
 * itself (`reads`) need, and no others. Every fact row references exactly one member of each dimension
 * (the ELT gives an unknown key the member −1, and the integration tests check that no fact row is
 * orphaned), so an inner join to a dimension nothing reads keeps every row and only costs time: on PGlite
 * the three joins took more time than the scan and the aggregate together.
 */
export function dimensionJoins(fact: string, filters: Filters, reads: readonly Dimension[] = []): string {
  const needed = new Set<Dimension>(reads);
  for (const name of FILTER_ORDER) if ((filters[name]?.length ?? 0) > 0) needed.add(FILTER_DIMENSION[name]);
  return (['user', 'content', 'device'] as const)
    .filter((d) => needed.has(d))
    .map((d) => DIMENSION_JOINS[d](fact))
    .join('\n');
}

export type ColumnType = 'string' | 'number' | 'boolean';
export interface Column {
  name: string;
  type: ColumnType;
}

/** What a metric's rows become: the answer's rows and summary, and what else its JSON carries. */
export interface MetricAnswerParts {
  rows: Record<string, unknown>[];
  summary: Record<string, unknown>;
  /** Further members of the JSON answer (the overview's comparison and change). */
  extra?: Record<string, unknown>;
  /** The CSV's rows when they are not `rows` (the overview, whose figures are a summary). */
  csvRows?: Record<string, unknown>[];
}

/** What a metric module hands to runMetric: one statement, its binds, and how to read its rows. */
export interface MetricQuery {
  sql: string;
  /** The table the statement sums sessions from, where a metric can choose: a rollup or fact_viewing_session. */
  source?: string;
  values: unknown[];
  columns: Column[];
  read(rows: Record<string, unknown>[]): MetricAnswerParts;
  /**
   * Present when each output row depends on its own database row only (no summary across rows): the CSV
   * export can then stream the rows through a cursor instead of holding the answer.
   */
  readRow?(row: Record<string, unknown>): Record<string, unknown>;
}

/** A metric whose answer is its rows, each read on its own, with no summary. */
export function rowWiseQuery(sql: string, values: unknown[], columns: Column[]): MetricQuery {
  const readRow = (row: Record<string, unknown>) => readColumn(columns, row);
  return { sql, values, columns, read: (rows) => ({ rows: rows.map(readRow), summary: {} }), readRow };
}

/** Drivers hand BIGINT/NUMERIC over as numbers through the type parsers; strings are converted defensively. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function toText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** pg and DuckDB hand booleans over as booleans; 't'/'true' are read defensively. */
export function toBoolean(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  return value === true || value === 't' || value === 'true' || value === 1;
}

const READERS: Record<ColumnType, (value: unknown) => unknown> = { string: toText, number: toNumber, boolean: toBoolean };

/** Reads each row's columns: numbers as JS numbers, strings as strings, null kept. */
export function readColumns(columns: readonly Column[], rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((row) => readColumn(columns, row));
}

function readColumn(columns: readonly Column[], row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c.name, READERS[c.type](row[c.name])]));
}
