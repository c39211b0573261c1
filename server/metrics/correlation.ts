import 'server-only';

/**
 * Correlations of metric 5, computed from the rows (Redshift has no CORR). Pure functions.
 * Both return null when there are fewer than 3 pairs or either side has no variance.
 */

/**
 * No variance means all values are equal. Tested on the values themselves: the floating-point mean of
 * equal values (e.g. three times 0.1) need not equal them, which would leave tiny non-zero deviations.
 */
function isConstant(values: readonly number[], n: number): boolean {
  for (let i = 1; i < n; i++) if (values[i] !== values[0]) return false;
  return true;
}

export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3 || isConstant(xs, n) || isConstant(ys, n)) return null;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += xs[i]!;
    meanY += ys[i]!;
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - meanX;
    const dy = ys[i]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** Ranks 1..n in ascending order; tied values all get the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Spearman's ρ: Pearson of the average ranks. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return null;
  return pearson(averageRanks(xs.slice(0, n)), averageRanks(ys.slice(0, n)));
}
