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

function decode(parts: Buffer[], length: number): string {
  const text = (parts.length === 1 ? parts[0]! : Buffer.concat(parts, length)).toString('utf8');
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/**
 * The non-blank lines of a JSON Lines file, streamed: a file is never held in memory whole, and neither is
 * a line, however long (a hostile or corrupt file can hold one of gigabytes). Invalid UTF-8 reads as U+FFFD.
 */
export async function* readJsonLines(path: string): AsyncGenerator<NumberedLine> {
  let lineNumber = 0;
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = 0;
  let truncating = false;

  function* finish(): Generator<NumberedLine> {
    lineNumber++;
    if (truncating) {
      yield { lineNumber, text: decode(parts, length), bytes: length + overflow };
    } else {
      const text = decode(parts, length);
      if (text.trim() !== '') yield { lineNumber, text };
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

  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      keep(chunk.subarray(start, newline));
      yield* finish();
      start = newline + 1;
    }
    if (start < chunk.length) keep(chunk.subarray(start));
  }
  if (length > 0 || truncating) yield* finish();
}
