import { describe, expect, it } from 'vitest';

import { IdSequence } from './ids';
import { Rng, Weighted } from './random';

describe('Rng', () => {
  it('repeats a stream for the same seed and label, and differs otherwise', () => {
    const draw = (seed: number, label: string) => {
      const rng = new Rng(seed, label);
      return Array.from({ length: 8 }, () => rng.u32());
    };
    expect(draw(42, 'users')).toEqual(draw(42, 'users'));
    expect(draw(42, 'users')).not.toEqual(draw(43, 'users'));
    expect(draw(42, 'users')).not.toEqual(draw(42, 'delivery'));
    expect(draw(2 ** 40, 'x')).not.toEqual(draw(0, 'x'));
  });

  it('draws within the documented ranges with plausible means', () => {
    const rng = new Rng(7, 'ranges');
    let floats = 0;
    let poisson = 0;
    let outOfRange = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const f = rng.float();
      const k = rng.int(3, 5);
      if (!(f >= 0 && f < 1) || !(k >= 3 && k <= 5 && Number.isInteger(k))) outOfRange++;
      floats += f;
      poisson += rng.poisson(0.5);
    }
    expect(outOfRange).toBe(0);
    expect(floats / n).toBeCloseTo(0.5, 1);
    expect(poisson / n).toBeCloseTo(0.5, 1);
  });

  it('picks by weight', () => {
    const rng = new Rng(7, 'weights');
    const table = new Weighted(['a', 'b', 'c'], [1, 0, 3]);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 8000; i++) counts[table.pick(rng)]! += 1;
    expect(counts.b).toBe(0);
    expect(counts.c! / counts.a!).toBeGreaterThan(2.5);
    expect(counts.c! / counts.a!).toBeLessThan(3.5);
  });
});

describe('IdSequence', () => {
  it('hands out distinct, random-looking hex ids', () => {
    const ids = new IdSequence(new Rng(42, 'ids'), 'ps_');
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(ids.next());
    expect(seen.size).toBe(100_000);
    for (const id of [...seen].slice(0, 100)) expect(id).toMatch(/^ps_[0-9a-f]{16}$/);
    // Consecutive counters must not look consecutive.
    const [a, b] = [...seen];
    expect(a?.slice(3, 11)).not.toBe(b?.slice(3, 11));
  });

  it('writes the same digits as bytes as it returns as text', () => {
    const text = new IdSequence(new Rng(1, 'ids'), '');
    const bytes = new IdSequence(new Rng(1, 'ids'), '');
    const buffer = Buffer.alloc(16);
    for (let i = 0; i < 1000; i++) {
      bytes.putNext(buffer, 0);
      expect(buffer.toString('latin1')).toBe(text.next());
    }
  });
});
