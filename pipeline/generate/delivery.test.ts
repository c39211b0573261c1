import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { DeliveryQueue } from './delivery';
import { DAY_MS, MINUTE_MS } from './time';
import { DayFileWriter, type DayFileDone } from './write';

const DAY = 20_000; // 2024-10-04
const line = (text: string) => Buffer.from(`${text}\n`, 'latin1');

describe('DeliveryQueue', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes lines in delivery order (ties in push order) into the file of their delivery day', async () => {
    dir = await mkdtemp(join(tmpdir(), 'streamflix-delivery-'));
    const done: DayFileDone[] = [];
    const writer = new DayFileWriter(dir, DAY, (d) => done.push(d));
    const queue = new DeliveryQueue(DAY * DAY_MS, writer);
    const at = (minutes: number) => DAY * DAY_MS + minutes * MINUTE_MS;
    queue.push(at(5), line('c'));
    queue.push(at(1), line('a'));
    queue.push(at(5), line('d'));
    queue.push(at(24 * 60 + 3), line('next day'));
    queue.push(at(1) + 30_000, line('b'));
    await queue.flushBefore(at(3));
    // A line may still arrive for minute 3 onwards, but never before it.
    expect(() => queue.push(at(2), line('late'))).toThrow(/already written/);
    queue.push(at(4), line('c0'));
    await queue.flushAll();
    await writer.close(DAY + 2);

    expect(await readFile(join(dir, 'events-2024-10-04.jsonl'), 'utf8')).toBe('a\nb\nc0\nc\nd\n');
    expect(await readFile(join(dir, 'events-2024-10-05.jsonl'), 'utf8')).toBe('next day\n');
    expect(await readFile(join(dir, 'events-2024-10-06.jsonl'), 'utf8')).toBe('');
    expect(done.map((d) => [d.file, d.lines])).toEqual([
      ['events-2024-10-04.jsonl', 5],
      ['events-2024-10-05.jsonl', 1],
      ['events-2024-10-06.jsonl', 0],
    ]);
    expect(writer.lines).toBe(6);
  });
});
