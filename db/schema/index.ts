import type { TableModel } from './model-types';
import { aggAudienceDayModel } from './audience-rollup';
import { dimContentModel, dimDateModel, dimDeviceModel, dimTimeOfDayModel, dimUserModel } from './dimensions';
import { factContentRatingModel, factViewingSessionModel } from './facts';
import { rollupTables } from './rollups';
import { aggSessionLengthModel, aggViewerDayModel } from './viewer-rollups';
import { etlLoadModel, etlRejectModel, schemaMigrationModel, stgPlayerEventModel } from './staging';

export * from './audience-rollup';
export * from './dimensions';
export * from './facts';
export * from './rollups';
export * from './staging';
export * from './viewer-rollups';
export type * from './model-types';

/** Every warehouse table in creation order: referenced tables before the tables that reference them. */
export const warehouseModel: readonly TableModel[] = [
  dimDateModel,
  dimTimeOfDayModel,
  dimUserModel,
  dimContentModel,
  dimDeviceModel,
  factViewingSessionModel,
  factContentRatingModel,
  stgPlayerEventModel,
  etlLoadModel,
  etlRejectModel,
  schemaMigrationModel,
  ...rollupTables,
  aggViewerDayModel,
  aggSessionLengthModel,
  aggAudienceDayModel,
].map((t) => t.model);

/** The tables a migration creates: those that name it, and for 0001 every table of the first release. */
export function tablesCreatedBy(version: number): readonly TableModel[] {
  return warehouseModel.filter((t) => (t.createdBy ?? 1) === version);
}

export function getTableModel(name: string): TableModel {
  const table = warehouseModel.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name} in the warehouse model`);
  return table;
}
