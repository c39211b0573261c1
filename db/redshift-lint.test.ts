import { describe, it, expect } from 'vitest';
import { REDSHIFT_RULE_IDS, assertRedshiftCompatible, lintRedshift } from './redshift-lint';

const rulesOf = (sql: string) => [...new Set(lintRedshift(sql).map((v) => v.rule))].sort();

/** Each rule with statements it must flag and near misses it must leave alone. */
const RULE_CASES: Record<string, { flag: string[]; allow: string[] }> = {
  'generate-series': {
    flag: ['SELECT d FROM generate_series(1, 10) AS d', "SELECT * FROM GENERATE_SERIES('2026-01-01'::date, '2026-02-01', '1 day')"],
    allow: ['SELECT generate_series_id FROM t', "SELECT 'generate_series(1, 2)'", '-- a comment mentioning generate_series\nSELECT 1'],
  },
  'aggregate-filter': {
    flag: ['SELECT COUNT(*) FILTER (WHERE x > 1) FROM t', 'SELECT sum(v) filter(where ok) FROM t'],
    allow: ['SELECT SUM(CASE WHEN x > 1 THEN 1 ELSE 0 END) FROM t', 'SELECT filtered_at, filter FROM t WHERE (filter)'],
  },
  'distinct-on': {
    flag: ['SELECT DISTINCT ON (user_key) user_key, ts FROM t ORDER BY user_key, ts'],
    allow: ['SELECT COUNT(DISTINCT x) FROM t', 'SELECT DISTINCT on_time FROM t', 'SELECT ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) FROM t'],
  },
  lateral: {
    flag: ['SELECT * FROM a, LATERAL (SELECT * FROM b WHERE b.id = a.id) x', 'SELECT * FROM a CROSS JOIN lateral f(a.x)'],
    allow: ['SELECT lateral_movement FROM t', 'SELECT collateral FROM t'],
  },
  'on-conflict': {
    flag: ['INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING', 'insert into t select * from s on  conflict do nothing'],
    allow: ['MERGE INTO t USING stage s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v)', 'SELECT * FROM a JOIN conflicts c ON c.id = a.id'],
  },
  'is-distinct-from': {
    flag: ['SELECT * FROM t WHERE a IS DISTINCT FROM b', 'SELECT * FROM t WHERE a is not distinct from b'],
    allow: ['SELECT COUNT(DISTINCT a) FROM t WHERE b IS NOT NULL', 'SELECT DISTINCT a FROM t'],
  },
  'statistical-aggregate': {
    flag: ['SELECT CORR(x, y) FROM t', 'SELECT regr_slope(y, x) FROM t', 'SELECT covar_pop(x, y), COVAR_SAMP(x, y) FROM t'],
    allow: ['SELECT corr_score, regr_label FROM t', 'SELECT STDDEV_SAMP(x), VAR_POP(x) FROM t', 'SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x) FROM t'],
  },
  'string-agg': {
    flag: ["SELECT string_agg(name, ',') FROM t"],
    allow: ["SELECT LISTAGG(x, ',') WITHIN GROUP (ORDER BY x) FROM t", 'SELECT string_agg_total FROM t'],
  },
  'array-agg': {
    flag: ['SELECT ARRAY_AGG(id ORDER BY id) FROM t'],
    allow: ["SELECT LISTAGG(x, ',') WITHIN GROUP (ORDER BY x) FROM t", 'SELECT array_agg_count FROM t'],
  },
  array: {
    flag: ['SELECT ARRAY[1, 2, 3]', 'SELECT ARRAY(SELECT id FROM t)', 'SELECT $1::text[]', 'SELECT * FROM t WHERE id = ANY($1::bigint[])', 'CREATE TABLE t (tags varchar(20)[])'],
    allow: ['SELECT array_length_x, arrays FROM t', 'SELECT c.orders[0].id FROM customers c'],
  },
  now: {
    flag: ['SELECT NOW()', 'SELECT now ( ) - interval 1', 'SELECT CURRENT_TIMESTAMP', 'UPDATE t SET ts = current_timestamp'],
    allow: ['SELECT GETDATE(), SYSDATE', "SELECT 'text with now() or -> inside a string'", 'SELECT nowhere, known FROM t', 'SELECT CURRENT_DATE'],
  },
  substr: {
    flag: ['SELECT SUBSTR(x, 1, 2) FROM t', 'SELECT substr (x, 3) FROM t'],
    allow: ['SELECT SUBSTRING(x FROM 1 FOR 2) FROM t', 'SELECT SUBSTRING(x, 1, 2) FROM t', 'SELECT substr_count FROM t'],
  },
  json: {
    flag: [
      "SELECT payload->'a' FROM t",
      "SELECT payload->>'a' FROM t",
      "SELECT payload #> '{a,b}', payload #>> '{a}' FROM t",
      "SELECT * FROM t WHERE payload @> '{}'",
      "SELECT * FROM t WHERE '{}' <@ payload",
      "SELECT * FROM t WHERE payload ?| '{a}' OR payload ?& '{b}'",
      'CREATE TABLE t (id INT, payload JSONB)',
      'CREATE TABLE t (id INT, payload json)',
      "SELECT '{}'::json",
      "SELECT jsonb_build_object('a', 1)",
      'SELECT row_to_json(t) FROM t',
    ],
    allow: [
      "SELECT JSON_EXTRACT_PATH_TEXT(payload, 'a'), JSON_PARSE(s), IS_VALID_JSON(s) FROM t",
      'SELECT json_payload_id FROM t',
      'SELECT a - b, a > b, a >= -1 FROM t',
      "SELECT a || ? || 'x' FROM t",
    ],
  },
  'create-index': {
    flag: ['CREATE INDEX ix_t_a ON t (a)', 'create unique index ux ON t (a, b)'],
    allow: ['CREATE TABLE t_index (a INT)', 'SELECT index_key FROM t'],
  },
  'values-table': {
    flag: [
      'SELECT * FROM (VALUES (1, 2), (3, 4)) AS v(a, b)',
      'SELECT * FROM t JOIN ( VALUES (1) ) v(a) ON v.a = t.a',
      'MERGE INTO t USING (VALUES (1, 2)) s(a, b) ON t.a = s.a WHEN MATCHED THEN DELETE',
    ],
    allow: ['INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)', 'INSERT INTO t VALUES (1, 2)', 'INSERT INTO t (a, b) SELECT a, b FROM s'],
  },
  'limit-parameter': {
    flag: ['SELECT * FROM t LIMIT $1', 'SELECT * FROM t LIMIT ?', 'SELECT * FROM t LIMIT 10 OFFSET $2', 'SELECT * FROM t LIMIT (SELECT 5)', 'SELECT * FROM t LIMIT 1.5'],
    allow: ['SELECT * FROM t LIMIT 100', 'SELECT * FROM t LIMIT 10 OFFSET 20', 'SELECT * FROM t LIMIT ALL', 'SELECT limited, time_offset FROM t'],
  },
  returning: {
    flag: ['INSERT INTO t (a) VALUES (1) RETURNING id', 'DELETE FROM t WHERE a = 1 returning *'],
    allow: ['SELECT returning_user FROM t', 'DELETE FROM t USING s WHERE t.id = s.id'],
  },
  type: {
    flag: [
      'CREATE TABLE t (id SERIAL PRIMARY KEY)',
      'CREATE TABLE t (id BIGSERIAL, b SMALLSERIAL)',
      'CREATE TABLE t (id UUID, blob BYTEA)',
      'CREATE TABLE t (id INT, note TEXT)',
      'CREATE TEMP TABLE t (note text NOT NULL)',
      'ALTER TABLE t ADD COLUMN note TEXT',
      'ALTER TABLE t ALTER COLUMN note TYPE text',
      'SELECT gen_id::uuid FROM t',
      'SELECT CAST(x AS UUID) FROM t',
    ],
    allow: [
      'CREATE TABLE t (texture VARCHAR(64), text_len INT, uuid_str CHAR(36))',
      'SELECT uuid, x::text, CAST(y AS TEXT) FROM t',
      'CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY(1,1), n VARCHAR(64) ENCODE TEXT255)',
      "COMMENT ON COLUMN t.c IS 'a text column'",
    ],
  },
  'copy-stdin': {
    flag: ['COPY t (a, b) FROM STDIN WITH (FORMAT csv)', 'copy t to stdout'],
    allow: ["COPY t FROM 's3://bucket/key' IAM_ROLE 'arn:aws:iam::1:role/r' FORMAT AS CSV", 'SELECT copy_count FROM t'],
  },
  'plpgsql-function': {
    flag: [
      'CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql',
      "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE 'plpgsql' AS $$ BEGIN RETURN 1; END $$",
    ],
    allow: [
      'CREATE FUNCTION f(int) RETURNS int STABLE AS $$ SELECT $1 + 1 $$ LANGUAGE sql',
      'CREATE OR REPLACE PROCEDURE p() AS $$ BEGIN DELETE FROM t; END $$ LANGUAGE plpgsql',
    ],
  },
  truncate: {
    flag: ['TRUNCATE fact_plays', 'truncate table stage_events'],
    allow: ['DELETE FROM fact_plays', "SELECT DATE_TRUNC('day', ts), TRUNC(x) FROM t"],
  },
};

