import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkRedshiftDdl, parseRedshiftDdl } from '@/test/support/redshift-ddl';

import { migrations } from './migrations';
import { lintRedshift } from './redshift-lint';
import { warehouseModel } from './schema';

function sqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sqlFiles(path);
    return entry.name.endsWith('.sql') ? [path] : [];
  });
}

// sql/postgres/ and sql/duckdb/ are the generated translations (CREATE INDEX, sequences, the compatibility
// functions and macros): by construction they are never sent to Redshift. Everything else under sql/ is.
const translations = [join('sql', 'postgres'), join('sql', 'duckdb')];
const redshiftBound = sqlFiles('sql').filter((path) => !translations.some((dir) => path.startsWith(dir)));

describe('SQL that reaches Redshift', () => {
  it('finds the SQL files to check', () => {
    expect(redshiftBound).toContain(join('sql', 'redshift', 'warehouse.sql'));
  });

  it.each(redshiftBound)('%s uses nothing Redshift refuses', (path) => {
    expect(lintRedshift(readFileSync(path, 'utf8'))).toEqual([]);
  });

  it.each(migrations.map((m) => [m.version, m.name, m]))('migration %i (%s) builds only Redshift-valid statements', (_v, _n, migration) => {
    for (const statement of migration.plan('redshift')) {
      expect(statement.translated ?? false).toBe(false);
      expect(lintRedshift(statement.text), statement.text.slice(0, 80)).toEqual([]);
    }
  });
});

describe('the committed Redshift DDL', () => {
  const statements = parseRedshiftDdl(readFileSync('sql/redshift/warehouse.sql', 'utf8'));
  const tables = statements.flatMap((s) => (s.kind === 'table' ? [s] : []));

  it('parses as Redshift and passes the physical-design checks (keys resolve, DISTSTYLE everywhere, SORTKEY on facts, ENCODE valid)', () => {
    expect(checkRedshiftDdl(statements, { keyless: warehouseModel.filter((t) => t.primaryKey.length === 0).map((t) => t.name) })).toEqual([]);
    expect(warehouseModel.filter((t) => t.primaryKey.length === 0).map((t) => t.name)).toEqual(['agg_session_length']);
  });

  it('creates exactly the tables of the model, with their distribution and sort keys', () => {
    expect(tables.map((t) => t.name)).toEqual(warehouseModel.map((t) => t.name));
    const fact = tables.find((t) => t.name === 'fact_viewing_session');
    expect(fact?.diststyle).toBe('KEY');
    expect(fact?.distkey).toBe('user_key');
    expect(fact?.sortkey?.columns).toEqual(['start_date_key', 'content_key']);
  });
});
