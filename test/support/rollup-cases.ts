/**
 * The metric cases of metric-cases.ts delivered in three loads, so that every way a load can change the
 * rollups happens at least once, each on local dates nothing else in that load touches:
 *
 * 1. Every event of s1–s11 (s5 still open) and the ratings, with u_ny and u_lon, and m_a, e_1 and e_2.
 *    u_tok and m_b are inferred (dated in UTC, Unknown, no runtime), as are u_ghost and m_ghost throughout.
 * 2. u_tok's record arrives: s3 (16:00 UTC Fri 10-09) moves to Sat 10-10 01:00 Tokyo, s10 (16:00 UTC 09-30)
 *    to 10-01: the dates they leave are known only from before the re-dating. u_ny moves to Asia/Kolkata:
 *    s8 (03:30 UTC 10-31) moves from Fri 10-30 in New York to Sat 10-31. m_b's record arrives: s10 is
 *    completed (2900 ≥ 2850). A late pause at 12:00 UTC 10-05 becomes s2's first event: s2 moves from 10-06
 *    (its old row's date, known only from the row replaced) to 10-05. A late stop closes s5.
 * 3. u_lon's country (GB → IE) and u_tok's plan (basic → premium) change, not their time zones: nothing is
 *    re-dated, yet s5 (10-14), s7 (10-26), s11 (09-30), s10 (10-01), s3 (10-10) and s4 (10-11) change rollup
 *    rows. m_a's genre changes (Drama → Thriller): s1 and s2 (10-05) change rows. A new session s12 (u_tok,
 *    e_2, 10-20 Tokyo) lands on a date of its own.
 */
import { content, events, users } from './metric-cases';
import type { DatasetParts, Line } from './dataset';

const byId = (lines: Line[], key: string) =>
  new Map(lines.map((l) => [String((l as Record<string, unknown>)[key]), l as Record<string, unknown>] as const));
const userById = byId(users, 'user_id');
const contentById = byId(content, 'content_id');
const pick = <T>(map: Map<string, T>, id: string): T => {
  const found = map.get(id);
  if (!found) throw new Error(`no ${id} in the metric cases`);
  return found;
};

const allEvents = Object.values(events).flat() as Record<string, unknown>[];
const s2First = allEvents.find((e) => e.event_id === 's2_0');
const s5First = allEvents.find((e) => e.event_id === 's5_0');
const s4First = allEvents.find((e) => e.event_id === 's4_0');

const late2: Line[] = [
  { ...s2First, event_id: 's2_early', event_type: 'pause', event_ts: '2026-10-05T12:00:00.000Z', position_seconds: 0 },
  { ...s5First, event_id: 's5_stop', event_type: 'stop', event_ts: '2026-10-14T18:02:00.000Z', position_seconds: 960 },
];
const late3: Line[] = [
  { ...s4First, event_id: 's12_0', session_id: 's12', event_type: 'play', event_ts: '2026-10-20T01:00:00.000Z', position_seconds: 0 },
  { ...s4First, event_id: 's12_1', session_id: 's12', event_type: 'stop', event_ts: '2026-10-20T01:15:00.000Z', position_seconds: 900 },
];

export const rollupLoads: DatasetParts[] = [
  {
    users: [pick(userById, 'u_ny'), pick(userById, 'u_lon')],
    content: [pick(contentById, 'm_a'), pick(contentById, 'e_1'), pick(contentById, 'e_2')],
    events: { 'events-1.jsonl': allEvents },
  },
  {
    users: [pick(userById, 'u_tok'), { ...pick(userById, 'u_ny'), time_zone: 'Asia/Kolkata' }],
    content: [pick(contentById, 'm_b')],
    events: { 'events-2.jsonl': late2 },
  },
  {
    users: [{ ...pick(userById, 'u_lon'), country: 'IE' }, { ...pick(userById, 'u_tok'), subscription_plan: 'premium' }],
    content: [{ ...pick(contentById, 'm_a'), genre: 'Thriller' }],
    events: { 'events-3.jsonl': late3 },
  },
];
