import type { TableKind } from '@/db/schema/model-types';

/** Display order everywhere: facts first, then dimensions, then the plumbing. */
export const TABLE_KINDS: readonly TableKind[] = ['fact', 'dimension', 'aggregate', 'staging', 'audit'];

export const KIND_LABEL: Record<TableKind, string> = {
  fact: 'Fact',
  dimension: 'Dimension',
  aggregate: 'Aggregate',
  staging: 'Staging',
  audit: 'Audit',
};

export const KIND_GROUP_LABEL: Record<TableKind, string> = {
  fact: 'Fact tables',
  dimension: 'Dimension tables',
  aggregate: 'Aggregate tables (rollups)',
  staging: 'Staging tables',
  audit: 'Audit tables',
};

export interface KindGroup<T> {
  kind: TableKind;
  items: T[];
}

/** Groups items by table kind in display order, keeping each group's input order and dropping empty groups. */
export function groupByKind<T extends { kind: TableKind }>(items: readonly T[]): KindGroup<T>[] {
  return TABLE_KINDS.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter(
    (group) => group.items.length > 0,
  );
}
