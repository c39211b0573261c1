/** Shapes produced by the Redshift DDL parser and consumed by the checker. */

export interface DdlDataType {
  /** Upper-case type name as written, multi-word names joined by one space (`DOUBLE PRECISION`). */
  name: string;
  params: (number | 'MAX')[];
  array: boolean;
  text: string;
}

export interface DdlTableRef {
  schema?: string;
  table: string;
}

export interface DdlColumn {
  name: string;
  type: DdlDataType;
  default?: string;
  identity?: { seed: number; step: number };
  encode?: string;
  distkey: boolean;
  sortkey: boolean;
  nullable?: boolean;
  unique: boolean;
  primaryKey: boolean;
  references?: { table: DdlTableRef; columns: string[] };
  collate?: string;
  line: number;
}

export type DdlTableConstraint =
  | { kind: 'primary-key' | 'unique'; name?: string; columns: string[] }
  | { kind: 'foreign-key'; name?: string; columns: string[]; references: { table: DdlTableRef; columns: string[] } };

export type DistStyle = 'AUTO' | 'EVEN' | 'KEY' | 'ALL';

export interface DdlTable {
  kind: 'table';
  schema?: string;
  name: string;
  temporary: boolean;
  ifNotExists: boolean;
  columns: DdlColumn[];
  constraints: DdlTableConstraint[];
  backup?: boolean;
  diststyle?: DistStyle;
  /** The table-level `DISTKEY (col)` clause; column-level DISTKEY is on the column. */
  distkey?: string;
  sortkey?: { style: 'COMPOUND' | 'INTERLEAVED' | 'AUTO'; columns: string[] };
  encodeAuto: boolean;
  line: number;
}

export interface DdlComment {
  kind: 'comment';
  target: 'table' | 'column';
  schema?: string;
  table: string;
  column?: string;
  /** null for `IS NULL`, which removes a comment. */
  text: string | null;
  line: number;
}

export interface DdlOther {
  kind: 'other';
  text: string;
  line: number;
}

export type DdlStatement = DdlTable | DdlComment | DdlOther;
