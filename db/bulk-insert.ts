export interface Statement {
  text: string;
  params: unknown[];
}

/** PostgreSQL allows 65,535 bind parameters per statement; stay well under it. */
const MAX_PARAMS = 30_000;

/**
 * Multi-row `INSERT … VALUES ($1, $2), ($3, $4)` statements: the portable bulk path (Redshift has no
 * COPY FROM STDIN). Column names come from the schema, never from input; every value is a parameter.
 */
export function insertStatements<R extends object>(
  table: string,
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
): Statement[] {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column) => {
        params.push((row as Record<string, unknown>)[column]);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    statements.push({ text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params });
  }
  return statements;
}
