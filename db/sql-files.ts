import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { maskSql, splitStatements } from './sql-text';

/** The project's sql/ folder; scripts, tests and the server all run from the project root. */
export const SQL_DIR = join(process.cwd(), 'sql');

export function readSqlStatements(relativePath: string): string[] {
  return splitStatements(readFileSync(join(SQL_DIR, relativePath), 'utf8'));
}

/** The numbered files of a folder under sql/, in order. */
export function readSqlFolder(relativeDir: string): { file: string; statements: string[] }[] {
  return readdirSync(join(SQL_DIR, relativeDir))
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ file: name, statements: readSqlStatements(join(relativeDir, name)) }));
}

export interface CompiledStatement {
  text: string;
  params: unknown[];
}

/**
 * SQL files name their parameters (`:load_id`); drivers want `$1`. Names are replaced outside strings and
 * comments (so `::type` casts and `':x'` literals are left alone) and the values bound in order.
 */
export function bindNamed(statement: string, values: Readonly<Record<string, unknown>>): CompiledStatement {
  const masked = maskSql(statement);
  const order: string[] = [];
  let text = '';
  let last = 0;
  for (const m of masked.matchAll(/(?<![:\w]):([a-z_][a-z0-9_]*)/g)) {
    const name = m[1] ?? '';
    if (!(name in values)) throw new Error(`SQL parameter :${name} has no value`);
    if (!order.includes(name)) order.push(name);
    text += `${statement.slice(last, m.index)}$${order.indexOf(name) + 1}`;
    last = (m.index ?? 0) + m[0].length;
  }
  text += statement.slice(last);
  return { text, params: order.map((name) => values[name]) };
}
