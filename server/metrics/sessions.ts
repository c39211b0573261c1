import 'server-only';

import { createHash } from 'node:crypto';

import { DURATION_BUCKETS } from './session-duration';
import { Binds, dimensionJoins, filterConditions, readColumns, rowWiseQuery, toNumber, whereClause, type Column, type MetricQuery } from './filters';
import { LENGTH_BUCKETS, ParamError, parseQuery, type DAY_TYPES, type Filters, type Format, type LengthBucket, type RawParams, FILTER_NAMES } from './params';
import type { Period } from './period';

/**
 * Metric 10, /api/sessions: the sessions in the period that match the filters and the selection behind a
 * figure, newest session_start_ts first (ties by session_id), a page at a time by keyset: the cursor holds
 * the last row's (session_start_ts, session_id), so page 50 costs what page 1 costs.
 */

export const SESSION_PARAMS = ['from', 'to', 'format', ...FILTER_NAMES, 'content_id', 'user_id', 'day_type', 'hour', 'completed', 'length_bucket', 'limit', 'cursor'] as const;
export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

export interface SessionParams {
  from?: string;
  to?: string;
  format: Format;
  filters: Filters;
  content_id?: string;
  user_id?: string;
  day_type?: (typeof DAY_TYPES)[number];
  hour?: number;
  completed?: boolean;
  length_bucket?: LengthBucket;
  /** JSON: the page size (default 100); CSV: every row unless given. */
  limit?: number;
  cursor?: Keyset;
}

/** The last row of a page: where the next one starts. */
export interface Keyset {
  ts: string;
  id: string;
}

/** What a cursor is bound to: the request's own parameters, not its page. */
function fingerprint(params: Omit<SessionParams, 'cursor' | 'format' | 'limit'>): string {
  const { from, to, filters, content_id, user_id, day_type, hour, completed, length_bucket } = params;
  return JSON.stringify([from, to, FILTER_NAMES.map((f) => filters[f] ?? null), content_id, user_id, day_type, hour, completed, length_bucket]);
}

const checksum = (payload: string, bound: string) => createHash('sha256').update(`${payload}|${bound}`).digest('base64url').slice(0, 22);

/**
 * `<payload>.<checksum>`: the payload is base64url JSON of the keyset, the checksum covers it and the
 * request it belongs to, so an edited cursor, or one sent with other filters, is refused. Its values are
 * bound parameters in any case, never text of the statement.
 */
export function encodeCursor(keyset: Keyset, params: Omit<SessionParams, 'cursor' | 'format' | 'limit'>): string {
  const payload = Buffer.from(JSON.stringify([keyset.ts, keyset.id])).toString('base64url');
  return `${payload}.${checksum(payload, fingerprint(params))}`;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeCursor(cursor: string, params: Omit<SessionParams, 'cursor' | 'format' | 'limit'>): Keyset {
  const refuse = () => new ParamError('cursor', 'cursor is not a cursor this API gave for these parameters; start again without it');
  const [payload, sum, ...rest] = cursor.split('.');
  if (!payload || !sum || rest.length > 0 || checksum(payload, fingerprint(params)) !== sum) throw refuse();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(value) || value.length !== 2) throw refuse();
  const [ts, id] = value as unknown[];
  if (typeof ts !== 'string' || !TIMESTAMP.test(ts) || Number.isNaN(Date.parse(ts)) || typeof id !== 'string' || id.length === 0 || id.length > 128) throw refuse();
  return { ts, id };
}

/** Parses /api/sessions' parameters; throws ParamError on the first problem, before the warehouse is asked anything. */
export function parseSessionParams(raw: RawParams): SessionParams {
  const p = parseQuery('sessions', SESSION_PARAMS, raw);
  if (p.limit !== undefined && p.limit > MAX_PAGE) throw new ParamError('limit', `limit must be between 1 and ${MAX_PAGE}`);
  const params: SessionParams = { format: p.format, filters: p.filters };
  if (p.from !== undefined && p.to !== undefined) Object.assign(params, { from: p.from, to: p.to });
  if (p.content_id !== undefined) params.content_id = p.content_id;
  if (p.user_id !== undefined) params.user_id = p.user_id;
  if (p.day_type !== undefined) params.day_type = p.day_type;
  if (p.hour !== undefined) params.hour = p.hour;
  if (p.completed !== undefined) params.completed = p.completed === 'true';
  if (p.length_bucket !== undefined) params.length_bucket = p.length_bucket;
  const limit = p.limit ?? (p.format === 'json' ? DEFAULT_PAGE : undefined);
  if (limit !== undefined) params.limit = limit;
  if (p.cursor !== undefined) params.cursor = decodeCursor(p.cursor, params);
  return params;
}

export const SESSION_COLUMNS: Column[] = [
  { name: 'session_id', type: 'string' },
  { name: 'user_id', type: 'string' },
  { name: 'content_id', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'device_type', type: 'string' },
  { name: 'local_start', type: 'string' },
  { name: 'session_length_seconds', type: 'number' },
  { name: 'watch_seconds', type: 'number' },
  { name: 'is_completed', type: 'boolean' },
  { name: 'status', type: 'string' },
];