describe('lintRedshift rules', () => {
  it('has flag and near-miss cases for every rule', () => {
    expect(Object.keys(RULE_CASES).sort()).toEqual([...REDSHIFT_RULE_IDS].sort());
  });

  for (const [rule, { flag, allow }] of Object.entries(RULE_CASES)) {
    describe(rule, () => {
      it.each(flag)('flags: %s', (sql) => {
        expect(rulesOf(sql)).toContain(rule);
      });
      it.each(allow)('allows: %s', (sql) => {
        expect(rulesOf(sql)).not.toContain(rule);
      });
    });
  }
});

describe('lintRedshift on valid Redshift SQL', () => {
  const valid = [
    'SELECT SUBSTRING(x FROM 1 FOR 2) FROM t',
    "SELECT CONVERT_TIMEZONE('UTC', tz, ts) FROM t",
    'SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x) FROM t',
    'SELECT COUNT(DISTINCT x), SUM(CASE WHEN a > 0 THEN b ELSE 0 END) FROM t',
    'SELECT a, ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) AS rn FROM t LIMIT 100',
    'MERGE INTO fact_plays USING stage_plays s ON fact_plays.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v)',
    'INSERT INTO t (a, b) SELECT a, b FROM s',
    'INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)',
    'DELETE FROM t USING s WHERE t.id = s.id',
    "SELECT x::DECIMAL(12,3), CAST(y AS DOUBLE PRECISION), '2026-01-01'::date, EXTRACT(EPOCH FROM ts) FROM t",
    "SELECT 'text with now() or -> inside a string'",
    '-- a comment mentioning generate_series\nSELECT 1',
    '/* LATERAL, RETURNING; TRUNCATE */ SELECT filtered_at, texture FROM t',
    'SELECT "now()", "->" FROM t',
    'CREATE TEMP TABLE stage_x (id BIGINT, v VARCHAR(64))',
    "COMMENT ON COLUMN t.c IS 'uses now() and generate_series; TRUNCATE'",
    `CREATE TABLE fact_plays (
       play_key BIGINT GENERATED BY DEFAULT AS IDENTITY(1,1) ENCODE RAW,
       date_key INTEGER NOT NULL ENCODE RAW,
       user_key VARCHAR(64) NOT NULL ENCODE ZSTD,
       content_key INTEGER ENCODE AZ64,
       watched_at TIMESTAMP ENCODE AZ64,
       PRIMARY KEY (play_key)
     ) DISTSTYLE KEY DISTKEY (user_key) COMPOUND SORTKEY (date_key, content_key)`,
    "SELECT LISTAGG(x, ',') WITHIN GROUP (ORDER BY x) FROM t",
    "SELECT GETDATE(), SYSDATE, DATEADD(day, -1, GETDATE()), DATEDIFF(day, a, b) FROM t WHERE s LIKE 'a%'",
    'WITH x AS (SELECT a FROM t) SELECT a FROM x ORDER BY a LIMIT 10 OFFSET 5',
  ];
  it.each(valid)('no violations: %s', (sql) => {
    expect(lintRedshift(sql)).toEqual([]);
  });
});

