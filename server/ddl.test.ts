import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { DDL_DIALECTS, getWarehouseDdl, isDdlDialect } from './ddl';

describe('warehouse DDL files', () => {
  it('reads each dialect exactly as sql/ commits it', () => {
    for (const dialect of DDL_DIALECTS) {
      const file = getWarehouseDdl(dialect);
      expect(file.path).toBe(`sql/${dialect}/warehouse.sql`);
      expect(file.text).toBe(readFileSync(file.path, 'utf8'));
    }
  });

  it('takes the three dialects and nothing else', () => {
    expect(DDL_DIALECTS.every(isDdlDialect)).toBe(true);
    for (const value of ['mysql', 'pglite', 'DuckDB', '', 'redshift/../postgres']) expect(isDdlDialect(value)).toBe(false);
  });
});
