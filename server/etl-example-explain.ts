/**
 * The session rules of metrics.md applied in TypeScript to one session's raw events, so the ETL page can
 * show why the warehouse row holds what it holds. Pure, so the page and the tests share it.
 */

export type PlayerEventType = 'play' | 'pause' | 'seek' | 'stop';

export interface RawSessionEvent {
  event_id: string;
  event_type: string;
  /** UTC, ISO-8601 with milliseconds. */
  event_ts: string;
  event_epoch_ms: number;
  position_seconds: number | null;
}

export interface Explanation {
  /** False for events after the session's first stop: they count for nothing. */
  counted: boolean;
  /** Playback state after the event; null when it is not counted. */
  playing: boolean | null;
  /** Seconds until the next counted event that count as watched: the gap when playing, else 0; null when not counted. */
  watchedSeconds: number | null;
}

export interface SessionMeasures {
  session_status: 'open' | 'closed';
  session_length_seconds: number;
  watch_seconds: number;
  start_position_seconds: number | null;
  max_position_seconds: number | null;
  pause_count: number;
  seek_count: number;
  event_count: number;
  events_after_stop: number;
}

/**
 * Events must come in session order (event_ts, then event_id). Before the first event nothing plays;
 * play starts playing, pause and stop stop it, seek leaves it as it was. The session ends at its first stop.
 * Durations are computed in whole milliseconds, as the warehouse does, then turned into seconds.
 */
export function explainSession<E extends RawSessionEvent>(events: readonly E[]): { events: (E & Explanation)[]; measures: SessionMeasures } {
  const stop = events.findIndex((e) => e.event_type === 'stop');
  const last = stop >= 0 ? stop : events.length - 1;
  let playing = false;
  let watchedMs = 0;
  const explained = events.map((event, i): E & Explanation => {
    if (i > last) return { ...event, counted: false, playing: null, watchedSeconds: null };
    if (event.event_type === 'play') playing = true;
    else if (event.event_type === 'pause' || event.event_type === 'stop') playing = false;
    const next = i < last ? events[i + 1] : undefined;
    const gapMs = playing && next ? next.event_epoch_ms - event.event_epoch_ms : 0;
    watchedMs += gapMs;
    return { ...event, counted: true, playing, watchedSeconds: gapMs / 1000 };
  });
  const counted = events.slice(0, last + 1);
  const positions = counted.map((e) => e.position_seconds).filter((p): p is number => p !== null);
  const first = counted[0];
  const end = counted[counted.length - 1];
  return {
    events: explained,
    measures: {
      session_status: stop >= 0 ? 'closed' : 'open',
      session_length_seconds: first && end ? (end.event_epoch_ms - first.event_epoch_ms) / 1000 : 0,
      watch_seconds: watchedMs / 1000,
      start_position_seconds: first?.position_seconds ?? null,
      max_position_seconds: positions.length > 0 ? Math.max(...positions) : null,
      pause_count: counted.filter((e) => e.event_type === 'pause').length,
      seek_count: counted.filter((e) => e.event_type === 'seek').length,
      event_count: counted.length,
      events_after_stop: events.length - counted.length,
    },
  };
}