describe('lintRedshift positions and scripts', () => {
  it('reports offsets into the whole input across statements', () => {
    const sql = "SELECT 1;\n-- now()\nSELECT 'x', NOW();";
    const [v, ...rest] = lintRedshift(sql);
    expect(rest).toEqual([]);
    expect(v?.rule).toBe('now');
    expect(sql.slice(v?.index, (v?.index ?? 0) + 5)).toBe('NOW()');
  });

  it('reports each occurrence, sorted by position', () => {
    const sql = 'SELECT NOW(), SUBSTR(a, 1) FROM t; TRUNCATE t; SELECT NOW()';
    const found = lintRedshift(sql).map((v) => [v.rule, v.index]);
    expect(found).toEqual([
      ['now', sql.indexOf('NOW()')],
      ['substr', sql.indexOf('SUBSTR')],
      ['truncate', sql.indexOf('TRUNCATE')],
      ['now', sql.lastIndexOf('NOW()')],
    ]);
  });

  it('names the Redshift alternative in messages', () => {
    const message = (sql: string) => lintRedshift(sql)[0]?.message ?? '';
    expect(message('SELECT COUNT(*) FILTER (WHERE a) FROM t')).toMatch(/CASE WHEN/);
    expect(message('SELECT DISTINCT ON (a) a FROM t')).toMatch(/ROW_NUMBER\(\)/);
    expect(message('INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING')).toMatch(/MERGE/);
    expect(message("SELECT string_agg(a, ',') FROM t")).toMatch(/LISTAGG/);
    expect(message('SELECT NOW()')).toMatch(/GETDATE\(\)/);
    expect(message('CREATE TABLE t (a TEXT)')).toMatch(/VARCHAR\(n\)/);
    expect(message('COPY t FROM STDIN')).toMatch(/S3/);
    expect(message('TRUNCATE t')).toMatch(/DELETE/);
  });
});

describe('assertRedshiftCompatible', () => {
  it('passes compatible SQL', () => {
    expect(() => assertRedshiftCompatible('SELECT GETDATE() FROM t LIMIT 5', 'ok query')).not.toThrow();
  });

  it('names every violated rule, the snippet and the context', () => {
    const sql = 'SELECT NOW(), string_agg(a, \',\')\nFROM t LIMIT $1';
    let message = '';
    try {
      assertRedshiftCompatible(sql, 'transforms/daily.sql');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('transforms/daily.sql');
    for (const rule of ['now', 'string-agg', 'limit-parameter']) expect(message).toContain(rule);
    expect(message).toContain('NOW()');
    expect(message).toContain('LIMIT $1');
    expect(message).toMatch(/line 2/);
  });

  it('works without a context', () => {
    expect(() => assertRedshiftCompatible('TRUNCATE t')).toThrow(/truncate/);
  });
});
