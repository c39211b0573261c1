import { expect, it } from 'vitest';

import { writeDataset } from '@/test/support/dataset';
import { content, events, NOW, users } from '@/test/support/metric-cases';
import { describeEachEngine } from '@/test/support/test-warehouse';
import { loadDataset } from '@/pipeline/load/load-dataset';

import { handleMetricRequest } from './http';
import { runMetric } from '.';

const url = (path: string) => new URL(`http://localhost${path}`);

describeEachEngine('GET /api/metrics/<metric>', (harness) => {
  it('answers JSON exactly as runMetric, CSV with the same rows, and errors in the API shape', async () => {
    const warehouse = await harness.migrated();
    try {
      await loadDataset(warehouse, writeDataset({ users, content, events }), { now: NOW });
      const query = 'by=genre&from=2026-10-01&to=2026-10-31';

      const json = await handleMetricRequest('watch-time', url(`/api/metrics/watch-time?${query}`), warehouse);
      expect(json.status).toBe(200);
      const body = (await json.json()) as { rows: Record<string, unknown>[]; columns: { name: string }[] };
      expect(body).toEqual(await runMetric('watch-time', new URLSearchParams(query), warehouse));
      expect(body.rows.length).toBeGreaterThan(1);

      const csv = await handleMetricRequest('watch-time', url(`/api/metrics/watch-time?${query}&format=csv`), warehouse);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename="watch-time_genre_2026-10-01_2026-10-31.csv"');
      const lines = (await csv.text()).split('\r\n').filter((l) => l !== '');
      expect(lines[0]).toBe(body.columns.map((c) => c.name).join(','));
      expect(lines.slice(1)).toEqual(body.rows.map((r) => body.columns.map((c) => String(r[c.name] ?? '')).join(',')));

      const bad = await handleMetricRequest('watch-time', url('/api/metrics/watch-time?by=planet'), warehouse);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: 'invalid_parameter', param: 'by' } });

      const missing = await handleMetricRequest('churn', url('/api/metrics/churn'), warehouse);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await warehouse.close();
    }
  });
});
