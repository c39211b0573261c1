/**
 * How the headline row shows a change (metric 6): the spec's relative change, (current − comparison) /
 * comparison, as an arrow, a signed percentage and a sentence for screen readers, so that colour is never
 * the only cue.
 */

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none';

export interface ChangeText {
  direction: ChangeDirection;
  /** ▲, ▼ or = ; empty without a change. */
  mark: string;
  /** "+12.3 %", "−4.0 %", "0.0 %", or "—" without a change. */
  text: string;
  /** The same in words: "up 12.3 % vs previous period", "no comparison data". */
  label: string;
}

const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `versus` completes "up 12.3 % …", e.g. "vs previous period". */
export function describeChange(change: number | null | undefined, versus: string): ChangeText {
  if (change == null || !Number.isFinite(change)) return { direction: 'none', mark: '', text: '—', label: 'no comparison data' };
  const shown = oneDecimal.format(Math.abs(change * 100));
  // A change that rounds to 0.0 % reads as no change: "▲ +0.0 %" would claim a direction it cannot show.
  if (shown === '0.0') return { direction: 'flat', mark: '=', text: '0.0 %', label: `unchanged ${versus}` };
  return change > 0
    ? { direction: 'up', mark: '▲', text: `+${shown} %`, label: `up ${shown} % ${versus}` }
    : { direction: 'down', mark: '▼', text: `−${shown} %`, label: `down ${shown} % ${versus}` };
}
