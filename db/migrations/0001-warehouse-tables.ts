import { compatibilityStatements, tableStatements } from '../ddl/render';
import { tablesCreatedBy } from '../schema';
import type { Migration } from './types';

/** Creates every table of the first release (the runner bootstraps schema_migration itself). */
export const warehouseTables: Migration = {
  version: 1,
  name: 'warehouse tables',
  plan(engine) {
    const tables = tablesCreatedBy(1).filter((t) => t.name !== 'schema_migration');
    return [...compatibilityStatements(engine), ...tables.flatMap((t) => tableStatements(engine, t))];
  },
};
