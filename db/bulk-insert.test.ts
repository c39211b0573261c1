import { describe, expect, it } from 'vitest';

import { insertStatements, rowsOf } from './bulk-insert';

describe('multi-row INSERT statements', () => {
  it('binds every value and numbers placeholders per statement', () => {
    const [statement] = insertStatements('t', ['a', 'b'], [[1, "x'); drop table t; --"], [2, null]]);
    expect(statement).toEqual({ text: 'INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)', params: [1, "x'); drop table t; --", 2, null] });
  });

  it('splits large batches so no statement exceeds the bind-parameter limit', () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => [i, i, i]);
    const statements = insertStatements('t', ['a', 'b', 'c'], rows);
    expect(statements).toHaveLength(3);
    expect(statements.every((s) => s.params.length <= 30_000)).toBe(true);
    expect(statements.reduce((n, s) => n + s.params.length, 0)).toBe(75_000);
    expect(statements[1]?.text.startsWith('INSERT INTO t (a, b, c) VALUES ($1, $2, $3), ($4')).toBe(true);
  });

  it('orders object values by the column list', () => {
    expect(rowsOf([{ b: 2, a: 1 }], ['a', 'b'])).toEqual([[1, 2]]);
  });
});
