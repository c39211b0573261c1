/**
 * Reorders lines from event time into delivery time with bounded memory. Sessions are played
 * in start order and each line gets a delivery time at or after its event time; once the
 * generator has moved past time T, no line can still arrive before T, so every whole minute
 * before T is final and is written out. Only in-flight lines (running sessions, late
 * deliveries) are held — hours of traffic at most, whatever the number of days — and they are
 * held as bytes in one buffer per delivery minute, not as millions of small JS objects.
 */
import { DAY_MS, MINUTE_MS } from './time';
import type { DayFileWriter } from './write';

/** Lines per minute bucket are numbered below this; it is folded into the sort key. */
const INDEX_RANGE = 2 ** 22;
const FIRST_CAPACITY = 2048;

/** The lines delivered within one minute, in the order they were produced. */
class Bucket {
  bytes: Buffer;
  used = 0;
  /** Sort key per line: milliseconds into the minute, then production order (see INDEX_RANGE). */
  keys = new Float64Array(64);
  starts = new Uint32Array(64);
  count = 0;

  constructor(private readonly pool: BufferPool) {
    this.bytes = pool.take(FIRST_CAPACITY);
  }

  /** Empties the bucket for another minute; a grown buffer goes back to the pool. */
  reset(): void {
    if (this.bytes.length !== FIRST_CAPACITY) {
      this.pool.give(this.bytes);
      this.bytes = this.pool.take(FIRST_CAPACITY);
    }
    this.used = 0;
    this.count = 0;
  }

  append(msIntoMinute: number, line: Uint8Array): void {
    if (this.count === this.keys.length) {
      if (this.count >= INDEX_RANGE) throw new RangeError('more lines in one minute than the sort key can number');
      const keys = new Float64Array(this.count * 2);
      keys.set(this.keys);
      this.keys = keys;
      const starts = new Uint32Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    if (this.used + line.length > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (this.used + line.length > capacity) capacity *= 2;
      const bytes = this.pool.take(capacity);
      this.bytes.copy(bytes, 0, 0, this.used);
      this.pool.give(this.bytes);
      this.bytes = bytes;
    }
    this.keys[this.count] = msIntoMinute * INDEX_RANGE + this.count;
    this.starts[this.count] = this.used;
    this.bytes.set(line, this.used);
    this.used += line.length;
    this.count++;
  }
}

/** Recycles bucket buffers by size, so steady state allocates nothing. */
class BufferPool {
  private readonly free = new Map<number, Buffer[]>();

  take(capacity: number): Buffer {
    return this.free.get(capacity)?.pop() ?? Buffer.allocUnsafe(capacity);
  }

  give(buffer: Buffer): void {
    let list = this.free.get(buffer.length);
    if (!list) {
      list = [];
      this.free.set(buffer.length, list);
    }
    list.push(buffer);
  }
}

export class DeliveryQueue {
  private readonly buckets = new Map<number, Bucket>();
  private readonly pool = new BufferPool();
  /** Written buckets, reused: a day has 1,440 minutes. */
  private readonly spare: Bucket[] = [];
  /** The next minute to write; everything before it is already written. */
  private cursor: number;
  private lastMinute: number;
  private pending = 0;
  /** Most lines held at once (reported in the summary: the memory story). */
  peakPending = 0;

  constructor(
    startMs: number,
    private readonly writer: DayFileWriter,
  ) {
    this.cursor = Math.floor(startMs / MINUTE_MS);
    this.lastMinute = this.cursor;
  }

  /** Queues a copy of `line` (its bytes, newline included) for delivery at `deliveredMs`. */
  push(deliveredMs: number, line: Uint8Array): void {
    const minute = Math.floor(deliveredMs / MINUTE_MS);
    if (minute < this.cursor) throw new Error('a line was delivered into a minute already written');
    let bucket = this.buckets.get(minute);
    if (!bucket) {
      bucket = this.spare.pop() ?? new Bucket(this.pool);
      this.buckets.set(minute, bucket);
      if (minute > this.lastMinute) this.lastMinute = minute;
    }
    bucket.append(deliveredMs - minute * MINUTE_MS, line);
    if (++this.pending > this.peakPending) this.peakPending = this.pending;
  }

  /** Writes every line delivered before the minute that contains `nowMs`. */
  async flushBefore(nowMs: number): Promise<void> {
    const limit = Math.floor(nowMs / MINUTE_MS);
    while (this.cursor < limit) await this.flushMinute(this.cursor++);
  }

  /** Writes everything still held. */
  async flushAll(): Promise<void> {
    while (this.cursor <= this.lastMinute) await this.flushMinute(this.cursor++);
  }

  private async flushMinute(minute: number): Promise<void> {
    const bucket = this.buckets.get(minute);
    if (!bucket) return;
    this.buckets.delete(minute);
    this.pending -= bucket.count;
    const { bytes, starts, count, used } = bucket;
    // Numeric sort of the keys orders by delivery time, ties by production order.
    const keys = bucket.keys.subarray(0, count).sort();
    const day = Math.floor((minute * MINUTE_MS) / DAY_MS);
    for (let i = 0; i < count; i++) {
      const index = (keys[i] as number) % INDEX_RANGE;
      const end = index + 1 < count ? (starts[index + 1] as number) : used;
      const wait = this.writer.write(day, bytes, starts[index] as number, end);
      if (wait) await wait;
    }
    bucket.reset();
    this.spare.push(bucket);
  }
}
