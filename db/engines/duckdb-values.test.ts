import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseDate, parseNumber, parseUtcTimestamp } from '@/db/type-parsers';
import type { Warehouse } from '@/db/warehouse';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { openDuckdb } from './duckdb';

/** DuckDB-only SQL (HUGEINT, typeof, DOUBLE): not meant for Redshift, so not linted as if it were. */
const duckdbOnly = { translated: true };

/**
 * The same statements on every engine must give the same JS values: the PostgreSQL path passes BIGINT,
 * NUMERIC, TIMESTAMP and DATE through db/type-parsers.ts, and the DuckDB adapter must land on exactly
 * those shapes (numbers, ISO-8601 UTC with milliseconds, `YYYY-MM-DD`, null).
 */
describeEachEngine('values as the PostgreSQL path gives them', (harness) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await harness.empty();
    await warehouse.exec(`
      CREATE TABLE value_probe (
        probe_id INTEGER NOT NULL,
        views BIGINT,
        amount DECIMAL(12,3),
        started_at TIMESTAMP,
        day DATE,
        is_active BOOLEAN,
        label VARCHAR(32)
      );
      INSERT INTO value_probe VALUES
        (1, 9007199254740991, 1234.567, '2026-10-15 10:00:00.123456', '2026-10-15', true, 'it''s'),
        (2, -42, -0.5, '2026-10-15 23:59:59', '2026-02-28', false, ''),
        (3, NULL, NULL, NULL, NULL, NULL, NULL);
    `);
  });

  afterAll(async () => {
    await warehouse.close();
  });

  it('reads BIGINT and DECIMAL columns as numbers, TIMESTAMP as ISO-8601 UTC with milliseconds, DATE as a calendar date, NULL as null', async () => {
    const rows = await warehouse.query('SELECT views, amount, started_at, day, is_active, label FROM value_probe ORDER BY probe_id');
    expect(rows).toEqual([
      { views: 9007199254740991, amount: 1234.567, started_at: '2026-10-15T10:00:00.123Z', day: '2026-10-15', is_active: true, label: "it's" },
      { views: -42, amount: -0.5, started_at: '2026-10-15T23:59:59.000Z', day: '2026-02-28', is_active: false, label: '' },
      { views: null, amount: null, started_at: null, day: null, is_active: null, label: null },
    ]);
  });

  it('reads aggregates as numbers: COUNT, SUM of a BIGINT, SUM of a DECIMAL, and an empty SUM as null', async () => {
    const [row] = await warehouse.query(
      `SELECT COUNT(*) AS row_count, COUNT(views) AS view_rows, SUM(views) AS total_views, SUM(amount) AS total_amount,
              CAST(1234.5678 AS DECIMAL(12,3)) AS rounded, MAX(started_at) AS last_start, MIN(day) AS first_day
       FROM value_probe`,
    );
    expect(row).toEqual({
      row_count: 3,
      view_rows: 2,
      total_views: 9007199254740949,
      total_amount: 1234.067,
      rounded: 1234.568,
      last_start: '2026-10-15T23:59:59.000Z',
      first_day: '2026-02-28',
    });
    expect(await warehouse.query('SELECT SUM(views) AS total_views, COUNT(*) AS row_count FROM value_probe WHERE probe_id > 99')).toEqual([
      { total_views: null, row_count: 0 },
    ]);
  });

  it('agrees with the PostgreSQL type parsers on the text each driver hands over', async () => {
    const [row] = await warehouse.query('SELECT views, amount, started_at, day FROM value_probe WHERE probe_id = 1');
    expect(row).toEqual({
      views: parseNumber('9007199254740991'),
      amount: parseNumber('1234.567'),
      started_at: parseUtcTimestamp('2026-10-15 10:00:00.123456'),
      day: parseDate('2026-10-15'),
    });
  });
});

/**
 * Bind parameters arrive as JS strings, numbers, booleans and null. PostgreSQL types an untyped parameter
 * from its context ('2026-10-15' against a DATE is a date); DuckDB binds a VARCHAR and casts it, and both
 * must select the same rows.
 */
