import { format } from 'sql-formatter';

/** The statement laid out for reading; the text sent stays in the API's `sql`. */
export function formatStatement(sql: string): string {
  try {
    return format(sql, { language: 'postgresql', keywordCase: 'upper', paramTypes: { numbered: ['$'] } });
  } catch {
    return sql;
  }
}

/** The statement with its bind values as a comment header, ready to paste into a SQL client. */
export function statementWithValues(sql: string, values: readonly unknown[]): string {
  const header = values.map((value, i) => `-- $${i + 1} = ${JSON.stringify(value)}`).join('\n');
  return header ? `${header}\n${sql}` : sql;
}
