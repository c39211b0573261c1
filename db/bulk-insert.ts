export interface Statement {
  text: string;
  params: unknown[];
}

/** PostgreSQL allows 65,535 bind parameters per statement; stay well under it. */
const MAX_PARAMS = 30_000;

/**
 * Multi-row `INSERT … VALUES ($1, $2), ($3, $4)` statements: the portable bulk path (Redshift has no
 * COPY FROM STDIN). Column names come from code, never from input; every value is a parameter.
 */
export function insertStatements(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Statement[] {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    statements.push({ text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params });
  }
  return statements;
}

/** The values of each object in column order. */
export function rowsOf<R extends object>(objects: readonly R[], columns: readonly (keyof R & string)[]): unknown[][] {
  return objects.map((o) => columns.map((c) => o[c]));
}
