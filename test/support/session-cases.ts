import { event, type Line } from './dataset';

/**
 * Small, tricky viewing data with hand-computed expectations, one session per clause of metrics.md.
 * Users: u_ny (America/New_York), u_kol (Asia/Kolkata, +05:30), u_syd (Australia/Sydney).
 * Content: m_long (movie, 6000 s: completed at ≥ 5700 s), e_short (episode, 1200 s: completed at ≥ 1140 s).
 */
export const users: Line[] = [
  { user_id: 'u_ny', signup_date: '2025-03-14', country: 'US', time_zone: 'America/New_York', age_band: '25-34', subscription_plan: 'premium' },
  { user_id: 'u_kol', signup_date: '2025-06-01', country: 'IN', time_zone: 'Asia/Kolkata', age_band: '18-24', subscription_plan: 'basic' },
  { user_id: 'u_syd', signup_date: '2024-01-20', country: 'AU', time_zone: 'Australia/Sydney', age_band: '45-54', subscription_plan: 'standard' },
];

export const content: Line[] = [
  { content_id: 'm_long', content_type: 'movie', title: 'The Long Night', genre: 'Drama', release_year: 2019, runtime_seconds: 6000, maturity_rating: 'PG-13' },
  { content_id: 'e_short', content_type: 'episode', title: 'The Harbour', genre: 'Crime', release_year: 2023, runtime_seconds: 1200, maturity_rating: 'TV-MA', series_id: 's_dock', series_title: 'Dockside', season_number: 1, episode_number: 2 },
];

type Step = [id: string, type: string, ts: string, position: number];

function session(sessionId: string, steps: Step[], fields: Record<string, unknown> = {}) {
  return steps.map(([id, type, ts, position]) =>
    event({ event_id: id, event_type: type, event_ts: ts, session_id: sessionId, position_seconds: position, ...fields }),
  );
}

const basic = session('s_basic', [
  ['b1', 'play', '2026-10-03T19:00:00.000Z', 0],
  ['b2', 'pause', '2026-10-03T19:10:00.500Z', 600.5],
  ['b3', 'play', '2026-10-03T19:15:00.000Z', 600.5],
  ['b4', 'stop', '2026-10-03T19:25:00.250Z', 1200.75],
]);
const afterStop = session('s_after_stop', [
  ['c1', 'play', '2026-10-05T01:00:00Z', 0],
  ['c2', 'stop', '2026-10-05T01:01:40Z', 100],
  ['c3', 'play', '2026-10-05T01:03:20Z', 100],
  ['c4', 'stop', '2026-10-05T01:05:00Z', 5900],
]);
const open = session('s_open', [
  ['d1', 'play', '2026-10-06T12:00:00Z', 0],
  ['d2', 'seek', '2026-10-06T12:01:00Z', 300],
  ['d3', 'pause', '2026-10-06T12:02:00Z', 360],
], { content_id: 'e_short' });
const seekWhilePaused = session('s_seek_paused', [
  ['f1', 'play', '2026-10-07T12:00:00Z', 0],
  ['f2', 'pause', '2026-10-07T12:00:10Z', 10],
  ['f3', 'seek', '2026-10-07T12:00:20Z', 1140],
  ['f4', 'play', '2026-10-07T12:00:30Z', 1140],
  ['f5', 'stop', '2026-10-07T12:00:40Z', 1150],
], { content_id: 'e_short' });
const seekFirst = session('s_seek_first', [
  ['g1', 'seek', '2026-10-08T12:00:00Z', 100],
  ['g2', 'play', '2026-10-08T12:00:05Z', 100],
  ['g3', 'stop', '2026-10-08T12:00:15Z', 110],
]);
const thresholdReached = session('s_threshold_yes', [
  ['h1', 'play', '2026-10-09T12:00:00Z', 5690],
  ['h2', 'stop', '2026-10-09T12:00:10Z', 5700],
]);
const thresholdMissed = session('s_threshold_no', [
  ['i1', 'play', '2026-10-09T13:00:00Z', 5689.999],
  ['i2', 'stop', '2026-10-09T13:00:10Z', 5699.999],
]);
const kolkataMidnight = session('s_kolkata', [
  ['j1', 'play', '2026-10-03T18:40:00Z', 0],
  ['j2', 'stop', '2026-10-03T19:40:00Z', 3600],
], { user_id: 'u_kol' });
const dstFirstHalfPastOne = session('s_dst_edt', [
  ['k1', 'play', '2026-11-01T05:30:00Z', 0],
  ['k2', 'stop', '2026-11-01T07:00:00Z', 5400],
]);
const dstSecondHalfPastOne = session('s_dst_est', [
  ['l1', 'play', '2026-11-01T06:30:00Z', 0],
  ['l2', 'stop', '2026-11-01T06:31:00Z', 60],
]);
const sydney = session('s_sydney', [
  ['m1', 'play', '2026-04-04T15:30:00Z', 0],
  ['m2', 'stop', '2026-04-04T16:30:00Z', 3600],
], { user_id: 'u_syd', content_id: 'e_short' });
const offsets = session('s_offset', [
  ['n1', 'play', '2026-10-10T21:00:00.000+02:00', 0],
  ['n2', 'stop', '2026-10-10T14:10:00-05:00', 600],
]);
const ties = session('s_ties', [
  ['p2', 'play', '2026-10-11T12:00:00Z', 7],
  ['p1', 'pause', '2026-10-11T12:00:00Z', 7],
  ['p3', 'stop', '2026-10-11T12:00:10Z', 17],
]);
const milliseconds = session('s_ms', [
  ['q1', 'play', '2026-10-12T12:00:00.001Z', 0],
  ['q2', 'stop', '2026-10-12T12:00:00.004Z', 0.003],
]);
const ghost = session('s_ghost', [
  ['r1', 'play', '2026-10-13T02:00:00Z', 0],
  ['r2', 'stop', '2026-10-13T02:30:00Z', 1800],
], { user_id: 'u_ghost', content_id: 'm_ghost' });
const onlyPlay = session('s_only_play', [['t1', 'play', '2026-10-14T12:00:00Z', 0]]);

