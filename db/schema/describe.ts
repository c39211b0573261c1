import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

import type {
  ColumnDoc,
  ColumnModel,
  Distribution,
  ForeignKeyModel,
  SortKey,
  TableKind,
  TableModel,
} from './model-types';
import { toRedshiftType } from './redshift-types';

type ColumnName<T extends PgTable> = Extract<keyof T['_']['columns'], string>;

/**
 * Everything the drizzle table cannot say. `columns` must document every column of the table:
 * the compiler refuses a table whose documentation misses one.
 */
export interface TableDoc<C extends string> {
  kind: TableKind;
  description: string;
  grain: string;
  factType?: TableModel['factType'];
  distribution:
    | { style: 'KEY'; key: C; why: string }
    | Exclude<Distribution, { style: 'KEY' }>;
  sortKey?: { type?: SortKey['type']; columns: readonly C[]; why: string };
  columns: Record<C, ColumnDoc>;
  createdBy?: TableModel['createdBy'];
  aggregateOf?: TableModel['aggregateOf'];
}

export interface WarehouseTable<T extends PgTable> {
  table: T;
  model: TableModel;
}

/** Joins a drizzle table (names, types, keys) with its documentation and Redshift physical design. */
export function describeTable<T extends PgTable>(table: T, doc: TableDoc<ColumnName<T>>): WarehouseTable<T> {
  const config = getTableConfig(table);
  const sortColumns = doc.sortKey?.columns ?? [];
  const [naturalKey] = config.uniqueConstraints;
  // A composite primary key is declared on the table (primaryKey({ columns })), a single one on its column.
  const compositeKey = config.primaryKeys[0]?.columns.map((c) => c.name);
  const distKey = doc.distribution.style === 'KEY' ? doc.distribution.key : undefined;

  const foreignKeys: ForeignKeyModel[] = config.foreignKeys.map((fk) => {
    const ref = fk.reference();
    return {
      columns: ref.columns.map((c) => c.name),
      references: {
        table: getTableConfig(ref.foreignTable).name,
        columns: ref.foreignColumns.map((c) => c.name),
      },
      cardinality: 'many-to-one',
    };
  });

  const columns: ColumnModel[] = config.columns.map((column) => {
    const columnDoc = (doc.columns as Record<string, ColumnDoc | undefined>)[column.name];
    if (!columnDoc) throw new Error(`${config.name}.${column.name} has no documentation`);
    const postgresType = normalizePostgresType(column.getSQLType());
    const fk = foreignKeys.find((f) => f.columns.length === 1 && f.columns[0] === column.name);
    const sortIndex = sortColumns.indexOf(column.name as ColumnName<T>);
    return {
      name: column.name,
      postgresType,
      redshiftType: toRedshiftType(postgresType),
      nullable: !column.notNull,
      primaryKey: column.primary || (compositeKey?.includes(column.name) ?? false),
      identity: column.generatedIdentity !== undefined,
      isDistKey: column.name === distKey,
      ...(sortIndex >= 0 ? { sortKeyPosition: sortIndex + 1 } : {}),
      ...(fk ? { references: { table: fk.references.table, column: fk.references.columns[0] ?? '' } } : {}),
      ...columnDoc,
    };
  });

  return {
    table,
    model: {
      name: config.name,
      kind: doc.kind,
      description: doc.description,
      grain: doc.grain,
      ...(doc.factType ? { factType: doc.factType } : {}),
      distribution: doc.distribution,
      ...(doc.sortKey
        ? { sortKey: { type: doc.sortKey.type ?? 'COMPOUND', columns: doc.sortKey.columns, why: doc.sortKey.why } }
        : {}),
      columns,
      primaryKey: compositeKey ?? columns.filter((c) => c.primaryKey).map((c) => c.name),
      foreignKeys,
      ...(naturalKey ? { naturalKey: { constraint: naturalKey.getName() ?? `uq_${config.name}`, columns: naturalKey.columns.map((c) => c.name) } } : {}),
      ...(doc.createdBy !== undefined ? { createdBy: doc.createdBy } : {}),
      ...(doc.aggregateOf ? { aggregateOf: doc.aggregateOf } : {}),
    },
  };
}

/** drizzle spells some types with spaces (`timestamp (3)`, `numeric(12, 3)`); the DDL wants one form. */
function normalizePostgresType(sqlType: string): string {
  return sqlType.replace(/\s*\(\s*/g, '(').replace(/\s*,\s*/g, ',').replace(/\s*\)/g, ')');
}
