import type { ColumnModel, TableModel } from '@/db/schema/model-types';

/** `DISTKEY (user_key)` or `DISTSTYLE ALL`, as the DDL writes it. */
export function formatDistribution(table: TableModel): string {
  const dist = table.distribution;
  return dist.style === 'KEY' ? `DISTKEY (${dist.key})` : `DISTSTYLE ${dist.style}`;
}

/** `COMPOUND SORTKEY (a, b)`, or null when the table has none. */
export function formatSortKey(table: TableModel): string | null {
  return table.sortKey ? `${table.sortKey.type} SORTKEY (${table.sortKey.columns.join(', ')})` : null;
}

/** Short physical-design flags for a column row: DISTKEY, SORTKEY n, ENCODE. */
export function columnFlags(column: ColumnModel): string[] {
  const flags: string[] = [];
  if (column.isDistKey) flags.push('DISTKEY');
  if (column.sortKeyPosition !== undefined) flags.push(`SORTKEY ${column.sortKeyPosition}`);
  flags.push(column.encode);
  return flags;
}

/** Columns that belong to a foreign key, for the FK marker. */
export function foreignKeyColumns(table: TableModel): Set<string> {
  return new Set(table.foreignKeys.flatMap((fk) => fk.columns));
}
