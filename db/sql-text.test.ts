import { describe, it, expect } from 'vitest';
import { maskSql, splitStatementRanges, splitStatements } from './sql-text';

describe('maskSql', () => {
  const cases: [string, string, string][] = [
    ['plain SQL', 'SELECT a, b FROM t WHERE x = 1', 'SELECT a, b FROM t WHERE x = 1'],
    ['string literal', "SELECT 'now()' AS s", "SELECT '     ' AS s"],
    ['doubled quote escape', "SELECT 'it''s ; ok', 1", "SELECT '          ', 1"],
    ['E-string backslash escape', "SELECT E'a\\'b;c', x", "SELECT E'      ', x"],
    ['backslash is literal outside E-strings', "SELECT 'a\\', x", "SELECT '  ', x"],
    ['quoted identifier', 'SELECT "generate_series" FROM t', 'SELECT "               " FROM t'],
    ['doubled quote in identifier', 'SELECT "a""b" FROM t', 'SELECT "    " FROM t'],
    ['line comment', 'SELECT 1 -- now()\nFROM t', 'SELECT 1         \nFROM t'],
    ['block comment', 'SELECT /* now() */ 1', 'SELECT' + ' '.repeat(13) + '1'],
    ['nested block comment', 'SELECT /* a /* b */ c */ 1', 'SELECT                   1'],
    ['dollar quote', 'SELECT $$now()$$, 1', 'SELECT $$     $$, 1'],
    ['tagged dollar quote containing $$', 'SELECT $fn$ a $$ b $fn$ x', 'SELECT $fn$        $fn$ x'],
    ['bind parameters are not dollar quotes', 'SELECT $1, $2 FROM t', 'SELECT $1, $2 FROM t'],
    ['dollar inside an identifier is not a quote', 'SELECT a$b$ FROM t', 'SELECT a$b$ FROM t'],
    ['unterminated string runs to the end', "SELECT 'abc", "SELECT '   "],
    ['unterminated comment runs to the end', 'SELECT 1 /* abc', 'SELECT 1       '],
    ['quote inside a comment does not open a string', "-- it's\nSELECT 'x'", "       \nSELECT ' '"],
    ['comment marker inside a string is not a comment', "SELECT '--x', 1", "SELECT '   ', 1"],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    const masked = maskSql(input);
    expect(masked).toBe(expected);
    expect(masked).toHaveLength(input.length);
  });

  it('keeps newlines inside masked regions so line numbers survive', () => {
    const sql = "SELECT 'a\nb', /* c\nd */ $$e\nf$$";
    const masked = maskSql(sql);
    expect(masked.split('\n')).toHaveLength(4);
    expect(masked).toBe("SELECT ' \n ',     \n     $$ \n $$");
  });

  it('preserves length for CRLF and non-ASCII text', () => {
    const sql = "SELECT 'héllo → wörld'\r\n-- ünïcode\r\nFROM t";
    const masked = maskSql(sql);
    expect(masked).toHaveLength(sql.length);
    expect(masked).toContain('\r\n');
    expect(masked).not.toMatch(/[^\x20-\x7e\r\n]/);
  });
});

describe('splitStatements', () => {
  it('splits on top-level semicolons and trims', () => {
    expect(splitStatements('SELECT 1;  SELECT 2 ;\n\nSELECT 3')).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
  });

  it('ignores semicolons inside strings, identifiers, comments and dollar quotes', () => {
    const sql = [
      "INSERT INTO t VALUES ('a;b', E'c\\';d')",
      'SELECT "x;y" FROM t -- trailing; comment\nWHERE 1 = 1',
      'SELECT /* a; /* nested; */ b; */ 1',
      'CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql',
    ];
    expect(splitStatements(sql.join(';\n') + ';')).toEqual(sql);
  });

  it('drops empty and comment-only pieces', () => {
    expect(splitStatements(';;  ;\n-- just a comment\n; /* block */ ; SELECT 1; -- done')).toEqual(['SELECT 1']);
    expect(splitStatements('')).toEqual([]);
    expect(splitStatements('   \n  ')).toEqual([]);
  });

  it('keeps comments that belong to a statement', () => {
    expect(splitStatements('-- header\nSELECT 1 /* inline */ FROM t;')).toEqual(['-- header\nSELECT 1 /* inline */ FROM t']);
  });

  it('reports where each statement starts', () => {
    const sql = 'SELECT 1;\n  SELECT 2;';
    const ranges = splitStatementRanges(sql);
    expect(ranges).toEqual([
      { text: 'SELECT 1', start: 0 },
      { text: 'SELECT 2', start: 12 },
    ]);
    for (const r of ranges) expect(sql.slice(r.start, r.start + r.text.length)).toBe(r.text);
  });
});
