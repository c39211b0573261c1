/**
 * Streaming output with backpressure. Lines are gathered into 256 KB chunks (one `write` per
 * chunk, not per line) and the writer waits for 'drain' whenever the stream's buffer is full,
 * so memory stays flat however large the dataset is.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

import { formatDay } from './time';

/** Bytes per write to the stream. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Chunks the streams have finished with, shared by all files: a run opens a file per day, and
 * fresh buffers per file would pile up as external memory until the next full GC.
 */
const spareChunks: Buffer[] = [];
const takeChunk = (): Buffer => spareChunks.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
const giveChunk = (chunk: Buffer): void => {
  if (spareChunks.length < 8) spareChunks.push(chunk);
};

/**
 * One output file written chunk by chunk. Each line is copied into the current byte chunk as
 * it arrives, so no line outlives the call that hands it over (holding strings until a chunk
 * was full made the garbage collector copy them over and over).
 */
export class LineFile {
  private readonly stream: WriteStream;
  private chunk = takeChunk();
  private used = 0;
  private failure: Error | null = null;
  lines = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { highWaterMark: 4 * CHUNK_BYTES });
    // Remember an error instead of crashing on an unhandled 'error'; the next await rethrows it.
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Appends a line; returns a promise only when the caller must wait (a chunk went out). */
  write(line: string): Promise<void> | undefined {
    // Room for the worst case of UTF-8 (3 bytes per UTF-16 unit) keeps `write` from truncating.
    const room = 3 * line.length + 1;
    if (room > CHUNK_BYTES) throw new RangeError(`line too long for ${this.path}`);
    if (this.used + room > this.chunk.length) return this.flush().then(() => this.write(line));
    this.used += this.chunk.write(line, this.used, 'utf8');
    this.chunk[this.used++] = 10;
    this.lines++;
    return undefined;
  }

  /** Appends one line already encoded, newline included: `src[start..end)`. */
  writeBytes(src: Buffer, start: number, end: number): Promise<void> | undefined {
    if (end - start > CHUNK_BYTES) throw new RangeError(`line too long for ${this.path}`);
    if (this.used + (end - start) > this.chunk.length) return this.flush().then(() => this.writeBytes(src, start, end));
    this.used += src.copy(this.chunk, this.used, start, end);
    this.lines++;
    return undefined;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    // The stream holds a chunk until it is on disk; only then can it be filled again.
    const full = this.chunk;
    const ready = this.stream.write(full.subarray(0, this.used), () => giveChunk(full));
    this.chunk = takeChunk();
    this.used = 0;
    if (!ready) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.used > 0) await this.flush();
    giveChunk(this.chunk);
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
  }
}

/** Writes every line of `lines` to `path`. */
export async function writeLines(path: string, lines: Iterable<string>): Promise<number> {
  const file = new LineFile(path);
  for (const line of lines) {
    const wait = file.write(line);
    if (wait) await wait;
  }
  await file.close();
  return file.lines;
}

export interface DayFileDone {
  readonly file: string;
  readonly day: string;
  readonly lines: number;
}

/**
 * The event stream as a consumer writes it: one `events-YYYY-MM-DD.jsonl` per UTC delivery
 * day, each line in the file of the day it arrived. Lines must come in delivery order; a day
 * without deliveries still gets its (empty) file, so the period has no holes.
 */
export class DayFileWriter {
  private current: LineFile | null = null;
  private day: number;
  readonly files: string[] = [];
  /** Lines in the files closed so far. */
  lines = 0;
  /** Files still reaching the disk, chained so that progress is reported in day order;
   * closing one file need not hold up writing the next. */
  private closing: Promise<void> = Promise.resolve();
  private failure: Error | null = null;

  constructor(
    private readonly dir: string,
    firstDay: number,
    private readonly onDone: (done: DayFileDone) => void,
  ) {
    this.day = firstDay - 1;
  }

  static fileName(day: number): string {
    return `events-${formatDay(day)}.jsonl`;
  }

  /** Writes `src[start..end)` (a line with its newline) into the file of delivery day `day`. */
  write(day: number, src: Buffer, start: number, end: number): Promise<void> | undefined {
    if (day !== this.day || !this.current) this.rollTo(day);
    return (this.current as LineFile).writeBytes(src, start, end);
  }

  /** Closes the files, first opening empty ones up to `lastDay` if deliveries ended earlier. */
  async close(lastDay: number): Promise<void> {
    if (this.day < lastDay) this.rollTo(lastDay);
    this.closeCurrent();
    await this.closing;
    if (this.failure) throw this.failure;
  }

  /** Moves on to `day`'s file, opening (empty) files for any day in between. */
  private rollTo(day: number): void {
    if (this.failure) throw this.failure;
    if (day < this.day || (day === this.day && !this.current)) {
      throw new Error(`delivery order broken: a line for ${formatDay(day)} came after the file for ${formatDay(this.day)} was started`);
    }
    while (this.day < day) {
      this.closeCurrent();
      this.day++;
      const name = DayFileWriter.fileName(this.day);
      this.current = new LineFile(join(this.dir, name));
      this.files.push(name);
    }
  }

  private closeCurrent(): void {
    const file = this.current;
    if (!file) return;
    this.current = null;
    this.lines += file.lines;
    const done = { file: DayFileWriter.fileName(this.day), day: formatDay(this.day), lines: file.lines };
    // Not awaited here. Neither promise may reject while nobody listens (Node would abort), so
    // a failure is kept and rethrown by the next write or by `close`.
    const closed = file.close().then(
      () => null,
      (error: unknown) => error,
    );
    this.closing = this.closing.then(async () => {
      const error = await closed;
      try {
        if (error) throw error;
        this.onDone(done);
      } catch (failure) {
        this.failure ??= failure instanceof Error ? failure : new Error(String(failure));
      }
    });
  }
}
