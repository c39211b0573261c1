import { assertRedshiftCompatible } from './redshift-lint';
import { splitStatements } from './sql-text';
import type { StatementOptions } from './warehouse';

/**
 * With SQL_LINT=strict (set by the test runner) every statement the app sends is checked against what
 * Redshift refuses before it reaches PostgreSQL or PGlite, so a test run on either proves the SQL portable.
 */
export function guardStatement(text: string, options?: StatementOptions): void {
  if (options?.translated || process.env.SQL_LINT !== 'strict') return;
  for (const statement of splitStatements(text)) assertRedshiftCompatible(statement, 'statement sent to the warehouse');
}
