import type { Encoding } from './model-types';

/**
 * PostgreSQL type (as drizzle declares it) → Redshift type. Only types that exist on both sides are
 * accepted, so the schema cannot drift into something Redshift would refuse (TEXT, JSONB, SERIAL…).
 */
const exact: Record<string, string> = {
  smallint: 'SMALLINT',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  boolean: 'BOOLEAN',
  date: 'DATE',
  'double precision': 'DOUBLE PRECISION',
  real: 'REAL',
  timestamp: 'TIMESTAMP',
};

export function toRedshiftType(postgresType: string): string {
  const known = exact[postgresType];
  if (known) return known;
  let m = /^varchar\((\d+)\)$/.exec(postgresType);
  if (m) return `VARCHAR(${m[1]})`;
  m = /^char\((\d+)\)$/.exec(postgresType);
  if (m) return `CHAR(${m[1]})`;
  m = /^numeric\((\d+),(\d+)\)$/.exec(postgresType);
  if (m) return `DECIMAL(${m[1]},${m[2]})`;
  // Redshift keeps microseconds and takes no precision; PostgreSQL's (3) pins the contract's milliseconds.
  if (/^timestamp\(\d\)$/.test(postgresType)) return 'TIMESTAMP';
  throw new Error(`type ${postgresType} has no Redshift equivalent; use VARCHAR(n), DECIMAL(p,s), INTEGER…`);
}

type TypeFamily = 'int' | 'decimal' | 'float' | 'bool' | 'char' | 'varchar' | 'date' | 'timestamp';

function family(redshiftType: string): TypeFamily {
  if (/^(SMALLINT|INTEGER|BIGINT)$/.test(redshiftType)) return 'int';
  if (redshiftType.startsWith('DECIMAL')) return 'decimal';
  if (/^(REAL|DOUBLE PRECISION)$/.test(redshiftType)) return 'float';
  if (redshiftType === 'BOOLEAN') return 'bool';
  if (redshiftType.startsWith('CHAR')) return 'char';
  if (redshiftType.startsWith('VARCHAR')) return 'varchar';
  if (redshiftType === 'DATE') return 'date';
  return 'timestamp';
}

/** The AWS compression-encoding table, restricted to the encodings and types this model uses. */
const allowed: Record<Encoding, readonly TypeFamily[]> = {
  RAW: ['int', 'decimal', 'float', 'bool', 'char', 'varchar', 'date', 'timestamp'],
  AZ64: ['int', 'decimal', 'date', 'timestamp'],
  ZSTD: ['int', 'decimal', 'float', 'bool', 'char', 'varchar', 'date', 'timestamp'],
  RUNLENGTH: ['int', 'decimal', 'float', 'bool', 'char', 'varchar', 'date', 'timestamp'],
  BYTEDICT: ['int', 'decimal', 'float', 'char', 'varchar', 'date', 'timestamp'],
  LZO: ['int', 'decimal', 'char', 'varchar', 'date', 'timestamp'],
  DELTA: ['int', 'decimal', 'date', 'timestamp'],
  TEXT255: ['varchar'],
};

export function isEncodingValid(encoding: Encoding, redshiftType: string): boolean {
  return allowed[encoding].includes(family(redshiftType));
}
