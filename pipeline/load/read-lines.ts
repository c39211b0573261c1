import { createReadStream } from 'node:fs';

export interface NumberedLine {
  /** 1-based, counting blank lines, so it points at the line a person sees in an editor. */
  lineNumber: number;
  text: string;
  /** Set when the line exceeded the limit: text is then only its beginning, and the line must be refused. */
  bytes?: number;
}

/** Far beyond any real record (a few hundred bytes); past it a line is refused without being held whole. */
export const MAX_LINE_BYTES = 1024 * 1024;
const SAMPLE_BYTES = 64 * 1024;
/** Read size: whole lines in a read are decoded together, so fewer, larger reads mean fewer calls. */
const READ_BYTES = 256 * 1024;

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

function decode(parts: Buffer[], length: number): string {
  return stripCr((parts.length === 1 ? parts[0]! : Buffer.concat(parts, length)).toString('utf8'));
}

/** A JSON Lines record starts with `{`; anything else is checked for being blank. */
function isBlank(text: string): boolean {
  return text.charCodeAt(0) !== 123 && text.trim() === '';
}

/**
 * The non-blank lines of a JSON Lines file, streamed a read at a time: a file is never held in memory
 * whole, and neither is a line, however long (a hostile or corrupt file can hold one of gigabytes).
 * Invalid UTF-8 reads as U+FFFD.
 *
 * The lines that begin and end within one read are decoded with one call and split as text: a newline
 * byte is never part of a UTF-8 sequence, so this reads each line exactly as decoding it alone would, at a
 * fraction of the cost per line. Only a line that spans reads goes through the byte-wise path that
 * enforces the limit (a read is far smaller than the limit, so a line within one never exceeds it).
 */
export async function* readJsonLineBatches(path: string): AsyncGenerator<NumberedLine[]> {
  let lineNumber = 0;
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = 0;
  let truncating = false;

  function finish(out: NumberedLine[]): void {
    lineNumber++;
    if (truncating) {
      out.push({ lineNumber, text: decode(parts, length), bytes: length + overflow });
    } else {
      const text = decode(parts, length);
      if (!isBlank(text)) out.push({ lineNumber, text });
    }
    parts = [];
    length = 0;
    overflow = 0;
    truncating = false;
  }

  function keep(chunk: Buffer): void {
    if (!truncating && length + chunk.length <= MAX_LINE_BYTES) {
      parts.push(chunk);
      length += chunk.length;
      return;
    }
    if (!truncating) {
      // The line just crossed the limit: from here on only its beginning is kept, for the reject record.
      truncating = true;
      const held = Buffer.concat(parts, length);
      const sample = Buffer.from(held.subarray(0, Math.min(SAMPLE_BYTES, held.length)));
      overflow += held.length - sample.length;
      parts = [sample];
      length = sample.length;
    }
    const room = Math.min(SAMPLE_BYTES - length, chunk.length);
    if (room > 0) {
      parts.push(Buffer.from(chunk.subarray(0, room)));
      length += room;
    }
    overflow += chunk.length - room;
  }

  for await (const chunk of createReadStream(path, { highWaterMark: READ_BYTES }) as AsyncIterable<Buffer>) {
    const out: NumberedLine[] = [];
    let start = 0;
    const first = chunk.indexOf(10);
    if (first !== -1 && (length > 0 || truncating)) {
      // The end of a line that began in an earlier read.
      keep(chunk.subarray(0, first));
      finish(out);
      start = first + 1;
    }
    const last = chunk.lastIndexOf(10);
    if (last >= start) {
      const lines = chunk.toString('utf8', start, last).split('\n');
      for (const line of lines) {
        lineNumber++;
        const text = stripCr(line);
        if (!isBlank(text)) out.push({ lineNumber, text });
      }
      start = last + 1;
    }
    if (start < chunk.length) keep(chunk.subarray(start));
    if (out.length > 0) yield out;
  }
  if (length > 0 || truncating) {
    const out: NumberedLine[] = [];
    finish(out);
    if (out.length > 0) yield out;
  }
}

/** readJsonLineBatches one line at a time. */
export async function* readJsonLines(path: string): AsyncGenerator<NumberedLine> {
  for await (const batch of readJsonLineBatches(path)) yield* batch;
}