/** The conditions on the fact (alias f) of the period, the filters and the selection, in a fixed order. */
function conditions(params: SessionParams, period: Period, binds: Binds): string[] {
  const list = [`f.start_date_key BETWEEN ${binds.add(period.fromKey)} AND ${binds.add(period.toKey)}`, ...filterConditions(params.filters, binds)];
  if (params.content_id !== undefined) list.push(`f.content_key IN (SELECT content_key FROM dim_content WHERE content_id = ${binds.add(params.content_id)})`);
  if (params.user_id !== undefined) list.push(`f.user_key IN (SELECT user_key FROM dim_user WHERE user_id = ${binds.add(params.user_id)})`);
  if (params.day_type !== undefined) list.push(`f.start_date_key IN (SELECT date_key FROM dim_date WHERE day_type = ${binds.add(params.day_type)})`);
  if (params.hour !== undefined) list.push(`f.start_time_of_day_key IN (SELECT time_of_day_key FROM dim_time_of_day WHERE hour_of_day = ${binds.add(params.hour)})`);
  if (params.completed !== undefined) list.push(`f.is_completed = ${binds.add(params.completed)}`);
  if (params.length_bucket !== undefined) {
    const bucket = DURATION_BUCKETS[LENGTH_BUCKETS.indexOf(params.length_bucket)];
    if (!bucket) throw new Error(`no histogram bucket ${params.length_bucket}`);
    if (bucket.lower > 0) list.push(`f.session_length_seconds >= ${binds.add(bucket.lower)}`);
    if (bucket.upper !== null) list.push(`f.session_length_seconds < ${binds.add(bucket.upper)}`);
  }
  return list;
}

const FACT_COLUMNS = 'f.session_id, f.user_key, f.content_key, f.device_key, f.local_start_ts, f.session_length_seconds, f.watch_seconds, f.is_completed, f.session_status, f.session_start_ts';

/** The page's rows joined to the dimensions for their names: only the page's, never every match. */
function named(source: string, order: string): string {
  return `SELECT
  p.session_id,
  u.user_id,
  c.content_id,
  c.title,
  d.device_type,
  p.local_start_ts AS local_start,
  p.session_length_seconds,
  p.watch_seconds,
  p.is_completed,
  p.session_status AS status,
  p.session_start_ts
FROM (
  ${source.replaceAll('\n', '\n  ')}
) AS p
JOIN dim_user AS u ON u.user_key = p.user_key
JOIN dim_content AS c ON c.content_key = p.content_key
JOIN dim_device AS d ON d.device_key = p.device_key
${order}`;
}

const ORDER = 'ORDER BY p.session_start_ts DESC, p.session_id ASC';

/** The matching sessions of the fact, newest first, from the keyset on, at most `limit` of them. */
function matches(params: SessionParams, period: Period, binds: Binds, keyset?: Keyset, limit?: number): string {
  const where = conditions(params, period, binds);
  if (keyset) {
    const ts = binds.add(keyset.ts.replace('T', ' ').replace('Z', ''));
    where.push(`(f.session_start_ts < ${ts} OR (f.session_start_ts = ${ts} AND f.session_id > ${binds.add(keyset.id)}))`);
  }
  const joins = dimensionJoins('f', params.filters);
  // limit is an integer proved by zod (1..1000), plus one to learn whether a next page exists: a literal, as Redshift requires.
  return `SELECT ${FACT_COLUMNS}
FROM fact_viewing_session AS f${joins ? `\n${joins}` : ''}
WHERE ${whereClause(where)}${limit === undefined ? '' : `\nORDER BY f.session_start_ts DESC, f.session_id ASC\nLIMIT ${limit}`}`;
}

/** Local date and time as metrics.md writes them: YYYY-MM-DDTHH:MM:SS.sss, no zone. */
const localText = (value: unknown) => (typeof value === 'string' ? value.replace(/Z$/, '') : value);

function readRow(row: Record<string, unknown>): Record<string, unknown> {
  const [read] = readColumns(SESSION_COLUMNS, [{ ...row, local_start: localText(row.local_start) }]);
  return read ?? {};
}

/**
 * One page and the total in one statement: the count of every match, left-joined to the page's rows
 * (so an empty page still carries the total). One row more than the page tells whether another follows.
 */
export function sessionPageQuery(params: SessionParams, period: Period): MetricQuery {
  const binds = new Binds();
  const joins = dimensionJoins('f', params.filters);
  const count = `SELECT COUNT(*) AS total
  FROM fact_viewing_session AS f${joins ? `\n  ${joins.replaceAll('\n', '\n  ')}` : ''}
  WHERE ${whereClause(conditions(params, period, binds), '    ')}`;
  const page = named(matches(params, period, binds, params.cursor, (params.limit ?? DEFAULT_PAGE) + 1), ORDER);
  const sql = `SELECT
  t.total,
  s.session_id, s.user_id, s.content_id, s.title, s.device_type, s.local_start, s.session_length_seconds, s.watch_seconds, s.is_completed, s.status, s.session_start_ts
FROM (
  ${count}
) AS t
LEFT JOIN (
  ${page.replaceAll('\n', '\n  ')}
) AS s ON 1 = 1
ORDER BY s.session_start_ts DESC, s.session_id ASC`;
  return {
    sql,
    values: binds.values,
    columns: SESSION_COLUMNS,
    source: 'fact_viewing_session',
    read(raw) {
      const total = toNumber(raw[0]?.total) ?? 0;
      const found = raw.filter((r) => r.session_id !== null && r.session_id !== undefined);
      const keysets: Keyset[] = found.map((r) => ({ ts: String(r.session_start_ts), id: String(r.session_id) }));
      return { rows: found.map(readRow), summary: { total }, extra: { keysets } };
    },
  };
}

/** Every matching session, for the CSV (no page, no total): streamed through a cursor where the engine has one. */
export function sessionExportQuery(params: SessionParams, period: Period): MetricQuery {
  const binds = new Binds();
  const limit = params.limit;
  const sql = named(matches(params, period, binds, undefined, limit), ORDER);
  return { ...rowWiseQuery(sql, binds.values, SESSION_COLUMNS), readRow, read: (rows) => ({ rows: rows.map(readRow), summary: {} }), source: 'fact_viewing_session' };
}
