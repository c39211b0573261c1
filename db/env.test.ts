import { describe, expect, it } from 'vitest';

import { ConfigError, parseServerEnv, redactUrl } from './env';

describe('server environment', () => {
  it('defaults to the embedded database', () => {
    expect(parseServerEnv({}).DATABASE_URL).toBeUndefined();
    expect(parseServerEnv({})).toMatchObject({
      DUCKDB_PATH: '.data/warehouse.duckdb',
      DUCKDB_MEMORY_LIMIT: expect.stringMatching(/^\d+MB$/),
      STATEMENT_TIMEOUT_MS: 30_000,
      DB_POOL_MAX: 10,
      DB_QUEUE_MAX: 100,
      DB_QUEUE_TIMEOUT_MS: 10_000,
      DB_CONNECT_TIMEOUT_MS: 2_000,
    });
    expect(parseServerEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
  });

  it('sizes DuckDB from the machine, and refuses a memory limit or thread count that is not one', () => {
    expect(parseServerEnv({}).DUCKDB_THREADS).toBeGreaterThanOrEqual(1);
    expect(parseServerEnv({ DUCKDB_MEMORY_LIMIT: '4GB', DUCKDB_THREADS: '3' })).toMatchObject({ DUCKDB_MEMORY_LIMIT: '4GB', DUCKDB_THREADS: 3 });
    expect(() => parseServerEnv({ DUCKDB_MEMORY_LIMIT: 'lots' })).toThrow(/DUCKDB_MEMORY_LIMIT must be an amount of memory such as 512MB or 4GB/);
    expect(() => parseServerEnv({ DUCKDB_MEMORY_LIMIT: "4GB'; DROP TABLE x" })).toThrow(/DUCKDB_MEMORY_LIMIT/);
    expect(() => parseServerEnv({ DUCKDB_THREADS: '0' })).toThrow(/DUCKDB_THREADS must be at least 1/);
  });

  it('accepts postgres:// and postgresql:// URLs, with sslmode', () => {
    const url = 'postgresql://analyst:secret@example.redshift.amazonaws.com:5439/dev?sslmode=require';
    expect(parseServerEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it('explains a wrong DATABASE_URL in a sentence', () => {
    expect(() => parseServerEnv({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(ConfigError);
    expect(() => parseServerEnv({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('names the variable when a number is wrong', () => {
    expect(() => parseServerEnv({ STATEMENT_TIMEOUT_MS: 'soon' })).toThrow(/STATEMENT_TIMEOUT_MS must be a whole number/);
    expect(() => parseServerEnv({ DB_POOL_MAX: '0' })).toThrow(/DB_POOL_MAX must be at least 1/);
    expect(parseServerEnv({ STATEMENT_TIMEOUT_MS: '5000' }).STATEMENT_TIMEOUT_MS).toBe(5000);
    expect(() => parseServerEnv({ DB_QUEUE_MAX: '-1' })).toThrow(/DB_QUEUE_MAX must be at least 0/);
    expect(parseServerEnv({ DB_QUEUE_MAX: '0' }).DB_QUEUE_MAX).toBe(0);
    expect(() => parseServerEnv({ DB_CONNECT_TIMEOUT_MS: 'fast' })).toThrow(/DB_CONNECT_TIMEOUT_MS must be a whole number/);
  });

  it('hides passwords in messages', () => {
    expect(redactUrl('postgres://me:pa55@host:5432/db')).toBe('postgres://me:***@host:5432/db');
    expect(redactUrl('postgres://host/db')).toBe('postgres://host/db');
  });
});
