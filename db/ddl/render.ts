import type { TableModel } from '../schema/model-types';
import { splitStatements } from '../sql-text';
import type { Engine } from '../warehouse';
import { duckdbCompatibility, renderDuckdbTable } from './render-duckdb';
import { postgresCompatibility, renderPostgresTable } from './render-postgres';
import { renderRedshiftTable } from './render-redshift';

export interface RenderedStatement {
  text: string;
  /** A translation of the Redshift DDL, never sent to Redshift. */
  translated: boolean;
}

/** A table's DDL in the engine's own spelling, statement by statement: one schema truth, three dialects. */
export function tableStatements(engine: Engine, table: TableModel, options: { ifNotExists?: boolean } = {}): RenderedStatement[] {
  const render = { redshift: renderRedshiftTable, postgres: renderPostgresTable, duckdb: renderDuckdbTable }[engine];
  return render(table, options)
    .flatMap(splitStatements)
    .map((text) => ({ text, translated: engine !== 'redshift' }));
}

/** The Redshift functions the SQL relies on, defined for an engine that lacks them. */
export function compatibilityStatements(engine: Engine): RenderedStatement[] {
  const script = { redshift: [], postgres: postgresCompatibility, duckdb: duckdbCompatibility }[engine];
  return script.flatMap(splitStatements).map((text) => ({ text, translated: true }));
}
