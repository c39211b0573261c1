import { warehouseModel } from '../schema';
import { renderDuckdbDdl } from './render-duckdb';
import { renderPostgresDdl } from './render-postgres';
import { renderRedshiftDdl } from './render-redshift';
import { viewerRollupsTransform } from '../viewer-rollup-sql';

/** The generated SQL files (DDL, and the ELT step written from the same definitions) and their contents; a test fails when a committed file drifts from these. */
export function ddlFiles(): { path: string; text: string }[] {
  return [
    { path: 'sql/redshift/warehouse.sql', text: renderRedshiftDdl(warehouseModel) },
    { path: 'sql/postgres/warehouse.sql', text: renderPostgresDdl(warehouseModel) },
    { path: 'sql/duckdb/warehouse.sql', text: renderDuckdbDdl(warehouseModel) },
    { path: 'sql/transforms/076_viewer_rollups.sql', text: viewerRollupsTransform() },
  ];
}
