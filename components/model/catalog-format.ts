import type { ColumnModel, Distribution, SortKey, TableModel } from '@/db/schema/model-types';
import { TABLE_KINDS } from '@/components/ui/table-kind';

/** Facts, then dimensions, then aggregates, staging and audit; catalog order within a kind. */
export function orderTables(tables: readonly TableModel[]): TableModel[] {
  return TABLE_KINDS.flatMap((kind) => tables.filter((table) => table.kind === kind));
}

export const FACT_TYPE_LABEL: Record<NonNullable<TableModel['factType']>['type'], string> = {
  transactional: 'Transactional',
  'accumulating snapshot': 'Accumulating snapshot',
};

/** `DISTSTYLE KEY (user_sk)`, `DISTSTYLE ALL`, … as the DDL spells it. */
export function describeDistribution(distribution: Distribution): string {
  return distribution.style === 'KEY' ? `DISTSTYLE KEY (${distribution.key})` : `DISTSTYLE ${distribution.style}`;
}

/** `COMPOUND SORTKEY (date_sk, user_sk)` as the DDL spells it. */
export function describeSortKey(sortKey: SortKey): string {
  return `${sortKey.type} SORTKEY (${sortKey.columns.join(', ')})`;
}

/** The Redshift key roles a column plays, e.g. `['DISTKEY', 'SORTKEY 1']`. */
export function physicalRoles(column: ColumnModel): string[] {
  const roles: string[] = [];
  if (column.isDistKey) roles.push('DISTKEY');
  if (column.sortKeyPosition !== undefined) roles.push(`SORTKEY ${column.sortKeyPosition}`);
  return roles;
}
