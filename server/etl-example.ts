import 'server-only';

import { getWarehouse } from '@/db';
import type { SqlRunner } from '@/db/warehouse';

import { explainSession, type Explanation, type RawSessionEvent, type SessionMeasures } from './etl-example-explain';

export type { SessionMeasures } from './etl-example-explain';

/** The session row as the fact table holds it, with the names its keys stand for. */
export interface FactSessionRow extends SessionMeasures {
  session_id: string;
  user_id: string;
  time_zone: string;
  content_id: string;
  title: string;
  runtime_seconds: number | null;
  device_type: string;
  start_date_key: number;
  start_time_of_day_key: number;
  session_start_ts: string;
  stop_ts: string | null;
  session_end_ts: string;
  local_start_ts: string;
  is_completed: boolean;
  first_load_id: number;
  last_load_id: number;
}

/** An event as staged, where it was read from, and what the session rules make of it. */
export interface StagedEvent extends RawSessionEvent, Explanation {
  load_id: number;
  source_file: string;
  source_line: number;
}

export type EtlExample =
  | { state: 'empty' }
  /** Sessions exist, but none is closed with a pause or a seek. */
  | { state: 'no-match'; sessions: number }
  /** The session asked for (from the sessions behind a figure) is not in the warehouse. */
  | { state: 'not-found'; sessionId: string }
  | { state: 'ready'; session: FactSessionRow; events: StagedEvent[]; computed: SessionMeasures };

/** Deterministic: the smallest session_id among closed sessions with at least one pause or seek. */
const PICK_SQL = `SELECT MIN(session_id) AS session_id
FROM fact_viewing_session
WHERE session_status = $1
  AND (pause_count > $2 OR seek_count > $2)`;

const COUNT_SQL = 'SELECT COUNT(*) AS sessions FROM fact_viewing_session';

const FACT_SQL = `SELECT
  f.session_id,
  u.user_id,
  u.time_zone,
  c.content_id,
  c.title,
  c.runtime_seconds,
  d.device_type,
  f.start_date_key,
  f.start_time_of_day_key,
  f.session_status,
  f.session_start_ts,
  f.stop_ts,
  f.session_end_ts,
  f.local_start_ts,
  f.session_length_seconds,
  f.watch_seconds,
  f.start_position_seconds,
  f.max_position_seconds,
  f.is_completed,
  f.pause_count,
  f.seek_count,
  f.event_count,
  f.events_after_stop,
  f.first_load_id,
  f.last_load_id
FROM fact_viewing_session AS f
JOIN dim_user AS u ON u.user_key = f.user_key
JOIN dim_content AS c ON c.content_key = f.content_key
JOIN dim_device AS d ON d.device_key = f.device_key
WHERE f.session_id = $1`;

/** The session's events in the order sessionization reads them; rate events are not part of a session. */
const EVENTS_SQL = `SELECT event_id, event_type, event_ts, event_epoch_ms, position_seconds, load_id, source_file, source_line
FROM stg_player_event
WHERE session_id = $1
  AND event_type <> $2
ORDER BY event_ts, event_id`;

type Row = Record<string, unknown>;
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => String(v);

function toFactRow(r: Row): FactSessionRow {
  return {
    session_id: str(r.session_id),
    user_id: str(r.user_id),
    time_zone: str(r.time_zone),
    content_id: str(r.content_id),
    title: str(r.title),
    runtime_seconds: numOrNull(r.runtime_seconds),
    device_type: str(r.device_type),
    start_date_key: num(r.start_date_key),
    start_time_of_day_key: num(r.start_time_of_day_key),
    session_status: r.session_status === 'open' ? 'open' : 'closed',
    session_start_ts: str(r.session_start_ts),
    stop_ts: r.stop_ts === null ? null : str(r.stop_ts),
    session_end_ts: str(r.session_end_ts),
    local_start_ts: str(r.local_start_ts),
    session_length_seconds: num(r.session_length_seconds),
    watch_seconds: num(r.watch_seconds),
    start_position_seconds: numOrNull(r.start_position_seconds),
    max_position_seconds: numOrNull(r.max_position_seconds),
    is_completed: r.is_completed === true,
    pause_count: num(r.pause_count),
    seek_count: num(r.seek_count),
    event_count: num(r.event_count),
    events_after_stop: num(r.events_after_stop),
    first_load_id: num(r.first_load_id),
    last_load_id: num(r.last_load_id),
  };
}

/**
 * The ETL page's worked example, read from the warehouse at request time: the session asked for, or a
 * real closed session with a pause or a seek; its raw events from staging, the rules of metrics.md applied
 * to them, and the fact row the transforms produced from the same events.
 */
export async function getEtlExample(warehouse?: SqlRunner, requested?: string): Promise<EtlExample> {
  warehouse ??= await getWarehouse();
  if (requested !== undefined) {
    const [fact] = await warehouse.query(FACT_SQL, [requested]);
    return fact ? example(warehouse, fact) : { state: 'not-found', sessionId: requested };
  }
  const [pick] = await warehouse.query<{ session_id: string | null }>(PICK_SQL, ['closed', 0]);
  const sessionId = pick?.session_id ?? null;
  if (sessionId === null) {
    const [count] = await warehouse.query<{ sessions: number }>(COUNT_SQL);
    const sessions = Number(count?.sessions ?? 0);
    return sessions === 0 ? { state: 'empty' } : { state: 'no-match', sessions };
  }
  const [fact] = await warehouse.query(FACT_SQL, [sessionId]);
  if (!fact) throw new Error(`session ${sessionId} vanished between two reads`);
  return example(warehouse, fact);
}

/** A fact row with its staged events and what the rules make of them. */
async function example(warehouse: SqlRunner, fact: Row): Promise<EtlExample> {
  const staged = await warehouse.query(EVENTS_SQL, [str(fact.session_id), 'rate']);

  const { events, measures } = explainSession(
    staged.map((e) => ({
      event_id: str(e.event_id),
      event_type: str(e.event_type),
      event_ts: str(e.event_ts),
      event_epoch_ms: num(e.event_epoch_ms),
      position_seconds: numOrNull(e.position_seconds),
      load_id: num(e.load_id),
      source_file: str(e.source_file),
      source_line: num(e.source_line),
    })),
  );
  return { state: 'ready', session: toFactRow(fact), events, computed: measures };
}
