import { describe, expect, it } from 'vitest';

import { describeEachEngine } from '@/test/support/test-warehouse';

import { parseNumber, parseUtcTimestamp } from './type-parsers';

describe('driver value normalization', () => {
  it('turns numeric strings into numbers and the unparsable into null, never 0', () => {
    expect(parseNumber('18234512')).toBe(18234512);
    expect(parseNumber('1234.567')).toBe(1234.567);
    expect(parseNumber('NaN')).toBeNull();
    expect(parseNumber(null)).toBeNull();
  });

  it('reads TIMESTAMP as UTC with milliseconds', () => {
    expect(parseUtcTimestamp('2026-10-03 19:02:11.25')).toBe('2026-10-03T19:02:11.250Z');
    expect(parseUtcTimestamp('2026-10-03 19:02:11')).toBe('2026-10-03T19:02:11.000Z');
  });
});

describeEachEngine('driver types', (harness) => {
  it('returns BIGINT and NUMERIC as numbers, TIMESTAMP as UTC ISO and DATE as a calendar date', async () => {
    const warehouse = await harness.empty();
    try {
      const [row] = await warehouse.query(
        "SELECT CAST(9007199254740991 AS BIGINT) AS big, CAST(1234.567 AS DECIMAL(12,3)) AS dec, CAST('2026-03-29 01:30:00.125' AS TIMESTAMP) AS ts, CAST('2026-03-29' AS DATE) AS d, COUNT(*) AS n FROM (SELECT 1 AS one) AS t",
      );
      expect(row).toEqual({ big: 9007199254740991, dec: 1234.567, ts: '2026-03-29T01:30:00.125Z', d: '2026-03-29', n: 1 });
    } finally {
      await warehouse.close();
    }
  });
});
