/**
 * What a metric's SQL reads, as plain data for the ERD (client code imports these types only).
 * A column, table or join is `used` when the statement reads it with no filter set, `filter` when only a
 * filter brings it in (the filter columns of dim_user, dim_content and dim_device).
 */

export type LineageRole = 'used' | 'filter';

export interface LineageJoin {
  /** The referencing (many) side and the referenced (one) side, as the foreign key declares them. */
  table: string;
  columns: string[];
  references: { table: string; columns: string[] };
  role: LineageRole;
}

export interface MetricLineage {
  /** The metric's endpoint name, as in `/api/metrics/<metric>` and `/model?trace=<metric>`. */
  metric: string;
  question: string;
  tables: { table: string; role: LineageRole }[];
  columns: { table: string; column: string; role: LineageRole }[];
  joins: LineageJoin[];
}
