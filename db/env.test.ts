import { describe, expect, it } from 'vitest';

import { ConfigError, parseServerEnv, redactUrl } from './env';

describe('server environment', () => {
  it('defaults to the embedded database', () => {
    expect(parseServerEnv({})).toEqual({
      DATABASE_URL: undefined,
      PGLITE_DIR: '.data/pglite',
      STATEMENT_TIMEOUT_MS: 30_000,
      DB_POOL_MAX: 10,
      DB_QUEUE_MAX: 100,
      DB_QUEUE_TIMEOUT_MS: 10_000,
      DB_CONNECT_TIMEOUT_MS: 2_000,
    });
    expect(parseServerEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
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
