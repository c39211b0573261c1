import { expect, test } from '@playwright/test';

test.describe('metrics API on the production server', () => {
  test('answers every hour of both day types for peak hours', async ({ request }) => {
    const response = await request.get('/api/metrics/peak-hours?from=2026-10-01&to=2026-10-31');
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { metric: string; rows: { day_type: string; hour: number; days: number }[]; sql: string };
    expect(body.metric).toBe('peak-hours');
    expect(body.rows).toHaveLength(48);
    // October 2026 has 22 weekdays and 9 weekend days.
    expect(new Set(body.rows.map((r) => `${r.day_type}:${r.days}`))).toEqual(new Set(['weekday:22', 'weekend:9']));
    expect(body.sql).toContain('$1');
  });

  test('downloads CSV and refuses a bad parameter with a 400 that names it', async ({ request }) => {
    const csv = await request.get('/api/metrics/session-duration?from=2026-10-01&to=2026-10-31&format=csv');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toBe('attachment; filename="session-duration_2026-10-01_2026-10-31.csv"');
    expect((await csv.text()).split('\r\n')[0]).toBe('bucket,sessions');

    const bad = await request.get('/api/metrics/completion?min_sessions=lots');
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_parameter', param: 'min_sessions' } });
  });
});