const rate = (id: string, ts: string, rating: number, fields: Record<string, unknown> = {}) =>
  event({ event_id: id, event_type: 'rate', event_ts: ts, rating, ...fields });

export const ratings = [
  rate('rt1', '2026-10-04T03:30:00Z', 4, { session_id: 's_basic' }),
  rate('rt2', '2026-10-06T12:05:00Z', 5, { content_id: 'e_short' }),
  rate('rt3', '2026-10-13T02:31:00Z', 2, { user_id: 'u_ghost', content_id: 'm_ghost', session_id: 's_ghost' }),
];

const [b1, b2, b3, b4] = basic as [Line, Line, Line, Line];

/** Two event files, out of order, with duplicates across them, a session split between them, and bad lines. */
export const eventFiles: Record<string, Line[]> = {
  'events-2026-10-a.jsonl': [
    b3, b1, ...afterStop.reverse(), ...open, ...seekWhilePaused, ...seekFirst, ...thresholdReached, ...thresholdMissed,
    ...kolkataMidnight, ...dstFirstHalfPastOne, ...ratings,
    '{"event_id": "broken", "event_type": "play", ',
    JSON.stringify(rate('bad_rating', '2026-10-04T03:30:00Z', 7)),
    JSON.stringify(event({ event_id: 'bad_type', event_type: 'rewind', event_ts: '2026-10-04T03:30:00Z', session_id: 's_x', position_seconds: 0 })),
  ],
  'events-2026-10-b.jsonl': [
    b4, b2, b2, ...dstSecondHalfPastOne, ...sydney, ...offsets, ...ties, ...milliseconds, ...ghost, ...onlyPlay,
    ratings[1] as Line,
  ],
};

/** File a: 28 good lines + 3 bad = 31; file b: 18 lines, of which 2 repeat an event_id (b2, rt2). */
export const expectedAccount = { lines_read: 49, events_kept: 44, duplicates: 2, rejected: 3 };

export interface ExpectedSession {
  user_id: string;
  content_id: string;
  start_date_key: number;
  start_time_of_day_key: number;
  session_status: 'open' | 'closed';
  session_start_ts: string;
  stop_ts: string | null;
  session_end_ts: string;
  session_length_seconds: number;
  watch_seconds: number;
  start_position_seconds: number;
  max_position_seconds: number;
  is_completed: boolean;
  pause_count: number;
  seek_count: number;
  event_count: number;
  events_after_stop: number;
}

