import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { MAX_LINE_BYTES, readJsonLines } from './read-lines';

async function linesOf(content: string | Buffer) {
  const path = join(tmpdir(), `lines-${process.pid}-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(path, content);
  const lines = [];
  for await (const line of readJsonLines(path)) lines.push(line);
  return lines;
}

describe('reading JSON Lines', () => {
  it('numbers lines as an editor does, skips blank ones, and handles CRLF and a missing final newline', async () => {
    expect(await linesOf('{"a":1}\r\n\r\n  \n{"b":"é"}\n{"c":3}')).toEqual([
      { lineNumber: 1, text: '{"a":1}' },
      { lineNumber: 4, text: '{"b":"é"}' },
      { lineNumber: 5, text: '{"c":3}' },
    ]);
  });

  it('reads invalid UTF-8 as U+FFFD instead of failing', async () => {
    expect(await linesOf(Buffer.from([0x7b, 0xff, 0x7d, 0x0a]))).toEqual([{ lineNumber: 1, text: '{\uFFFD}' }]);
  });

  it('refuses a line over the limit without holding it, and goes on with the next line', async () => {
    const huge = `{"event_id":"${'x'.repeat(MAX_LINE_BYTES * 3)}"}`;
    const [first, second] = await linesOf(`${huge}\n{"ok":true}\n`);
    expect(first?.bytes).toBe(Buffer.byteLength(huge));
    expect(first?.text.length).toBe(64 * 1024);
    expect(first?.text.startsWith('{"event_id":"xxx')).toBe(true);
    expect(second).toEqual({ lineNumber: 2, text: '{"ok":true}' });
  });
});
