import { describe, expect, it } from 'vitest';

import { formatSeconds, formatUtc, formatValue } from './format';

describe('ETL page formats', () => {
  it('writes UTC timestamps as the warehouse stores them and seconds to the millisecond', () => {
    expect(formatUtc('2026-10-05T20:00:00.250Z')).toBe('2026-10-05 20:00:00.250');
    expect(formatUtc(null)).toBe('—');
    expect(formatSeconds(1110.75)).toBe('1,110.75');
    expect(formatSeconds(0.0031)).toBe('0.003');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(null)).toBe('NULL');
    expect(formatValue(20261005, 'start_date_key')).toBe('20261005');
    expect(formatValue(1230.5, 'session_length_seconds')).toBe('1,230.5');
    expect(formatValue('2026-10-05T20:00:00.000Z', 'session_start_ts')).toBe('2026-10-05 20:00:00.000');
  });
});
