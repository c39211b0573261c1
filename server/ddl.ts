import 'server-only';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SQL_DIR } from '@/db/sql-files';

export interface DdlFile {
  /** Path under sql/, as it is committed. */
  path: string;
  text: string;
}

export const DDL_DIALECTS = ['redshift', 'postgres', 'duckdb'] as const;
export type DdlDialect = (typeof DDL_DIALECTS)[number];

const WAREHOUSE_DDL: Record<DdlDialect, string> = {
  redshift: 'redshift/warehouse.sql',
  postgres: 'postgres/warehouse.sql',
  duckdb: 'duckdb/warehouse.sql',
};

function read(path: string): DdlFile {
  return { path: `sql/${path}`, text: readFileSync(join(SQL_DIR, path), 'utf8') };
}

/** The committed DDL files, read as they are: the page offers exactly what sql/ holds. */
export function getWarehouseDdl(dialect: DdlDialect): DdlFile {
  return read(WAREHOUSE_DDL[dialect]);
}

/** The Redshift-only streaming-ingestion scripts (Kinesis source and the micro-batch that feeds the ELT). */
export function getStreamingDdl(): DdlFile[] {
  return readdirSync(join(SQL_DIR, 'redshift', 'streaming'))
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => read(join('redshift', 'streaming', name)));
}

export function isDdlDialect(value: string): value is DdlDialect {
  return (DDL_DIALECTS as readonly string[]).includes(value);
}
