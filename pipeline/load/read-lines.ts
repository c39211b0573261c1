import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface NumberedLine {
  /** 1-based, counting blank lines, so it points at the line a person sees in an editor. */
  lineNumber: number;
  text: string;
}

/** The non-blank lines of a JSON Lines file, streamed: a file is never held in memory whole. */
export async function* readJsonLines(path: string): AsyncGenerator<NumberedLine> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() !== '') yield { lineNumber, text };
  }
}
