import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';

import { loadDataset } from '@/pipeline/load/load-dataset';
import { device, event, writeDataset, type Line } from '@/test/support/dataset';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { neutralizeFormula } from './csv';
import { handleMetricRequest } from './http';

const url = (path: string) => new URL(`http://localhost${path}`);
const OCT = 'from=2026-10-01&to=2026-10-31';

/** More users than one cursor batch (1,000 rows) holds, each with one session of i seconds' play. */
function manyViewers(count: number): Line[] {
  const lines: Line[] = [];
  for (let i = 1; i <= count; i++) {
    const start = Date.parse('2026-10-05T12:00:00Z') + i * 1000;
    const common = { session_id: `s_${i}`, user_id: `u_${String(i).padStart(5, '0')}`, content_id: 'm_formula', device };
    lines.push(
      event({ ...common, event_id: `${i}_p`, event_type: 'play', event_ts: new Date(start).toISOString(), position_seconds: 0 }),
      event({ ...common, event_id: `${i}_s`, event_type: 'stop', event_ts: new Date(start + i * 1000).toISOString(), position_seconds: i }),
    );
  }
  return lines;
}

const formulaTitle = { content_id: 'm_formula', content_type: 'movie', title: '=HYPERLINK("http://x","y")', genre: '+Drama', release_year: 2020, runtime_seconds: 100, maturity_rating: 'PG' };

it('neutralizes the cells a spreadsheet would evaluate, and only those', () => {
  expect(neutralizeFormula('=1+1')).toBe("'=1+1");
  expect(neutralizeFormula('+Drama')).toBe("'+Drama");
  expect(neutralizeFormula('-x')).toBe("'-x");
  expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(neutralizeFormula('\tcmd')).toBe("'\tcmd");
  expect(neutralizeFormula('Drama = good')).toBe('Drama = good');
  expect(neutralizeFormula('')).toBe('');
});

describeEachEngine('CSV export', (harness) => {
  it('holds every row in the JSON order across cursor batches, with formula text neutralized', async () => {
    const warehouse = await harness.migrated();
    try {
      await loadDataset(warehouse, writeDataset({ content: [formulaTitle], events: { 'events.jsonl': manyViewers(2345) } }));

      const json = await handleMetricRequest('watch-time', url(`/api/metrics/watch-time?by=user&limit=10000&${OCT}`), warehouse);
      const body = (await json.json()) as { rows: { user_id: string; watch_seconds: number; sessions: number; viewers: number }[] };
      expect(body.rows).toHaveLength(2345);
      expect(body.rows[0]).toEqual({ user_id: 'u_02345', watch_seconds: 2345, sessions: 1, viewers: 1 });

      const csv = await handleMetricRequest('watch-time', url(`/api/metrics/watch-time?by=user&format=csv&${OCT}`), warehouse);
      expect(csv.status).toBe(200);
      const records = parse(await csv.text(), { columns: true }) as Record<string, string>[];
      expect(records).toEqual(body.rows.map((r) => ({ user_id: r.user_id, watch_seconds: String(r.watch_seconds), sessions: '1', viewers: '1' })));

      const byGenre = await handleMetricRequest('watch-time', url(`/api/metrics/watch-time?by=genre&format=csv&${OCT}`), warehouse);
      const genreText = await byGenre.text();
      expect(genreText.split('\r\n')[1]).toBe(`'+Drama,${(2345 * 2346) / 2},2345,2345`);

      const completion = await handleMetricRequest('completion', url(`/api/metrics/completion?min_sessions=1&format=csv&${OCT}`), warehouse);
      const [row] = parse(await completion.text(), { columns: true }) as Record<string, string>[];
      expect(row?.title).toBe(`'${formulaTitle.title}`);
      expect(row?.genre).toBe("'+Drama");
      // The JSON answer carries the data as it is: neutralizing is the spreadsheet format's concern.
      const completionJson = await handleMetricRequest('completion', url(`/api/metrics/completion?min_sessions=1&${OCT}`), warehouse);
      expect(((await completionJson.json()) as { rows: { title: string }[] }).rows[0]?.title).toBe(formulaTitle.title);
    } finally {
      await warehouse.close();
    }
  });

  // DuckDB reads the answer at once (see csv.ts), so there is no cursor to leave open there.
  it.runIf(harness.engine === 'postgres')('leaves no transaction open when the client stops reading mid-download', async () => {
    const warehouse = await harness.migrated();
    try {
      await loadDataset(warehouse, writeDataset({ events: { 'events.jsonl': manyViewers(3500) } }));
      const csv = await handleMetricRequest('watch-time', url(`/api/metrics/watch-time?by=user&format=csv&${OCT}`), warehouse);
      const reader = csv.body!.getReader();
      await reader.read();
      await reader.cancel();
      const openTransactions = async () =>
        (await warehouse.query<{ n: number }>(
          "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
        ))[0]?.n;
      await expect.poll(openTransactions, { timeout: 10_000 }).toBe(0);
    } finally {
      await warehouse.close();
    }
  });
});
