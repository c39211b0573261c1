import type { WarehouseStatus } from '@/server/warehouse-status';

type Engine = WarehouseStatus['engine'];

export const ENGINE_LABEL: Record<Engine, string> = {
  duckdb: 'Embedded DuckDB',
  postgres: 'PostgreSQL',
  redshift: 'Amazon Redshift',
};

export const ENGINE_DETAIL: Record<Engine, string> = {
  duckdb: 'A columnar database running inside the app server, on its own threads, with its data in one local file.',
  postgres: 'A PostgreSQL server reached through DATABASE_URL.',
  redshift: 'The production Redshift cluster.',
};

const countFormat = new Intl.NumberFormat('en-US');
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' });

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** Formats a timestamp in UTC; an unparsable value is shown as given rather than as a wrong date. */
export function formatUtcDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${dateTimeFormat.format(date)} UTC`;
}

export function formatUtcTime(date: Date): string {
  return `${timeFormat.format(date)} UTC`;
}

/** Migration versions as their files are numbered: `0004`. */
export function formatVersion(version: number): string {
  return String(version).padStart(4, '0');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

export interface StatusSummary {
  factTables: number;
  factRows: number;
  /** True when the warehouse has fact tables and every one of them is empty. */
  factsEmpty: boolean;
  latestMigration: WarehouseStatus['migrations'][number] | undefined;
}

export function summarizeStatus(status: WarehouseStatus): StatusSummary {
  const facts = status.tables.filter((table) => table.kind === 'fact');
  const factRows = facts.reduce((sum, table) => sum + table.rows, 0);
  const latestMigration = status.migrations.reduce<StatusSummary['latestMigration']>(
    (latest, migration) => (latest === undefined || migration.version > latest.version ? migration : latest),
    undefined,
  );
  return { factTables: facts.length, factRows, factsEmpty: facts.length > 0 && factRows === 0, latestMigration };
}