const closed = (fields: Partial<ExpectedSession> & Pick<ExpectedSession, 'session_start_ts' | 'stop_ts'>): ExpectedSession => ({
  user_id: 'u_ny', content_id: 'm_long', session_status: 'closed', start_position_seconds: 0, is_completed: false,
  pause_count: 0, seek_count: 0, events_after_stop: 0, start_date_key: 0, start_time_of_day_key: 0,
  session_end_ts: fields.stop_ts ?? '', session_length_seconds: 0, watch_seconds: 0, max_position_seconds: 0, event_count: 2,
  ...fields,
});

export const expectedSessions: Record<string, ExpectedSession> = {
  // Pauses are wall clock but not watch time: 600.5 s + 600.25 s played, 1500.25 s in all. 15:00 EDT.
  s_basic: closed({ session_start_ts: '2026-10-03T19:00:00.000Z', stop_ts: '2026-10-03T19:25:00.250Z', start_date_key: 20261003, start_time_of_day_key: 900, session_length_seconds: 1500.25, watch_seconds: 1200.75, max_position_seconds: 1200.75, pause_count: 1, event_count: 4 }),
  // Ends at the first stop: the later play and stop (and their 5900 s position) count for nothing. 21:00 EDT the day before.
  s_after_stop: closed({ session_start_ts: '2026-10-05T01:00:00.000Z', stop_ts: '2026-10-05T01:01:40.000Z', start_date_key: 20261004, start_time_of_day_key: 1260, session_length_seconds: 100, watch_seconds: 100, max_position_seconds: 100, events_after_stop: 2 }),
  // No stop: open, measured up to its last event; a seek keeps playing. 08:00 EDT.
  s_open: { ...closed({ session_start_ts: '2026-10-06T12:00:00.000Z', stop_ts: null }), content_id: 'e_short', session_status: 'open', session_end_ts: '2026-10-06T12:02:00.000Z', start_date_key: 20261006, start_time_of_day_key: 480, session_length_seconds: 120, watch_seconds: 120, max_position_seconds: 360, pause_count: 1, seek_count: 1, event_count: 3 },
  // A seek while paused stays paused: 10 s + 10 s played. 1150 ≥ 95 % of 1200.
  s_seek_paused: closed({ content_id: 'e_short', session_start_ts: '2026-10-07T12:00:00.000Z', stop_ts: '2026-10-07T12:00:40.000Z', start_date_key: 20261007, start_time_of_day_key: 480, session_length_seconds: 40, watch_seconds: 20, max_position_seconds: 1150, is_completed: true, pause_count: 1, seek_count: 1, event_count: 5 }),
  // Before the first play nothing plays, even after a seek.
  s_seek_first: closed({ session_start_ts: '2026-10-08T12:00:00.000Z', stop_ts: '2026-10-08T12:00:15.000Z', start_date_key: 20261008, start_time_of_day_key: 480, session_length_seconds: 15, watch_seconds: 10, start_position_seconds: 100, max_position_seconds: 110, seek_count: 1, event_count: 3 }),
  // Exactly 95 % completes; a thousandth of a second less does not.
  s_threshold_yes: closed({ session_start_ts: '2026-10-09T12:00:00.000Z', stop_ts: '2026-10-09T12:00:10.000Z', start_date_key: 20261009, start_time_of_day_key: 480, session_length_seconds: 10, watch_seconds: 10, start_position_seconds: 5690, max_position_seconds: 5700, is_completed: true }),
  s_threshold_no: closed({ session_start_ts: '2026-10-09T13:00:00.000Z', stop_ts: '2026-10-09T13:00:10.000Z', start_date_key: 20261009, start_time_of_day_key: 540, session_length_seconds: 10, watch_seconds: 10, start_position_seconds: 5689.999, max_position_seconds: 5699.999 }),
  // 18:40 UTC is 00:10 the next day in Kolkata (+05:30).
  s_kolkata: closed({ user_id: 'u_kol', session_start_ts: '2026-10-03T18:40:00.000Z', stop_ts: '2026-10-03T19:40:00.000Z', start_date_key: 20261004, start_time_of_day_key: 10, session_length_seconds: 3600, watch_seconds: 3600, max_position_seconds: 3600 }),
  // The night clocks go back: 01:30 EDT, and 90 real minutes although the local clock moved 30.
  s_dst_edt: closed({ session_start_ts: '2026-11-01T05:30:00.000Z', stop_ts: '2026-11-01T07:00:00.000Z', start_date_key: 20261101, start_time_of_day_key: 90, session_length_seconds: 5400, watch_seconds: 5400, max_position_seconds: 5400 }),
  // ...and the second 01:30 of that night (EST).
  s_dst_est: closed({ session_start_ts: '2026-11-01T06:30:00.000Z', stop_ts: '2026-11-01T06:31:00.000Z', start_date_key: 20261101, start_time_of_day_key: 90, session_length_seconds: 60, watch_seconds: 60, max_position_seconds: 60 }),
  // Southern-hemisphere DST: 15:30 UTC on 4 April is 02:30 AEDT on 5 April.
  s_sydney: closed({ user_id: 'u_syd', content_id: 'e_short', session_start_ts: '2026-04-04T15:30:00.000Z', stop_ts: '2026-04-04T16:30:00.000Z', start_date_key: 20260405, start_time_of_day_key: 150, session_length_seconds: 3600, watch_seconds: 3600, max_position_seconds: 3600, is_completed: true }),
  // +02:00 and -05:00 offsets name 19:00 and 19:10 UTC.
  s_offset: closed({ session_start_ts: '2026-10-10T19:00:00.000Z', stop_ts: '2026-10-10T19:10:00.000Z', start_date_key: 20261010, start_time_of_day_key: 900, session_length_seconds: 600, watch_seconds: 600, max_position_seconds: 600 }),
  // Equal timestamps order by event_id: pause p1, then play p2, so the 10 s to the stop are played.
  s_ties: closed({ session_start_ts: '2026-10-11T12:00:00.000Z', stop_ts: '2026-10-11T12:00:10.000Z', start_date_key: 20261011, start_time_of_day_key: 480, session_length_seconds: 10, watch_seconds: 10, start_position_seconds: 7, max_position_seconds: 17, pause_count: 1, event_count: 3 }),
  s_ms: closed({ session_start_ts: '2026-10-12T12:00:00.001Z', stop_ts: '2026-10-12T12:00:00.004Z', start_date_key: 20261012, start_time_of_day_key: 480, session_length_seconds: 0.003, watch_seconds: 0.003, max_position_seconds: 0.003 }),
  // Unknown user and content: kept on inferred members, dated in UTC, not completable without a runtime.
  s_ghost: closed({ user_id: 'u_ghost', content_id: 'm_ghost', session_start_ts: '2026-10-13T02:00:00.000Z', stop_ts: '2026-10-13T02:30:00.000Z', start_date_key: 20261013, start_time_of_day_key: 120, session_length_seconds: 1800, watch_seconds: 1800, max_position_seconds: 1800 }),
  // Nothing is counted after the last event.
  s_only_play: { ...closed({ session_start_ts: '2026-10-14T12:00:00.000Z', stop_ts: null }), session_status: 'open', session_end_ts: '2026-10-14T12:00:00.000Z', start_date_key: 20261014, start_time_of_day_key: 480, event_count: 1 },
};

