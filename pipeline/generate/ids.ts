/**
 * Random-looking but collision-free identifiers. An id is a counter pushed through a keyed
 * 4-round Feistel network over two 32-bit halves: a Feistel network is a permutation whatever
 * its round function, so distinct counters can never collide (random draws could), and the
 * keys come from the seed, so the ids are deterministic.
 */
import { putHex32 } from './encode';
import { mix32, type Rng } from './random';

function hex32(x: number): string {
  return x.toString(16).padStart(8, '0');
}

export class IdSequence {
  private n = 0;
  private hi = 0;
  private lo = 0;
  private readonly k0: number;
  private readonly k1: number;
  private readonly k2: number;
  private readonly k3: number;

  constructor(
    rng: Rng,
    private readonly prefix: string,
  ) {
    this.k0 = rng.u32();
    this.k1 = rng.u32();
    this.k2 = rng.u32();
    this.k3 = rng.u32();
  }

  /** How many ids were handed out. */
  get count(): number {
    return this.n;
  }

  /** `prefix` followed by 16 hex digits. */
  next(): string {
    this.advance();
    return this.prefix + hex32(this.hi) + hex32(this.lo);
  }

  /** The next id's 16 hex digits (without the prefix) written into `dst` at `p`. */
  putNext(dst: Buffer, p: number): number {
    this.advance();
    return putHex32(dst, putHex32(dst, p, this.hi), this.lo);
  }

  private advance(): void {
    const n = this.n++;
    let l = Math.floor(n / 4294967296) >>> 0;
    let r = n >>> 0;
    // Rounds unrolled: this runs once per event line.
    l = (l ^ mix32(r ^ this.k0)) >>> 0;
    r = (r ^ mix32(l ^ this.k1)) >>> 0;
    l = (l ^ mix32(r ^ this.k2)) >>> 0;
    r = (r ^ mix32(l ^ this.k3)) >>> 0;
    this.hi = l;
    this.lo = r;
  }
}
