import { describe, expect, it } from 'vitest';

import { putSeconds, putTimestamp, putUint } from './encode';
import { Rng } from './random';

const write = (put: (b: Buffer, p: number) => number) => {
  const b = Buffer.alloc(64);
  return b.toString('latin1', 0, put(b, 0));
};

describe('encode', () => {
  const rng = new Rng(1, 'encode-test');
  const instants = [0, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2026, 9, 3, 19, 2, 11, 250), Date.UTC(2099, 11, 31, 0, 0, 0, 1)];
  for (let i = 0; i < 2000; i++) instants.push(Math.floor(rng.float() * Date.UTC(2100, 0, 1)));

  it('writes UTC timestamps exactly as Date#toISOString does', () => {
    for (const ms of instants) expect(write((b, p) => putTimestamp(b, p, ms, null))).toBe(new Date(ms).toISOString());
  });

  it('writes local time with a numeric offset that denotes the same instant', () => {
    expect(write((b, p) => putTimestamp(b, p, Date.UTC(2026, 9, 3, 19, 2, 11, 250), 120))).toBe('2026-10-03T21:02:11.250+02:00');
    expect(write((b, p) => putTimestamp(b, p, Date.UTC(2026, 0, 1, 2, 0, 0, 0), -330))).toBe('2025-12-31T20:30:00.000-05:30');
    for (const ms of instants) {
      const offset = 15 * rng.int(-48, 56);
      const text = write((b, p) => putTimestamp(b, p, ms, offset));
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
      expect(Date.parse(text)).toBe(ms);
    }
  });

  it('writes seconds in the shortest form, as String(ms / 1000)', () => {
    for (const ms of [0, 1, 10, 100, 1000, 1010, 20_713, 3_975_125, 10_800_000, 123_456_789]) {
      expect(write((b, p) => putSeconds(b, p, ms))).toBe(String(ms / 1000));
    }
    for (let i = 0; i < 2000; i++) {
      const ms = rng.int(0, 20_000_000);
      expect(write((b, p) => putSeconds(b, p, ms))).toBe(String(ms / 1000));
    }
  });

  it('writes unsigned integers', () => {
    for (const n of [0, 5, 9, 10, 99, 100, 4_294_967_295]) expect(write((b, p) => putUint(b, p, n))).toBe(String(n));
  });
});
