/**
 * Writes the parts of an event line straight into bytes. At millions of lines, building each
 * line as a JS string cost more in garbage collection than in work (a line is a rope of a
 * dozen pieces that lives until it is delivered), so the stream encodes every line into one
 * reusable buffer and the queue keeps only bytes. All text here is ASCII, so one UTF-16 unit
 * is one byte.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time';

/** Longest line the generator can produce (the longest is ~330 bytes). */
export const MAX_LINE_BYTES = 2048;

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const ZERO = 48;

/** ASCII text as bytes (for fragments encoded once and copied per line). */
export function ascii(text: string): Buffer {
  if (!/^[\x20-\x7e\n]*$/.test(text)) throw new RangeError(`not printable ASCII: ${JSON.stringify(text)}`);
  return Buffer.from(text, 'latin1');
}

/** Copies `src` into `dst` at `p`; a plain loop beats the native call for short fragments. */
export function putBytes(dst: Buffer, p: number, src: Uint8Array): number {
  const n = src.length;
  if (n > 48) {
    dst.set(src, p);
    return p + n;
  }
  for (let i = 0; i < n; i++) dst[p + i] = src[i] as number;
  return p + n;
}

/** Eight lowercase hex digits of an unsigned 32-bit integer. */
export function putHex32(dst: Buffer, p: number, x: number): number {
  for (let shift = 28; shift >= 0; shift -= 4) dst[p++] = HEX_DIGITS[(x >>> shift) & 15] as number;
  return p;
}

/** Decimal digits of a non-negative integer. */
export function putUint(dst: Buffer, p: number, n: number): number {
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  for (let i = digits - 1; i >= 0; i--) {
    dst[p + i] = ZERO + (n % 10);
    n = Math.floor(n / 10);
  }
  return p + digits;
}

function put2(dst: Buffer, p: number, n: number): number {
  dst[p] = ZERO + Math.floor(n / 10);
  dst[p + 1] = ZERO + (n % 10);
  return p + 2;
}

/**
 * Integer milliseconds as seconds in the shortest decimal form — the same text as
 * `String(ms / 1000)`: `12`, `12.5`, `12.05`, `12.345`.
 */
export function putSeconds(dst: Buffer, p: number, ms: number): number {
  const whole = Math.floor(ms / 1000);
  const fraction = ms - whole * 1000;
  p = putUint(dst, p, whole);
  if (fraction === 0) return p;
  dst[p++] = 46; // '.'
  dst[p++] = ZERO + Math.floor(fraction / 100);
  const rest = fraction % 100;
  if (rest === 0) return p;
  dst[p++] = ZERO + Math.floor(rest / 10);
  if (rest % 10 !== 0) dst[p++] = ZERO + (rest % 10);
  return p;
}

/** Civil date of an epoch day (Howard Hinnant's days-to-civil; no Date object per line). */
function putDate(dst: Buffer, p: number, day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  p = put2(dst, p, Math.floor(y / 100));
  p = put2(dst, p, y % 100);
  dst[p++] = 45; // '-'
  p = put2(dst, p, m);
  dst[p++] = 45;
  return put2(dst, p, d);
}

/**
 * An ISO-8601 timestamp with milliseconds: UTC with `Z` when `offsetMinutes` is null, else the
 * local wall clock with a numeric offset (`…T21:02:11.250+02:00`) — the same instant.
 */
export function putTimestamp(dst: Buffer, p: number, ms: number, offsetMinutes: number | null): number {
  const wall = offsetMinutes === null ? ms : ms + offsetMinutes * MINUTE_MS;
  const day = Math.floor(wall / DAY_MS);
  let rest = wall - day * DAY_MS;
  p = putDate(dst, p, day);
  dst[p++] = 84; // 'T'
  const h = Math.floor(rest / HOUR_MS);
  rest -= h * HOUR_MS;
  const m = Math.floor(rest / MINUTE_MS);
  rest -= m * MINUTE_MS;
  const s = Math.floor(rest / 1000);
  const f = rest - s * 1000;
  p = put2(dst, p, h);
  dst[p++] = 58; // ':'
  p = put2(dst, p, m);
  dst[p++] = 58;
  p = put2(dst, p, s);
  dst[p++] = 46; // '.'
  dst[p++] = ZERO + Math.floor(f / 100);
  p = put2(dst, p, f % 100);
  if (offsetMinutes === null) {
    dst[p++] = 90; // 'Z'
    return p;
  }
  const abs = Math.abs(offsetMinutes);
  dst[p++] = offsetMinutes < 0 ? 45 : 43; // '-' or '+'
  p = put2(dst, p, Math.floor(abs / 60));
  dst[p++] = 58;
  return put2(dst, p, abs % 60);
}
