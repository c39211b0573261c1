export interface ParsedTimestamp {
  epochMs: number;
  /** UTC wall clock `YYYY-MM-DD HH:MM:SS.mmm`, the form the TIMESTAMP columns take. */
  utc: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|([+-])(\d{2}):?(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

function isDigits(text: string, positions: readonly number[]): boolean {
  for (const i of positions) {
    const d = digit(text, i);
    if (d < 0 || d > 9) return false;
  }
  return true;
}

const CANONICAL_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/**
 * The form nearly every player sends, `YYYY-MM-DDTHH:MM:SS.mmmZ`, read digit by digit: already UTC and
 * already at millisecond precision, so its TIMESTAMP text is a slice of it. Millions of events a load
 * make the general path's regular expression and Date formatting worth skipping.
 */
function parseCanonical(text: string): ParsedTimestamp | null | undefined {
  if (text.length !== 24 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== '.' || text[23] !== 'Z') {
    return undefined;
  }
  if (!isDigits(text, CANONICAL_DIGITS)) return undefined;
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, digit(text, 20) * 100 + two(text, 21));
  return { epochMs, utc: `${text.slice(0, 10)} ${text.slice(11, 23)}` };
}

/**
 * ISO-8601 with `Z` or an offset, strictly: Date.parse would accept other shapes and roll 30 February
 * into March. Digits past the millisecond are dropped (the contract keeps millisecond precision).
 */
export function parseTimestamp(text: string): ParsedTimestamp | null {
  const canonical = parseCanonical(text);
  if (canonical !== undefined) return canonical;
  const m = ISO.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  let offsetMs = 0;
  if (m[9]) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    offsetMs = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMs;
  const iso = new Date(epochMs).toISOString();
  return { epochMs, utc: `${iso.slice(0, 10)} ${iso.slice(11, 23)}` };
}

/** Calendar dates `YYYY-MM-DD` that exist. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}
