/**
 * Both drivers hand BIGINT and NUMERIC over as strings (they may not fit a JS number). Everything this
 * warehouse sums or counts fits, so they become numbers here, once; a value that does not parse becomes
 * null, never 0, so a driver surprise shows up as a gap instead of a wrong figure.
 */
export function parseNumber(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * TIMESTAMP columns hold UTC wall-clock time without a zone. pg would read them in the server process's
 * local zone; they are returned as ISO-8601 UTC strings instead so that no machine setting shifts them.
 */
export function parseUtcTimestamp(value: string | null): string | null {
  if (value === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?$/.exec(value);
  if (!m) return value;
  const millis = (m[3] ?? '.000').slice(1).padEnd(3, '0').slice(0, 3);
  return `${m[1]}T${m[2]}.${millis}Z`;
}

/** DATE stays a calendar date `YYYY-MM-DD`: turning it into a JS Date would attach a time zone it never had. */
export function parseDate(value: string | null): string | null {
  return value;
}

export const PG_OIDS = { INT8: 20, NUMERIC: 1700, TIMESTAMP: 1114, DATE: 1082 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_OIDS.INT8]: parseNumber,
  [PG_OIDS.NUMERIC]: parseNumber,
  [PG_OIDS.TIMESTAMP]: parseUtcTimestamp,
  [PG_OIDS.DATE]: parseDate,
};
