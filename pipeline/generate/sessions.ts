/**
 * The behaviour model of one viewing session: a `play`, then playing spans broken by
 * `pause`/`play` pairs and occasional `seek`s, ending with a `stop` — or with nothing, when the
 * app crashed (an open session). While playing, the playhead advances exactly with the wall
 * clock, so the metrics' watch time and the positions tell the same story.
 */
import type { ContentItem } from './catalog';
import type { Rng } from './random';
import { MINUTE_MS } from './time';

export type PlayerEventType = 'play' | 'pause' | 'seek' | 'stop';

export interface PlayerSink {
  player(type: PlayerEventType, atMs: number, positionMs: number): void;
}

export interface SessionOutcome {
  /** Time of the `stop`, or of the last event of an open session. */
  readonly endMs: number;
  readonly lastPositionMs: number;
  /** Reached the credits threshold (95 % of the runtime). */
  readonly completed: boolean;
  /** No `stop` was sent. */
  readonly open: boolean;
}

/** Share of sessions whose app crashes before sending `stop`. */
export const OPEN_SHARE = 0.03;
/** Share of closed sessions followed by a stray `pause` after the `stop`. */
export const STRAY_AFTER_STOP_SHARE = 0.005;
/** Mean uninterrupted playing span. */
const MEAN_SPAN_MS = 10 * MINUTE_MS;
const CREDITS = 0.95;

/** Most pauses are short (a drink, a phone call); a few are long (dinner). */
function pauseLength(rng: Rng): number {
  const r = rng.float();
  if (r < 0.88) return 2000 + Math.round(rng.exp(60_000));
  if (r < 0.98) return rng.int(3 * MINUTE_MS, 15 * MINUTE_MS);
  return rng.int(15 * MINUTE_MS, 60 * MINUTE_MS);
}

/** Where a viewer who will not finish gives up: early quits are the most common. */
function abandonPoint(rng: Rng, fromMs: number, runtimeMs: number): number {
  const room = Math.floor(runtimeMs * 0.94) - fromMs;
  return fromMs + Math.max(20_000, Math.floor(room * Math.pow(rng.float(), 1.7)));
}

/**
 * Plays `item` from `startPositionMs` at `startMs`, sending events to `sink`. A resumed
 * session is likelier to finish: the viewer already chose to come back to it.
 */
export function playSession(rng: Rng, item: ContentItem, startMs: number, startPositionMs: number, sink: PlayerSink): SessionOutcome {
  const runtime = item.runtimeSeconds * 1000;
  let position = Math.min(Math.max(0, Math.round(startPositionMs)), Math.floor(runtime * 0.9));
  const resumedShare = position / runtime;
  const completes = rng.chance(item.completion + (1 - item.completion) * resumedShare * 0.6);
  let target = completes ? Math.floor(runtime * rng.range(CREDITS + 0.005, 1)) : abandonPoint(rng, position, runtime);
  const open = rng.chance(OPEN_SHARE);
  // A crash cuts the session somewhere before where the viewer would have stopped.
  if (open) target = position + Math.floor((target - position) * rng.range(0.05, 1));

  let t = startMs;
  let lastEventMs = t;
  const emit = (type: PlayerEventType) => {
    sink.player(type, t, position);
    lastEventMs = t;
  };
  emit('play');
  // Skipping the intro of an episode: a forward seek a few seconds in.
  if (item.kind === 'episode' && position === 0 && target > 3 * MINUTE_MS && rng.chance(0.3)) {
    const wait = rng.int(3000, 40_000);
    t += wait;
    position = Math.min(target - 1000, position + wait + rng.int(40_000, 90_000));
    emit('seek');
  }
  for (;;) {
    const span = 3000 + Math.round(rng.exp(MEAN_SPAN_MS));
    if (position + span >= target) {
      t += target - position;
      position = target;
      break;
    }
    t += span;
    position += span;
    if (rng.chance(0.7)) {
      emit('pause');
      t += pauseLength(rng);
      emit('play');
    } else {
      const back = rng.chance(0.45);
      const next = back
        ? Math.max(0, position - rng.int(5000, 90_000))
        : Math.min(target - 1000, position + rng.int(10_000, 300_000));
      if (next !== position) {
        position = next;
        emit('seek');
      }
    }
  }
  if (open) return { endMs: lastEventMs, lastPositionMs: position, completed: false, open: true };

  // Some viewers pause first and only close the player a while later.
  if (rng.chance(0.2)) {
    emit('pause');
    t += pauseLength(rng);
  }
  emit('stop');
  const endMs = t;
  if (rng.chance(STRAY_AFTER_STOP_SHARE)) {
    t += rng.int(500, 8000);
    emit('pause');
  }
  return { endMs, lastPositionMs: position, completed: position >= CREDITS * runtime, open: false };
}
