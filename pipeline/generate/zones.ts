/**
 * UTC offsets of IANA time zones, from the runtime's time-zone database (Intl). Asking Intl per
 * event would dominate the run time, so offsets are cached per UTC day: a day has one offset,
 * or one switch (a DST change), which is found to the hour. Every zone the generator uses
 * switches on a whole UTC hour, at most once a day.
 */
import { DAY_MS, HOUR_MS } from './time';

interface DayOffsets {
  readonly before: number;
  /** The instant the offset changes to `after` (Infinity when it does not change that day). */
  readonly switchAt: number;
  readonly after: number;
}

export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly days = new Map<number, DayOffsets>();
  private lastDay = NaN;
  private last: DayOffsets = { before: 0, switchAt: Infinity, after: 0 };

  constructor(readonly zone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Minutes to add to UTC to get this zone's wall clock at the instant `ms`. */
  offsetMinutes(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    if (day !== this.lastDay) {
      let offsets = this.days.get(day);
      if (!offsets) {
        offsets = this.dayOffsets(day);
        this.days.set(day, offsets);
      }
      this.lastDay = day;
      this.last = offsets;
    }
    return ms < this.last.switchAt ? this.last.before : this.last.after;
  }

  private dayOffsets(day: number): DayOffsets {
    const start = day * DAY_MS;
    const before = this.compute(start);
    const after = this.compute(start + DAY_MS);
    if (before === after) return { before, switchAt: Infinity, after };
    // Binary search for the first hour of the day already on the new offset.
    let lo = 1;
    let hi = 24;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compute(start + mid * HOUR_MS) === after) hi = mid;
      else lo = mid + 1;
    }
    return { before, switchAt: start + lo * HOUR_MS, after };
  }

  private compute(ms: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(ms)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(
      parts.year ?? NaN,
      (parts.month ?? NaN) - 1,
      parts.day ?? NaN,
      parts.hour ?? NaN,
      parts.minute ?? NaN,
      parts.second ?? NaN,
    );
    const offset = Math.round((wall - ms) / 60_000);
    if (!Number.isFinite(offset)) throw new Error(`cannot compute the UTC offset of ${this.zone}`);
    return offset;
  }
}