describeEachEngine('bind parameters as on PostgreSQL', (harness) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await harness.empty();
    await warehouse.exec(`
      CREATE TABLE bind_probe (
        probe_id INTEGER NOT NULL,
        day DATE,
        started_at TIMESTAMP,
        label VARCHAR(32),
        is_active BOOLEAN,
        score DOUBLE PRECISION,
        views BIGINT
      )
    `);
    const insert = 'INSERT INTO bind_probe (probe_id, day, started_at, label, is_active, score, views) VALUES ($1, $2, $3, $4, $5, $6, $7)';
    await warehouse.query(insert, [1, '2026-10-15', '2026-10-15 10:00:00.123', 'alpha', true, 1.5, 9007199254740991]);
    await warehouse.query(insert, [2, '2026-10-16', '2026-10-16 23:59:59', 'beta', false, 2.25, 0]);
    await warehouse.query(insert, [3, null, null, null, null, null, null]);
  });

  afterAll(async () => {
    await warehouse.close();
  });

  it('stores bound strings, numbers, booleans and nulls as the column types they are bound to', async () => {
    expect(await warehouse.query('SELECT * FROM bind_probe ORDER BY probe_id')).toEqual([
      { probe_id: 1, day: '2026-10-15', started_at: '2026-10-15T10:00:00.123Z', label: 'alpha', is_active: true, score: 1.5, views: 9007199254740991 },
      { probe_id: 2, day: '2026-10-16', started_at: '2026-10-16T23:59:59.000Z', label: 'beta', is_active: false, score: 2.25, views: 0 },
      { probe_id: 3, day: null, started_at: null, label: null, is_active: null, score: null, views: null },
    ]);
  });

  const cases: { name: string; where: string; params: unknown[]; ids: number[] }[] = [
    { name: 'a string equal to a DATE', where: 'day = $1', params: ['2026-10-16'], ids: [2] },
    { name: 'strings bounding a DATE range', where: 'day >= $1 AND day < $2', params: ['2026-10-15', '2026-10-16'], ids: [1] },
    { name: 'a timestamp string against a TIMESTAMP', where: 'started_at >= $1', params: ['2026-10-15 10:00:00.124'], ids: [2] },
    { name: 'a date string against a TIMESTAMP (midnight)', where: 'started_at < $1', params: ['2026-10-16'], ids: [1] },
    { name: 'an ISO-8601 UTC string against a TIMESTAMP', where: 'started_at = $1', params: ['2026-10-15T10:00:00.123Z'], ids: [1] },
    { name: 'a numeric string against an INTEGER', where: 'probe_id = $1', params: ['2'], ids: [2] },
    { name: 'an integer against an INTEGER', where: 'probe_id > $1', params: [1], ids: [2, 3] },
    { name: 'a fraction against a DOUBLE PRECISION', where: 'score > $1', params: [1.75], ids: [2] },
    { name: 'a number past 2^31 against a BIGINT', where: 'views = $1', params: [9007199254740991], ids: [1] },
    { name: 'a boolean', where: 'is_active = $1', params: [false], ids: [2] },
    { name: 'strings in an IN list', where: 'label IN ($1, $2)', params: ['beta', 'gamma'], ids: [2] },
    { name: 'numbers in an IN list', where: 'probe_id IN ($1, $2)', params: [1, 3], ids: [1, 3] },
    { name: 'date strings in an IN list', where: 'day IN ($1, $2)', params: ['2026-10-15', '2026-10-16'], ids: [1, 2] },
    { name: 'null, which equals nothing', where: 'label = $1', params: [null], ids: [] },
    { name: 'a string with a quote, never spliced into the SQL', where: 'label = $1', params: ["alpha' OR '1' = '1"], ids: [] },
  ];

  it.each(cases)('selects by $name', async ({ where, params, ids }) => {
    const rows = await warehouse.query<{ probe_id: number }>(`SELECT probe_id FROM bind_probe WHERE ${where} ORDER BY probe_id`, params);
    expect(rows.map((row) => row.probe_id)).toEqual(ids);
  });
});

describe('DuckDB values that PostgreSQL has no literal for', () => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await openDuckdb({ path: ':memory:', memoryLimit: '512MB', threads: 2, statementTimeoutMs: 60_000, connections: 1 });
  });

  afterAll(async () => {
    await warehouse.close();
  });

  it('reads HUGEINT (what DuckDB gives SUM of a BIGINT) as a number', async () => {
    const [row] = await warehouse.query(
      `SELECT typeof(SUM(CAST(5 AS BIGINT))) AS sum_type, SUM(CAST(9007199254740991 AS BIGINT)) AS big_sum,
              CAST('170141183460469231731687303715884105727' AS HUGEINT) AS largest, CAST(-3 AS HUGEINT) AS negative`,
      [],
      duckdbOnly,
    );
    expect(row).toEqual({ sum_type: 'HUGEINT', big_sum: 9007199254740991, largest: 1.7014118346046923e38, negative: -3 });
  });

  it('reads a value that is no number as null, never 0 or NaN', async () => {
    const [row] = await warehouse.query(
      `SELECT CAST('NaN' AS DOUBLE) AS not_a_number, CAST('Infinity' AS DOUBLE) AS infinite, CAST('-Infinity' AS DOUBLE) AS minus_infinite,
              CAST(0 AS DOUBLE) AS zero, CAST(0.1 AS REAL) AS single`,
      [],
      duckdbOnly,
    );
    expect(row).toEqual({ not_a_number: null, infinite: null, minus_infinite: null, zero: 0, single: expect.closeTo(0.1, 6) });
    // What the PostgreSQL path gives its unparsable NUMERIC text, 'NaN'.
    expect(parseNumber('NaN')).toBeNull();
  });

  it('truncates sub-millisecond TIMESTAMP precision as PostgreSQL text does, for every DuckDB timestamp unit', async () => {
    const [row] = await warehouse.query(
      `SELECT CAST('2026-10-15 10:00:00.123456' AS TIMESTAMP) AS micros, CAST('2026-10-15 10:00:00.123456789' AS TIMESTAMP_NS) AS nanos,
              CAST('2026-10-15 10:00:00.123' AS TIMESTAMP_MS) AS millis, CAST('2026-10-15 10:00:00' AS TIMESTAMP_S) AS seconds`,
      [],
      duckdbOnly,
    );
    expect(row).toEqual({
      micros: '2026-10-15T10:00:00.123Z',
      nanos: '2026-10-15T10:00:00.123Z',
      millis: '2026-10-15T10:00:00.123Z',
      seconds: '2026-10-15T10:00:00.000Z',
    });
  });
});
