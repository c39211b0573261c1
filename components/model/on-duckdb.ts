/**
 * What each Redshift physical-design choice becomes on the embedded DuckDB warehouse (see
 * sql/duckdb/warehouse.sql): one sentence per concept, shown beside the Redshift reasons.
 */
export const ON_DUCKDB = {
  distribution: 'no distribution, as one node holds every row.',
  sortKey: 'per-row-group min/max zone maps skip by it, as far as rows are inserted in its order (the fact loads sort them).',
  encode: 'DuckDB compresses each column segment automatically.',
} as const;
