/**
 * Turns the behaviour model's events into stream lines and delivers them the way Kinesis
 * does: after a small random lag (seconds; some minutes; a few hours late, from devices that
 * were offline), at least once (≈1 % of lines arrive again, some in a later day's file), and
 * with the odd malformed line. Lines are serialized by hand, in the contract's key order,
 * from per-session fragments built once in `beginSession`.
 */
import type { ContentItem } from './catalog';
import type { DeliveryQueue } from './delivery';
import { ascii, MAX_LINE_BYTES, putBytes, putSeconds, putTimestamp, putUint } from './encode';
import type { IdSequence } from './ids';
import { MALFORMED_KINDS, malformedLine } from './malformed';
import type { Rng } from './random';
import type { PlayerEventType, PlayerSink } from './sessions';
import { HOUR_MS, MINUTE_MS } from './time';
import type { UserProfile } from './users';
import type { ZoneClock } from './zones';

export interface MessRates {
  /** Share of valid lines delivered a second time. */
  duplicate: number;
  /** Malformed lines injected per valid line. */
  malformed: number;
}

export const DEFAULT_MESS: MessRates = { duplicate: 0.01, malformed: 1 / 20_000 };

export interface StreamCounts {
  /** Distinct valid events (player events and ratings). */
  events: number;
  ratings: number;
  duplicates: number;
  malformed: number;
}

const HEAD = ascii('{"event_id":"');
/** The constant text between `event_id` and `event_ts` per event type. */
const TYPE_TEXT: Record<PlayerEventType | 'rate', Buffer> = {
  play: ascii('","event_type":"play","event_ts":"'),
  pause: ascii('","event_type":"pause","event_ts":"'),
  seek: ascii('","event_type":"seek","event_ts":"'),
  stop: ascii('","event_type":"stop","event_ts":"'),
  rate: ascii('","event_type":"rate","event_ts":"'),
};
const CLOSE_LINE = ascii('}\n');
const EMPTY: Buffer = Buffer.alloc(0);

/** Delay between an event happening on the device and its arrival at the consumer. */
function deliveryLag(rng: Rng): number {
  const r = rng.float();
  if (r < 0.88) return 100 + Math.round(rng.exp(1500));
  if (r < 0.997) return rng.int(5000, 10 * MINUTE_MS);
  return rng.int(HOUR_MS, 6 * HOUR_MS);
}

/** Delay before a re-delivery: mostly a quick retry, sometimes a replayed shard hours later. */
function duplicateLag(rng: Rng): number {
  const r = rng.float();
  if (r < 0.7) return rng.int(1000, 60_000);
  if (r < 0.95) return rng.int(MINUTE_MS, 30 * MINUTE_MS);
  return rng.int(HOUR_MS, 26 * HOUR_MS);
}

export class EventStream implements PlayerSink {
  readonly counts: StreamCounts = { events: 0, ratings: 0, duplicates: 0, malformed: 0 };
  /** The line being encoded; the queue copies it, so one buffer serves every line. */
  private readonly line = Buffer.allocUnsafe(MAX_LINE_BYTES);
  /** Room for the current session's fragments, encoded once per session. */
  private readonly session = Buffer.allocUnsafe(4 * MAX_LINE_BYTES);
  /** After `event_ts` of a player event, up to the value of `position_seconds`. */
  private playerTail = EMPTY;
  /** After `event_ts` of a rating, up to the value of `rating` (with and without session). */
  private rateTailWithSession = EMPTY;
  private rateTailAlone = EMPTY;
  /** After the rating's value: the device and the end of the line. */
  private rateEnd = EMPTY;
  /** The user's zone when this device writes local time with an offset, else null (UTC). */
  private offsetClock: ZoneClock | null = null;

  constructor(
    private readonly rng: Rng,
    private readonly eventIds: IdSequence,
    private readonly queue: DeliveryQueue,
    private readonly mess: MessRates,
  ) {}

  beginSession(user: UserProfile, sessionId: string, item: ContentItem, deviceJson: string, sendsOffset: boolean): void {
    const ids = `","user_id":"${user.id}","session_id":"${sessionId}","content_id":"${item.id}"`;
    this.playerTail = this.fragment(0, `${ids},"device":${deviceJson},"position_seconds":`);
    this.rateTailWithSession = this.fragment(1, `${ids},"rating":`);
    this.rateTailAlone = this.fragment(2, `","user_id":"${user.id}","content_id":"${item.id}","rating":`);
    this.rateEnd = this.fragment(3, `,"device":${deviceJson}}\n`);
    this.offsetClock = sendsOffset ? user.clock : null;
  }

  player(type: PlayerEventType, atMs: number, positionMs: number): void {
    const b = this.line;
    let p = this.start(b, type, atMs);
    p = putBytes(b, p, this.playerTail);
    p = putSeconds(b, p, positionMs);
    this.deliver(putBytes(b, p, CLOSE_LINE), atMs);
  }

  /** A rating of the current session's content; `withSession` = the app attached the session. */
  rate(atMs: number, rating: number, withSession: boolean): void {
    const b = this.line;
    let p = this.start(b, 'rate', atMs);
    p = putBytes(b, p, withSession ? this.rateTailWithSession : this.rateTailAlone);
    p = putUint(b, p, rating);
    this.counts.ratings++;
    this.deliver(putBytes(b, p, this.rateEnd), atMs);
  }

  /** `{"event_id":"…","event_type":"…","event_ts":"…` */
  private start(b: Buffer, type: PlayerEventType | 'rate', atMs: number): number {
    let p = putBytes(b, 0, HEAD);
    p = this.eventIds.putNext(b, p);
    p = putBytes(b, p, TYPE_TEXT[type]);
    const clock = this.offsetClock;
    return putTimestamp(b, p, atMs, clock ? clock.offsetMinutes(atMs) : null);
  }

  private fragment(slot: number, text: string): Buffer {
    const start = slot * MAX_LINE_BYTES;
    const length = this.session.write(text, start, MAX_LINE_BYTES, 'latin1');
    if (length !== text.length || length > MAX_LINE_BYTES / 2) throw new RangeError(`session fragment too long: ${text}`);
    return this.session.subarray(start, start + length);
  }

  private deliver(length: number, atMs: number): void {
    const rng = this.rng;
    const line = this.line.subarray(0, length);
    const deliveredMs = atMs + deliveryLag(rng);
    this.queue.push(deliveredMs, line);
    this.counts.events++;
    // One draw decides both kinds of mess: they are rare and never coincide on a line.
    const u = rng.float();
    if (u < this.mess.duplicate) {
      this.queue.push(deliveredMs + duplicateLag(rng), line);
      this.counts.duplicates++;
    } else if (u < this.mess.duplicate + this.mess.malformed) {
      const text = this.line.toString('latin1', 0, length - 1);
      const bad = malformedLine(rng, text, this.eventIds.next(), rng.pick(MALFORMED_KINDS));
      this.queue.push(deliveredMs + rng.int(0, 5000), Buffer.from(bad + '\n', 'utf8'));
      this.counts.malformed++;
    }
  }
}
