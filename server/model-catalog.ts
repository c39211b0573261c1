import 'server-only';

import { warehouseModel, type TableModel } from '@/db/schema';

/** The warehouse model for the model pages: generated from the schema's source of truth, never drawn by hand. */
export function getModelCatalog(): TableModel[] {
  return [...warehouseModel];
}
