import type { TableModel } from '../schema/model-types';

export function keyConstraintLines(t: TableModel): string[] {
  const lines = [`CONSTRAINT pk_${t.name} PRIMARY KEY (${t.primaryKey.join(', ')})`];
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
