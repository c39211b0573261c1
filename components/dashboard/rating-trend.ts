/**
 * The scatter's trend line: least squares of avg_rating on log10(viewers), the scale the axis shows, so
 * the line is straight on screen. Titles without viewers in the period have no place on a log axis and
 * are left out of the fit (the correlations of the API, computed on all titles, are shown as they are).
 */
export interface TrendLine {
  slope: number;
  intercept: number;
  from: number;
  to: number;
}

export function logTrend(points: readonly { viewers: number; avg_rating: number }[]): TrendLine | null {
  const usable = points.filter((p) => p.viewers > 0 && Number.isFinite(p.avg_rating));
  if (usable.length < 2) return null;
  const xs = usable.map((p) => Math.log10(p.viewers));
  const ys = usable.map((p) => p.avg_rating);
  const n = usable.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, from: Math.min(...usable.map((p) => p.viewers)), to: Math.max(...usable.map((p) => p.viewers)) };
}

export function trendAt(trend: TrendLine, viewers: number): number {
  return trend.intercept + trend.slope * Math.log10(viewers);
}

/** Words for a correlation's strength, as analysts usually read |r|. */
export function describeCorrelation(r: number | null | undefined): string {
  if (r == null) return 'not defined (fewer than 3 titles, or no variance)';
  const size = Math.abs(r);
  const strength = size < 0.1 ? 'no' : size < 0.3 ? 'a weak' : size < 0.5 ? 'a moderate' : 'a strong';
  return size < 0.1 ? 'no linear relation' : `${strength} ${r > 0 ? 'positive' : 'negative'} relation`;
}
