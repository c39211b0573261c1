import { availableParallelism, totalmem } from 'node:os';

import { z } from 'zod';

/** Thrown when the environment cannot configure the warehouse; its message is meant for the user. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const intInRange = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `${name} must be a whole number` })
      .int({ error: `${name} must be a whole number` })
      .min(min, { error: `${name} must be at least ${min}` })
      .max(max, { error: `${name} must be at most ${max}` })
      .default(fallback),
  );

const serverEnvSchema = z.object({
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/, {
        error:
          'DATABASE_URL must be a postgres:// URL of a PostgreSQL or Redshift database, e.g. postgres://user:password@host:5439/dev?sslmode=require. Leave it unset to use the embedded database.',
      })
      .optional(),
  ),
  DUCKDB_PATH: z.preprocess(emptyAsUndefined, z.string().default('.data/warehouse.duckdb')),
  // DuckDB takes 80 % of the machine's memory by default; the app shares it with Node, the browser and a
  // PostgreSQL or two, so a quarter is the default here, and at most 3 GB, which holds a month of the scale
  // tier's dashboards and lets a 32M-event load spill the rest (its peak stays under 4 GB).
  DUCKDB_MEMORY_LIMIT: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, {
        error: 'DUCKDB_MEMORY_LIMIT must be an amount of memory such as 512MB or 4GB',
      })
      .default(`${Math.min(3072, Math.max(256, Math.floor(totalmem() / 4 / 1024 / 1024)))}MB`),
  ),
  DUCKDB_THREADS: intInRange('DUCKDB_THREADS', 1, 256, Math.max(1, availableParallelism())),
  STATEMENT_TIMEOUT_MS: intInRange('STATEMENT_TIMEOUT_MS', 100, 3_600_000, 30_000),
  DB_POOL_MAX: intInRange('DB_POOL_MAX', 1, 100, 10),
  // Past the pool, requests wait in a bounded queue for a bounded time, then get a 503: under a burst the
  // app answers "busy, retry" instead of piling up requests until memory or clients give out.
  DB_QUEUE_MAX: intInRange('DB_QUEUE_MAX', 0, 10_000, 100),
  DB_QUEUE_TIMEOUT_MS: intInRange('DB_QUEUE_TIMEOUT_MS', 10, 600_000, 10_000),
  // A warehouse that is down should cost a request seconds, not the driver's default of waiting forever.
  DB_CONNECT_TIMEOUT_MS: intInRange('DB_CONNECT_TIMEOUT_MS', 100, 60_000, 2_000),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Validates the environment once; a bad value fails with a sentence naming the variable, not a stack trace. */
export function parseServerEnv(env: Record<string, string | undefined> = process.env): ServerEnv {
  const result = serverEnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.message}.`.replace(/\.\.$/, '.'));
    throw new ConfigError(`The warehouse is not configured correctly: ${problems.join(' ')}`);
  }
  return result.data;
}

/** The connection string with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
