/**
 * "Would this also run on Redshift?" The app executes its SQL on PostgreSQL/PGlite locally, where
 * plenty of PostgreSQL-only syntax works; these rules catch that syntax before it reaches production.
 * Rules run on masked text (see maskSql) so string literals, quoted identifiers and comments never match.
 */
import { maskSql, splitStatementRanges } from './sql-text';

export type LintViolation = { rule: string; message: string; index: number };

interface Rule {
  id: string;
  message: string;
  /** Offsets (within the masked statement) where the rule fires. */
  find: (masked: string, original: string) => number[];
}

const IDENT = String.raw`(?:"[^"]*"|[A-Za-z_][\w$]*)`;

function matchAll(pattern: RegExp): Rule['find'] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  return (masked) => [...masked.matchAll(global)].map((m) => m.index);
}

function anyOf(...finders: Rule['find'][]): Rule['find'] {
  return (masked, original) => finders.flatMap((f) => f(masked, original));
}

/** Only statements that define or alter a table's columns, where a type word really is a column type. */
function inTableDdl(find: Rule['find']): Rule['find'] {
  return (masked, original) =>
    /^\s*(?:CREATE\s+(?:(?:LOCAL|GLOBAL)\s+)?(?:(?:TEMP|TEMPORARY)\s+)?TABLE|ALTER\s+TABLE)\b/i.test(masked)
      ? find(masked, original)
      : [];
}

/** A type name where it can only be a type: a `::` cast, `CAST(... AS t)`, or a column definition in DDL. */
function typePositions(types: string): Rule['find'] {
  return anyOf(
    matchAll(new RegExp(String.raw`(?<=::\s*)\b(?:${types})\b`, 'i')),
    matchAll(new RegExp(String.raw`(?<=\bAS\s+)\b(?:${types})\b(?=\s*(?:\)|\[))`, 'i')),
    columnTypePositions(types),
  );
}

function columnTypePositions(types: string): Rule['find'] {
  return inTableDdl(
    anyOf(
      matchAll(new RegExp(String.raw`(?<=[(,]\s*${IDENT}\s+)\b(?:${types})\b`, 'i')),
      matchAll(
        new RegExp(String.raw`(?<=\bADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?${IDENT}\s+)\b(?:${types})\b`, 'i'),
      ),
      matchAll(new RegExp(String.raw`(?<=\bTYPE\s+)\b(?:${types})\b`, 'i')),
    ),
  );
}

function plpgsqlFunction(masked: string, original: string): number[] {
  const create = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\b/i.exec(masked);
  if (!create) return [];
  // The language name may be quoted ('plpgsql'), and quoted text is masked, so read it from the original.
  for (const m of masked.matchAll(/\bLANGUAGE\s+(?:plpgsql\b|'([^']*)')/gi)) {
    if (m[1] === undefined) return [create.index + create[0].search(/\S/)];
    const start = m.index + m[0].indexOf("'") + 1;
    if (original.slice(start, start + m[1].length).trim().toLowerCase() === 'plpgsql') {
      return [create.index + create[0].search(/\S/)];
    }
  }
  return [];
}

const PG_JSON_FUNCTIONS = String.raw`jsonb_\w+|json_(?:build_object|build_array|agg|object_agg|object|each|each_text|array_elements|array_elements_text|populate_record|populate_recordset|to_record|to_recordset|strip_nulls|object_keys)|to_jsonb?|row_to_json|array_to_json`;

