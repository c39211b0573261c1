import { describe, expect, it } from 'vitest';

import { bindNamed } from './sql-files';

describe('named SQL parameters', () => {
  it('binds each name once, in order of first use, and leaves casts, strings and comments alone', () => {
    const sql = "select cast(:load_id as integer), x::date, ':not_a_param' -- :nor_this\nfrom t where a = :loaded_at and b = :load_id";
    expect(bindNamed(sql, { load_id: 7, loaded_at: '2026-01-01' })).toEqual({
      text: "select cast($1 as integer), x::date, ':not_a_param' -- :nor_this\nfrom t where a = $2 and b = $1",
      params: [7, '2026-01-01'],
    });
  });

  it('refuses a parameter without a value', () => {
    expect(() => bindNamed('select :missing', {})).toThrow(':missing has no value');
  });
});
