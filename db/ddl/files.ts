import { warehouseModel } from '../schema';
import { renderPostgresDdl } from './render-postgres';
import { renderRedshiftDdl } from './render-redshift';

/** The generated DDL files and their contents; a test fails when a committed file drifts from these. */
export function ddlFiles(): { path: string; text: string }[] {
  return [
    { path: 'sql/redshift/warehouse.sql', text: renderRedshiftDdl(warehouseModel) },
    { path: 'sql/postgres/warehouse.sql', text: renderPostgresDdl(warehouseModel) },
  ];
}