const RULES: Rule[] = [
  {
    id: 'generate-series',
    message: 'generate_series is leader-node only on Redshift; join a numbers/date dimension table instead.',
    find: matchAll(/\bgenerate_series\b/i),
  },
  {
    id: 'aggregate-filter',
    message: 'Redshift has no aggregate FILTER (WHERE ...); put CASE WHEN ... END inside the aggregate.',
    find: matchAll(/(?<=\)\s*)\bFILTER\s*\(\s*WHERE\b/i),
  },
  {
    id: 'distinct-on',
    message: 'Redshift has no DISTINCT ON; keep the first row per group with ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) = 1.',
    find: matchAll(/\bDISTINCT\s+ON\b/i),
  },
  {
    id: 'lateral',
    message: 'Redshift has no LATERAL joins; rewrite as a join to a grouped subquery or a window function.',
    find: matchAll(/\bLATERAL\b/i),
  },
  {
    id: 'on-conflict',
    message: 'Redshift has no INSERT ... ON CONFLICT; use DELETE + INSERT in one transaction, or MERGE.',
    find: matchAll(/\bON\s+CONFLICT\b/i),
  },
  {
    id: 'is-distinct-from',
    message: 'Redshift has no IS [NOT] DISTINCT FROM; compare with (a = b OR (a IS NULL AND b IS NULL)) or COALESCE.',
    find: matchAll(/\bIS\s+(?:NOT\s+)?DISTINCT\s+FROM\b/i),
  },
  {
    id: 'statistical-aggregate',
    message: 'Redshift has no CORR/REGR_*/COVAR_* aggregates; compute them from SUM, COUNT and AVG (e.g. sums of x*y, x*x).',
    find: matchAll(/\b(?:CORR|REGR_\w+|COVAR_POP|COVAR_SAMP)\s*\(/i),
  },
  {
    id: 'string-agg',
    message: 'Redshift has no string_agg; use LISTAGG(expr, delimiter) WITHIN GROUP (ORDER BY ...).',
    find: matchAll(/\bSTRING_AGG\s*\(/i),
  },
  {
    id: 'array-agg',
    message: 'Redshift has no array_agg; use LISTAGG(expr, delimiter) WITHIN GROUP (ORDER BY ...).',
    find: matchAll(/\bARRAY_AGG\s*\(/i),
  },
  {
    id: 'array',
    message: 'Redshift has no PostgreSQL arrays; use an IN list, a join, LISTAGG, or a SUPER column.',
    find: anyOf(
      matchAll(/\bARRAY\s*[[(]/i),
      matchAll(/\b[A-Za-z_]\w*(?:\s*\(\s*\d+\s*(?:,\s*\d+\s*)?\))?\s*\[\s*\]/i),
      matchAll(/(?<=::\s*)\b[A-Za-z_]\w*(?:\s*\([^()]*\))?\s*\[/i),
    ),
  },
  {
    id: 'now',
    message: 'NOW()/CURRENT_TIMESTAMP are leader-node or transaction-start only on Redshift; use GETDATE()/SYSDATE or pass the time in as a parameter.',
    find: matchAll(/\bNOW\s*\(\s*\)|\bCURRENT_TIMESTAMP\b/i),
  },
  {
    id: 'substr',
    message: 'Use SUBSTRING(x FROM start FOR length), which both engines treat identically.',
    find: matchAll(/\bSUBSTR\s*\(/i),
  },
  {
    id: 'json',
    message: 'Redshift has no JSON/JSONB types or operators; store SUPER and use JSON_PARSE, JSON_EXTRACT_PATH_TEXT or PartiQL navigation.',
    find: anyOf(
      // `? ||` is a positional parameter followed by concatenation, not the ?| operator.
      matchAll(/->>?|#>>?|@>|<@|\?&|\?\|(?!\|)/),
      matchAll(/\bJSONB\b/i),
      typePositions('JSON'),
      matchAll(new RegExp(String.raw`\b(?:${PG_JSON_FUNCTIONS})\s*\(`, 'i')),
    ),
  },
  {
    id: 'create-index',
    message: 'Redshift has no indexes; use DISTKEY/SORTKEY in the table definition.',
    find: matchAll(/\bCREATE\s+(?:UNIQUE\s+)?INDEX\b/i),
  },
  {
    id: 'values-table',
    message: 'Redshift cannot use VALUES as a table (FROM/JOIN/USING (VALUES ...)); use SELECT ... UNION ALL SELECT ... or a staging table.',
    find: matchAll(/(?<=\(\s*)\bVALUES\b/i),
  },
  {
    id: 'limit-parameter',
    message: 'Redshift LIMIT/OFFSET take only an integer literal (or ALL); inline a validated integer instead of a bind parameter or expression.',
    find: matchAll(/\b(?:LIMIT|OFFSET)\b(?!\s+(?:\d+|ALL)(?![\w.$]))/i),
  },
  {
    id: 'returning',
    message: 'Redshift has no RETURNING; read the affected rows back with a SELECT on the same key.',
    find: matchAll(/\bRETURNING\b/i),
  },
  {
    id: 'type',
    message: 'Not a Redshift type: use BIGINT GENERATED BY DEFAULT AS IDENTITY(1,1) for SERIAL, VARCHAR(n) for TEXT/UUID, VARBYTE for BYTEA, SUPER for JSONB.',
    find: anyOf(
      matchAll(/\b(?:SMALL|BIG)?SERIAL\b|\bBYTEA\b|\bJSONB\b/i),
      typePositions('UUID'),
      columnTypePositions('TEXT'),
    ),
  },
  {
    id: 'copy-stdin',
    message: 'Redshift COPY reads from S3 (COPY t FROM \'s3://...\' IAM_ROLE ...), not STDIN/STDOUT.',
    find: matchAll(/\bCOPY\b(?=[^;]*?\b(?:FROM\s+STDIN|TO\s+STDOUT)\b)/i),
  },
  {
    id: 'plpgsql-function',
    message: 'Redshift functions cannot be PL/pgSQL; use LANGUAGE sql (or a stored PROCEDURE).',
    find: plpgsqlFunction,
  },
  {
    id: 'truncate',
    message: 'TRUNCATE commits the open transaction on Redshift; use DELETE FROM inside transforms.',
    find: matchAll(/\bTRUNCATE\b/i),
  },
];

export const REDSHIFT_RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function lintRedshift(sql: string): LintViolation[] {
  const masked = maskSql(sql);
  const violations: LintViolation[] = [];
  for (const { text, start } of splitStatementRanges(sql)) {
    const maskedStatement = masked.slice(start, start + text.length);
    for (const rule of RULES) {
      for (const at of new Set(rule.find(maskedStatement, text))) {
        violations.push({ rule: rule.id, message: rule.message, index: start + at });
      }
    }
  }
  return violations.sort((a, b) => a.index - b.index || a.rule.localeCompare(b.rule));
}

function describeViolation(sql: string, v: LintViolation): string {
  const line = sql.slice(0, v.index).split('\n').length;
  const snippet = sql.slice(v.index, v.index + 60).replace(/\s+/g, ' ').trim();
  return `  - ${v.rule} (line ${line}): ${v.message}\n      at: ${snippet}`;
}

export function assertRedshiftCompatible(sql: string, context?: string): void {
  const violations = lintRedshift(sql);
  if (violations.length === 0) return;
  const where = context ? ` in ${context}` : '';
  const rules = [...new Set(violations.map((v) => v.rule))].join(', ');
  throw new Error(
    `SQL${where} is not Redshift-compatible (${rules}):\n${violations.map((v) => describeViolation(sql, v)).join('\n')}`,
  );
}
