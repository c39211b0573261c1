import { describe, expect, it } from 'vitest';

import { ZoneClock } from './zones';

/** The offset Intl reports for an instant ("GMT+05:30"), read independently of the cache. */
function intlOffset(format: Intl.DateTimeFormat, ms: number): number {
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(format.format(ms));
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

describe('ZoneClock', () => {
  it.each(['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo'])(
    'matches Intl every 20 minutes through a year of %s, DST switches included',
    (zone) => {
      const clock = new ZoneClock(zone);
      const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      const mismatches: string[] = [];
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 20 * 60_000) {
        if (clock.offsetMinutes(ms) !== intlOffset(format, ms)) mismatches.push(new Date(ms).toISOString());
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('knows the half-hour zone and the southern summer', () => {
    expect(new ZoneClock('Asia/Kolkata').offsetMinutes(Date.UTC(2026, 6, 1))).toBe(330);
    expect(new ZoneClock('Australia/Sydney').offsetMinutes(Date.UTC(2026, 0, 15))).toBe(660);
    expect(new ZoneClock('Australia/Sydney').offsetMinutes(Date.UTC(2026, 6, 15))).toBe(600);
  });
});
