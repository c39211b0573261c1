/**
 * Seeded randomness for the dataset generator. Every random choice in the dataset flows from
 * an `Rng` built here, so one seed reproduces the files byte for byte: `Math.random` is never
 * used, and each concern draws from its own labelled stream so that changing, say, the
 * delivery model does not reshuffle the users or the catalog.
 */

/** murmur3's 32-bit finalizer: a cheap bijective mix, also used as the round function of ids. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over a stream label, so "users" and "delivery" start from unrelated states. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Element `i` of an array that is known to be in range (noUncheckedIndexedAccess guard). */
export function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new RangeError(`index ${i} out of range 0..${items.length - 1}`);
  return item;
}

/**
 * sfc32 ("small fast counting"): 128-bit state, passes PractRand, and runs entirely on 32-bit
 * integer ops, which V8 keeps unboxed — the generator draws several numbers per event line.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is any safe integer; `label` names the independent stream. */
  constructor(seed: number, label: string) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    const h = hashLabel(label);
    this.a = mix32(lo ^ 0x9e3779b9);
    this.b = mix32(hi ^ h);
    this.c = mix32(h ^ 0x7f4a7c15 ^ lo);
    this.d = 1;
    // Discard the first outputs: they still correlate with the (low-entropy) seed.
    for (let i = 0; i < 16; i++) this.u32();
  }

  /** A derived, independent stream (for example one per sub-concern). */
  fork(label: string): Rng {
    return new Rng(this.u32() * 2048 + (this.u32() >>> 21), label);
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.float() * items.length));
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** Standard normal (Box–Muller; the second variate is dropped to keep the state simple). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** Log-normal scaled so that its mean is `mean` whatever the spread `sigma`. */
  logNormal(mean: number, sigma: number): number {
    return mean * Math.exp(sigma * this.normal() - (sigma * sigma) / 2);
  }

  /** Poisson count; Knuth's product method is exact and cheap for the small rates used here. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k++;
      p *= this.float();
    }
    return k;
  }
}

/** A fixed discrete distribution; picking is a binary search over cumulative weights. */
export class Weighted<T> {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError('Weighted needs one weight per item and at least one item');
    }
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new RangeError('Weighted needs a positive total weight');
    this.total = sum;
  }

  pick(rng: Rng): T {
    return at(this.items, this.indexOf(rng.float() * this.total));
  }

  /** Index of the first item whose cumulative weight exceeds `x` (0 ≤ x < total). */
  indexOf(x: number): number {
    const cum = this.cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
