import { describe, expect, it } from 'vitest';

import type { WarehouseStatus } from '@/server/warehouse-status';

import { formatUtcDateTime, formatVersion, plural, summarizeStatus } from './status-format';

function status(tables: WarehouseStatus['tables'], versions: number[] = []): WarehouseStatus {
  return {
    engine: 'duckdb',
    migrations: versions.map((version) => ({ version, name: `m${version}`, appliedAt: '2026-01-02T03:04:05.000Z' })),
    tables,
  };
}

describe('summarizeStatus', () => {
  it('flags a warehouse whose fact tables are all empty', () => {
    const summary = summarizeStatus(
      status([
        { name: 'fact_a', kind: 'fact', rows: 0 },
        { name: 'fact_b', kind: 'fact', rows: 0 },
        { name: 'dim_date', kind: 'dimension', rows: 7671 },
      ]),
    );
    expect(summary).toMatchObject({ factTables: 2, factRows: 0, factsEmpty: true });
  });

  it('sums fact rows and finds the latest migration', () => {
    const summary = summarizeStatus(status([{ name: 'fact_a', kind: 'fact', rows: 12 }], [2, 4, 3]));
    expect(summary).toMatchObject({ factRows: 12, factsEmpty: false });
    expect(summary.latestMigration?.version).toBe(4);
  });

  it('does not call a warehouse without fact tables empty of facts', () => {
    expect(summarizeStatus(status([])).factsEmpty).toBe(false);
  });
});

describe('formatting', () => {
  it('formats timestamps in UTC and leaves unparsable ones as given', () => {
    expect(formatUtcDateTime('2026-01-02T03:04:05.000Z')).toBe('2 Jan 2026, 03:04 UTC');
    expect(formatUtcDateTime('not a date')).toBe('not a date');
  });

  it('numbers versions like the migration files and pluralises counts', () => {
    expect(formatVersion(4)).toBe('0004');
    expect(plural(1, 'table')).toBe('1 table');
    expect(plural(1200, 'table')).toBe('1,200 tables');
  });
});
