/**
 * The vocabulary of the warehouse model: what every table and column says about itself.
 * The DDL generator, the model pages and the ERD all read these, so a description written
 * once appears everywhere.
 */

export type TableKind = 'fact' | 'dimension' | 'aggregate' | 'staging' | 'audit';

/** Redshift column compression encodings this project uses (see encode rules in redshift-types.ts). */
export type Encoding = 'RAW' | 'AZ64' | 'ZSTD' | 'BYTEDICT' | 'RUNLENGTH' | 'LZO' | 'DELTA' | 'TEXT255';

export type Distribution =
  | { style: 'KEY'; key: string; why: string }
  | { style: 'ALL'; why: string }
  | { style: 'EVEN'; why: string }
  | { style: 'AUTO'; why: string };

export interface SortKey {
  type: 'COMPOUND' | 'INTERLEAVED';
  columns: readonly string[];
  why: string;
}

export interface ColumnDoc {
  description: string;
  encode: Encoding;
  /** Why this encoding, where it is not the obvious default for the type. */
  encodeWhy?: string;
}

export interface ForeignKeyModel {
  columns: readonly string[];
  references: { table: string; columns: readonly string[] };
  /** Cardinality from the referenced side: one referenced row, many referencing rows. */
  cardinality: 'many-to-one';
}

export interface ColumnModel extends ColumnDoc {
  name: string;
  /** The Redshift type, e.g. `VARCHAR(64)`, `DECIMAL(12,3)`, `TIMESTAMP`. */
  redshiftType: string;
  /** The PostgreSQL type; the PostgreSQL and DuckDB translations derive theirs from it. */
  postgresType: string;
  nullable: boolean;
  primaryKey: boolean;
  identity: boolean;
  /** 1-based position in the sort key, when the column is part of it. */
  sortKeyPosition?: number;
  isDistKey: boolean;
  references?: { table: string; column: string };
}

export interface TableModel {
  name: string;
  kind: TableKind;
  description: string;
  /** What one row is. */
  grain: string;
  /** Facts only: transactional, periodic or accumulating snapshot, with the reason. */
  factType?: { type: 'transactional' | 'accumulating snapshot'; why: string };
  distribution: Distribution;
  sortKey?: SortKey;
  columns: ColumnModel[];
  primaryKey: string[];
  foreignKeys: ForeignKeyModel[];
  /** Natural (business) key columns kept beside the surrogate key, declared as a unique constraint. */
  naturalKey?: { constraint: string; columns: readonly string[] };
  /**
   * Version of the migration that creates the table; absent for the tables of the first release, which
   * migration 0001 creates. A released migration never changes, so a table added later names its own.
   */
  createdBy?: number;
  /** Aggregate (rollup) tables: the fact they summarize, maintained by the ELT from it. */
  aggregateOf?: string;
}
