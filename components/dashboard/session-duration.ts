/**
 * The histogram buckets of metrics.md §4, in order, with their bounds in seconds; `param` is how the
 * sessions API (metric 10) names the same bucket in `length_bucket`.
 */
export const BUCKETS = [
  { label: '[0,5m)', param: '0-5m', min: 0, max: 300, name: 'under 5 min' },
  { label: '[5m,15m)', param: '5-15m', min: 300, max: 900, name: '5–15 min' },
  { label: '[15m,30m)', param: '15-30m', min: 900, max: 1800, name: '15–30 min' },
  { label: '[30m,60m)', param: '30-60m', min: 1800, max: 3600, name: '30–60 min' },
  { label: '[60m,120m)', param: '60-120m', min: 3600, max: 7200, name: '1–2 h' },
  { label: '[120m,∞)', param: '120m+', min: 7200, max: Infinity, name: '2 h and more' },
] as const;

/** The index of the bucket a length falls in (lower bound included), or -1 for none. */
export function bucketOf(seconds: number | null | undefined): number {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return -1;
  return BUCKETS.findIndex((b) => seconds >= b.min && seconds < b.max);
}

/** A friendlier name for the API's bucket label, the label itself when unknown. */
export function bucketName(label: string): string {
  return BUCKETS.find((b) => b.label === label)?.name ?? label;
}

/** The sessions API's `length_bucket` for a bucket as the session-duration API labels it. */
export function bucketParam(label: string): string | undefined {
  return BUCKETS.find((b) => b.label === label)?.param;
}

/** A `length_bucket` value in words, the value itself when unknown. */
export function bucketParamName(param: string): string {
  return BUCKETS.find((b) => b.param === param)?.name ?? param;
}