/** When u_ghost (Los Angeles) and m_ghost (runtime 1850 s) arrive later: 19:00 PDT the day before, and 1800 ≥ 1757.5. */
export const lateDimensions = {
  users: [{ user_id: 'u_ghost', signup_date: '2026-01-01', country: 'US', time_zone: 'America/Los_Angeles', age_band: '35-44', subscription_plan: 'standard' }],
  content: [{ content_id: 'm_ghost', content_type: 'movie', title: 'Ghost Story', genre: 'Horror', release_year: 2021, runtime_seconds: 1850, maturity_rating: 'R' }],
  session: { start_date_key: 20261012, start_time_of_day_key: 1140, is_completed: true },
  rating: { rating_date_key: 20261012, rating_time_of_day_key: 1171 },
};

/** rt1: 03:30 UTC is 23:30 EDT the day before; rt3 is dated in UTC while u_ghost is inferred. */
export const expectedRatings = {
  rt1: { user_id: 'u_ny', content_id: 'm_long', rating: 4, rating_date_key: 20261003, rating_time_of_day_key: 1410, session_id: 's_basic' },
  rt2: { user_id: 'u_ny', content_id: 'e_short', rating: 5, rating_date_key: 20261006, rating_time_of_day_key: 485, session_id: null },
  rt3: { user_id: 'u_ghost', content_id: 'm_ghost', rating: 2, rating_date_key: 20261013, rating_time_of_day_key: 151, session_id: 's_ghost' },
};
