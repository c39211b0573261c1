import { describe, expect, it } from 'vitest';

import { formatStatement, statementWithValues } from './statement-text';

describe('View SQL text', () => {
  it('lays the statement out without touching its placeholders or identifiers', () => {
    const formatted = formatStatement('SELECT c.genre AS genre, COUNT(*) AS sessions FROM fact_viewing_session AS f JOIN dim_content AS c ON c.content_key = f.content_key WHERE f.start_date_key BETWEEN $1 AND $2 GROUP BY c.genre');
    expect(formatted.split('\n').length).toBeGreaterThan(5);
    expect(formatted).toContain('BETWEEN $1 AND $2');
    expect(formatted).toContain('fact_viewing_session AS f');
  });

  it('puts the bind values in a comment header, quoted as JSON', () => {
    expect(statementWithValues('SELECT $1, $2', [20261001, "O'Brien"])).toBe(`-- $1 = 20261001\n-- $2 = "O'Brien"\nSELECT $1, $2`);
    expect(statementWithValues('SELECT 1', [])).toBe('SELECT 1');
  });
});
