import type { TableModel } from '../schema/model-types';

/** Key constraints are the same text on both engines (informational on Redshift, enforced on PostgreSQL). */
export function constraintLines(t: TableModel): string[] {
  const lines = [`CONSTRAINT pk_${t.name} PRIMARY KEY (${t.primaryKey.join(', ')})`];
  if (t.naturalKey) lines.push(`CONSTRAINT ${t.naturalKey.constraint} UNIQUE (${t.naturalKey.columns.join(', ')})`);
  for (const fk of t.foreignKeys) {
    lines.push(
      `CONSTRAINT fk_${t.name}_${fk.columns.join('_')} FOREIGN KEY (${fk.columns.join(', ')}) ` +
        `REFERENCES ${fk.references.table} (${fk.references.columns.join(', ')})`,
    );
  }
  return lines;
}
