import { quoteLiteral } from './sql-literal';
import type { TableModel } from '../schema/model-types';

export function keyConstraintLines(t: TableModel): string[] {
  // A table of interchangeable rows (agg_session_length) has no key to declare.
  const lines = t.primaryKey.length > 0 ? [`CONSTRAINT pk_${t.name} PRIMARY KEY (${t.primaryKey.join(', ')})`] : [];
  if (t.naturalKey) lines.push(`CONSTRAINT ${t.naturalKey.constraint} UNIQUE (${t.naturalKey.columns.join(', ')})`);
  return lines;
}

export function foreignKeyLines(t: TableModel): string[] {
  return t.foreignKeys.map(
    (fk) =>
      `CONSTRAINT fk_${t.name}_${fk.columns.join('_')} FOREIGN KEY (${fk.columns.join(', ')}) ` +
      `REFERENCES ${fk.references.table} (${fk.references.columns.join(', ')})`,
  );
}

/** The table's description and grain, and each column's, as COMMENT ON statements (the same on every engine). */
export function commentLines(t: TableModel): string[] {
  return [
    `COMMENT ON TABLE ${t.name} IS ${quoteLiteral(`${t.description} Grain: ${t.grain}`)};`,
    ...t.columns.map((c) => `COMMENT ON COLUMN ${t.name}.${c.name} IS ${quoteLiteral(c.description)};`),
  ];
}
