import type { ColumnModel, TableModel } from '../schema/model-types';
import { commentLines, foreignKeyLines, keyConstraintLines } from './constraints';

/**
 * Redshift functions the warehouse SQL uses that DuckDB lacks, as macros with Redshift's semantics over
 * DuckDB's ICU time zones: `timezone(zone, timestamp)` reads a wall-clock time in a zone (an instant), and
 * `timezone(zone, instant)` gives the wall-clock time there.
 */
export const duckdbCompatibility = [
  `CREATE OR REPLACE MACRO convert_timezone(source_zone, target_zone, ts) AS
    CAST(timezone(target_zone, timezone(source_zone, CAST(ts AS TIMESTAMP))) AS TIMESTAMP);`,
];

/** The PostgreSQL spelling of a column type in DuckDB's: the same names but for floats and sub-second precision. */
export function toDuckdbType(postgresType: string): string {
  if (postgresType === 'double precision') return 'DOUBLE';
  // DuckDB's TIMESTAMP keeps microseconds and takes no precision; the loader writes whole milliseconds.
  if (/^timestamp\(\d\)$/.test(postgresType)) return 'TIMESTAMP';
  const numeric = /^numeric\((\d+),(\d+)\)$/.exec(postgresType);
  if (numeric) return `DECIMAL(${numeric[1]},${numeric[2]})`;
  return postgresType.toUpperCase();
}

function sequenceName(t: TableModel, c: ColumnModel): string {
  return `seq_${t.name}_${c.name}`;
}

function columnLine(t: TableModel, c: ColumnModel): string {
  const parts = [c.name, toDuckdbType(c.postgresType)];
  // DuckDB has no identity columns: a sequence of the same name gives the default, as on PostgreSQL.
  if (c.identity) parts.push(`DEFAULT nextval('${sequenceName(t, c)}')`);
  if (!c.nullable) parts.push('NOT NULL');
  return parts.join(' ');
}

/**
 * Redshift's physical design translated for DuckDB, one node with columnar storage: DISTSTYLE and DISTKEY
 * have no meaning; a SORTKEY is the order the ELT writes rows in, which DuckDB's per-row-group min/max
 * (zone maps) then uses to skip what a filter excludes, as Redshift's do per block; ENCODE gives way to
 * DuckDB's automatic compression per column segment. Keys are informational, as on Redshift (which does
 * not enforce them either): guaranteed by the ELT and checked by its tests. Enforcing them would keep an
 * in-memory index of every key (32M staged event ids at the scale tier) and check each row of a load.
 */
export function renderDuckdbTable(t: TableModel, options: { ifNotExists?: boolean } = {}): string[] {
  const ifNotExists = options.ifNotExists ? 'IF NOT EXISTS ' : '';
  const sequences = t.columns
    .filter((c) => c.identity)
    .map((c) => `CREATE SEQUENCE ${ifNotExists}${sequenceName(t, c)} START 1;`);
  const informational = [...keyConstraintLines(t), ...foreignKeyLines(t)].map((l) => `\n    -- informational, as on Redshift: ${l}`).join('');
  const body = t.columns.map((c) => `    ${columnLine(t, c)}`).join(',\n');
  const sortedBy = t.sortKey ? `\n    -- Redshift SORTKEY (${t.sortKey.columns.join(', ')}): zone maps skip by it as far as rows are written in its order` : '';
  // DuckDB 1.5 cannot replay from its write-ahead log a column comment on a table whose default calls
  // nextval() (it fails with "no default database set" and the file will not open), so after a crash
  // those tables would be lost: their columns are documented in the model pages and the other DDL only.
  const comments = commentLines(t).filter((line) => !(t.columns.some((c) => c.identity) && line.startsWith('COMMENT ON COLUMN')));
  return [...sequences, `CREATE TABLE ${ifNotExists}${t.name} (\n${body}${informational}${sortedBy}\n);`, ...comments];
}

export function renderDuckdbDdl(model: readonly TableModel[]): string {
  const header = [
    '-- StreamFlix engagement warehouse: the DuckDB translation of the Redshift DDL.',
    '-- Generated from db/schema by `npm run db:ddl`; edit the schema, not this file.',
    '-- DISTSTYLE and DISTKEY are dropped (one node); ENCODE gives way to automatic compression; a SORTKEY pays off as',
    '-- the order rows are written in (the fact loads sort by it), which row-group zone maps skip by; identity columns take a sequence; keys are',
    '-- informational as on Redshift; Redshift functions the SQL relies on are macros with Redshift semantics.',
  ].join('\n');
  const tables = model.map((t) => renderDuckdbTable(t).join('\n'));
  return `${[header, duckdbCompatibility.join('\n\n'), ...tables].join('\n\n')}\n`;
}

/**
 * A scalar SQL function of sql/functions/ (`CREATE OR REPLACE FUNCTION name (types) RETURNS type … AS $$
 * SELECT expression $$ LANGUAGE sql;`, the form Redshift and PostgreSQL share) as a DuckDB macro: positional
 * arguments get names, and the few spellings DuckDB lacks are translated. The file stays the one definition.
 */
export function toDuckdbMacro(statement: string): string {
  const m = /CREATE\s+OR\s+REPLACE\s+FUNCTION\s+(\w+)\s*\(([^)]*)\)\s*RETURNS\s+(\w+)[\s\S]*?\$\$\s*SELECT\s+([\s\S]*?)\s*\$\$/i.exec(statement);
  if (!m) throw new Error(`not a scalar SQL function DuckDB can take as a macro: ${statement.slice(0, 80)}`);
  const [, name, argTypes, returns, expression] = m as unknown as [string, string, string, string, string];
  const args = argTypes.split(',').map((_, i) => `arg${i + 1}`);
  const body = expression
    .replace(/\$(\d+)/g, (_, n: string) => `arg${n}`)
    // TO_CHAR's date pattern YYYYMMDD is strftime's %Y%m%d.
    .replace(/TO_CHAR\(([^,]+),\s*'YYYYMMDD'\)/gi, (_, value: string) => `strftime(${value}, '%Y%m%d')`);
  return `CREATE OR REPLACE MACRO ${name}(${args.join(', ')}) AS (CAST((${body}) AS ${returns.toUpperCase()}));`;
}
