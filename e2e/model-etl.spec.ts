import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

async function open(page: Page) {
  await page.goto('/model/etl');
  await expect(page.getByRole('heading', { level: 1, name: 'From the stream to the facts' })).toBeVisible();
}

/** Whether the warehouse has sessions, asked through the metrics API rather than the page under test. */
async function hasSessions(request: APIRequestContext): Promise<boolean> {
  const response = await request.get('/api/metrics/session-duration');
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { summary: { sessions: number } };
  return body.summary.sessions > 0;
}

test.describe('ETL page', () => {
  test('is reached from the model views and tells the stages with the SQL files they run', async ({ page }) => {
    await page.goto('/model');
    await page.getByRole('navigation', { name: 'Model views' }).getByRole('link', { name: 'ETL' }).click();
    await expect(page).toHaveURL(/\/model\/etl$/);
    await expect(page.getByRole('link', { name: 'ETL' })).toHaveAttribute('aria-current', 'page');
    for (const stage of ['Streaming ingestion from Kinesis', 'Staging and deduplication', 'Sessionization into the accumulating snapshot', 'The snapshot’s later updates']) {
      await expect(page.getByRole('heading', { level: 3, name: stage })).toBeVisible();
    }
    await expect(page.getByText('sql/redshift/streaming/010_kinesis_source.sql', { exact: true })).toBeVisible();
    const sql = page.getByLabel('sql/transforms/060_rebuild_sessions.sql', { exact: true });
    await expect(sql).toBeHidden();
    await page.getByText('SQL of sql/transforms/060_rebuild_sessions.sql', { exact: true }).click();
    await expect(sql).toBeVisible();
    await expect(sql).toContainText('delete from fact_viewing_session');
  });

  test('works a real session through: its raw events in order, the rules applied, the fact row they produced', async ({ page, request }) => {
    const loaded = await hasSessions(request);
    await open(page);
    const example = page.getByRole('region', { name: 'A session, worked through' });
    const events = example.getByRole('table', { name: /^Raw events of the session/ });
    const empty = example.getByRole('heading', { name: 'No engagement data loaded yet' });
    await expect(events.or(empty)).toBeVisible();
    if (!loaded && (await empty.isVisible())) {
      await expect(example.getByText('npm run data:load -- DIR')).toBeVisible();
      return;
    }
    await expect(events).toBeVisible();
    const rows = events.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const counted = events.locator('tbody tr[data-counted="true"]');
    const types = await counted.locator('th').allInnerTexts();
    expect(types.some((t) => t === 'pause' || t === 'seek')).toBe(true);
    expect(types.at(-1)).toBe('stop');
    const times = await counted.locator('td:nth-child(2)').allInnerTexts();
    expect([...times].sort()).toEqual(times);

    const check = example.getByRole('table', { name: /^Measures computed from the events/ });
    await expect(check.locator('tbody tr')).toHaveCount(9);
    await expect(check.locator('tbody td:last-child')).toHaveText(Array(9).fill('agrees'));
    await expect(example.getByRole('definition').first()).toBeVisible();
    await expect(example.getByLabel(/^fact_viewing_session row /)).toContainText('closed');
  });

  test('fits a 375 px wide screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(page);
    await expect(page.getByRole('region', { name: 'A session, worked through' }).locator('[aria-busy="true"]')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violation (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await open(page);
      await expect(page.getByRole('region', { name: 'A session, worked through' }).locator('[aria-busy="true"]')).toHaveCount(0);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
