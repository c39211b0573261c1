import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { ddlFiles } from './files';

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
});
