import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { ddlFiles } from './files';
import { toDuckdbMacro } from './render-duckdb';

describe('generated DDL files', () => {
  it.each(ddlFiles().map((f) => [f.path, f.text]))('%s is what the schema generates (run `npm run db:ddl` after a schema change)', (path, text) => {
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('drops the Redshift-only physical design from the PostgreSQL translation and keeps the keys', () => {
    const postgres = ddlFiles().find((f) => f.path.includes('postgres'))?.text ?? '';
    const statements = postgres.split('\n').filter((line) => !line.startsWith('--')).join('\n');
    expect(statements).not.toMatch(/\b(DISTSTYLE|DISTKEY|SORTKEY|ENCODE)\b/);
    expect(postgres).toContain('CREATE INDEX ix_fact_viewing_session_sortkey ON fact_viewing_session (start_date_key, content_key);');
    expect(postgres).toContain('-- informational, as on Redshift: CONSTRAINT fk_fact_viewing_session_user_key FOREIGN KEY (user_key) REFERENCES dim_user (user_key)');
    expect(postgres).toContain('CONSTRAINT uq_dim_user_user_id UNIQUE (user_id)');
    expect(postgres).toContain('CREATE OR REPLACE FUNCTION convert_timezone');
  });

  it('translates the physical design for DuckDB: no Redshift clauses, no indexes, sequences for identities, macros for the local-time functions', () => {
    const duckdb = ddlFiles().find((f) => f.path.includes('duckdb'))?.text ?? '';
    const statements = duckdb.split('\n').filter((line) => !/^\s*--/.test(line)).join('\n');
    expect(statements).not.toMatch(/\b(DISTSTYLE|DISTKEY|SORTKEY|ENCODE|COLLATE|IDENTITY|INDEX|PRIMARY KEY|UNIQUE)\b/);
    expect(duckdb).toContain("CREATE SEQUENCE seq_dim_user_user_key START 1;");
    expect(duckdb).toContain("user_key INTEGER DEFAULT nextval('seq_dim_user_user_key') NOT NULL");
    expect(duckdb).toContain('-- informational, as on Redshift: CONSTRAINT pk_fact_viewing_session PRIMARY KEY (session_id)');
    expect(duckdb).toContain('CREATE OR REPLACE MACRO convert_timezone');
  });

  it('turns each function of sql/functions into a DuckDB macro of the same expression', () => {
    const statement = `CREATE OR REPLACE FUNCTION f_date_key (timestamp)
RETURNS integer
IMMUTABLE
AS $$
  SELECT CASE WHEN $1 >= CAST('2015-01-01' AS timestamp) THEN CAST(TO_CHAR($1, 'YYYYMMDD') AS integer) ELSE -1 END
$$ LANGUAGE sql;`;
    expect(toDuckdbMacro(statement)).toBe(
      "CREATE OR REPLACE MACRO f_date_key(arg1) AS (CAST((CASE WHEN arg1 >= CAST('2015-01-01' AS timestamp) THEN CAST(strftime(arg1, '%Y%m%d') AS integer) ELSE -1 END) AS INTEGER));",
    );
    expect(() => toDuckdbMacro('CREATE TABLE t (a integer);')).toThrow(/not a scalar SQL function/);
  });
});
