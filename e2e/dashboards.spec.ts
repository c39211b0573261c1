import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';

const METRICS = ['overview', 'trend', 'watch-time', 'top-titles', 'peak-hours', 'session-duration', 'completion', 'rating-popularity'] as const;

const panel = (page: Page, metric: (typeof METRICS)[number]) => page.locator(`section[data-metric="${metric}"]`);

async function expectAllReady(page: Page) {
  for (const metric of METRICS) await expect(panel(page, metric)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

test.describe('engagement dashboards', () => {
  test('the headline figures, the trend and the five questions answer on the demo data, one request each', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/metrics/')) requests.push(new URL(r.url()).pathname);
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible();
    await expectAllReady(page);
    // No refetch storm: one request per panel, and none again when the window regains focus.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForTimeout(500);
    expect(requests.sort()).toEqual(METRICS.map((m) => `/api/metrics/${m}`).sort());
    for (const metric of METRICS) await expect(panel(page, metric).getByRole('heading', { level: 2 })).toBeVisible();
    await expect(panel(page, 'watch-time').getByRole('heading', { level: 2 })).toHaveText(/watch/i);
    // Headline figures and the peaks are filled in.
    await expect(panel(page, 'overview').locator('[data-figure="watch_seconds"] .stat__value')).toHaveText(/^[\d,]+ h$/);
    await expect(panel(page, 'session-duration').locator('[data-figure="median_session_seconds"] .stat__value')).not.toHaveText('—');
    await expect(panel(page, 'peak-hours').locator('[data-peak="weekday"] .stat__value')).toHaveText(/^\d\d:00–\d\d:00$/);
    await expect(panel(page, 'rating-popularity').locator('[data-figure="pearson"] .stat__value')).toHaveText(/^-?\d\.\d\d$/);
  });

  test('a filter change goes into the URL and reaches every panel; back undoes it', async ({ page }) => {
    await page.goto('/');
    await expectAllReady(page);
    const requests = METRICS.map((metric) =>
      page.waitForResponse((r) => r.url().includes(`/api/metrics/${metric}?`) && new URL(r.url()).searchParams.get('device_type') === 'tv' && r.ok()),
    );
    await page.locator('summary', { hasText: 'Device type' }).click();
    await page.getByRole('checkbox', { name: 'tv', exact: true }).check();
    await expect(page).toHaveURL(/[?&]device_type=tv(&|$)/);
    await Promise.all(requests);
    await expectAllReady(page);

    await page.goBack();
    await expect(page).not.toHaveURL(/device_type=/);
    await expectAllReady(page);
  });

  test('a period preset and a link reproduce the same view', async ({ page }) => {
    await page.goto('/');
    await expectAllReady(page);
    const period = page.getByRole('search', { name: 'Dashboard filters' }).getByLabel('Period');
    await period.selectOption('30d');
    await expect(page).toHaveURL(/[?&]period=30d/);
    await expectAllReady(page);
    const shared = page.url();

    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(other.getByRole('search', { name: 'Dashboard filters' }).getByLabel('Period')).toHaveValue('30d');
    await expectAllReady(other);
  });

  test('clicking a genre or a title filters every panel to it', async ({ page }) => {
    await page.goto('/');
    await expectAllReady(page);
    const watch = panel(page, 'watch-time');
    await watch.getByRole('radio', { name: 'Table' }).check();
    const first = watch.getByRole('table', { name: 'Watch time by genre' }).locator('tbody tr').first().getByRole('button', { name: /^Filter to / });
    const genre = (await first.innerText()).trim();
    await first.click();
    await expect(page).toHaveURL(new RegExp(`[?&]genre=${encodeURIComponent(genre).replace(/%20/g, '(\\+|%20)')}(&|$)`));
    await expectAllReady(page);
    await expect(page.locator('summary', { hasText: 'Genre' })).toContainText(genre);

    // Every completion row is now of that genre.
    const completion = panel(page, 'completion');
    const genres = await completion.getByRole('table', { name: 'Completion rate per content item' }).locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(genres.length).toBeGreaterThan(0);
    expect(new Set(genres)).toEqual(new Set([genre]));
  });

  test('the CSV download holds the rows of the table', async ({ page }) => {
    await page.goto('/?watch_by=device_type');
    await expectAllReady(page);
    const watch = panel(page, 'watch-time');
    await watch.getByRole('radio', { name: 'Table' }).check();
    const tableRows = await watch.getByRole('table', { name: 'Watch time by device type' }).locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim());
        return { key: cells[1], sessions: cells[3]?.replaceAll(',', ''), viewers: cells[4]?.replaceAll(',', '') };
      }),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), watch.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^watch-time_device_type_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parse(readFileSync(await download.path()), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => ({ key: r.device_type, sessions: r.sessions, viewers: r.viewers }))).toEqual(tableRows);
    expect(records.length).toBeGreaterThan(1);
  });

  test('View SQL shows the statement and its bind values', async ({ page, request }) => {
    // The statement the API ran for this panel: a rollup or the fact, whichever answers it exactly.
    const answer = (await (await request.get('/api/metrics/completion?genre=Drama&limit=100')).json()) as { sql: string };
    const source = /\bFROM\s+(\w+)/.exec(answer.sql)?.[1];
    expect(source).toBeDefined();
    await page.goto('/?genre=Drama');
    await expectAllReady(page);
    const completion = panel(page, 'completion');
    await completion.getByRole('button', { name: 'View SQL' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel(/^SQL of/)).toContainText('FROM');
    await expect(dialog.getByLabel(/^SQL of/)).toContainText(source ?? 'no FROM in the API statement');
    await expect(dialog.getByRole('cell', { name: '"Drama"' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  test('bad URL parameters give each panel an error state that names the parameter', async ({ page }) => {
    await page.goto('/?from=2026-13-40&to=2026-01-01&device_type=toaster');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible();
    for (const metric of METRICS) {
      await expect(panel(page, metric)).toHaveAttribute('data-state', 'error');
      await expect(panel(page, metric).getByRole('alert')).toContainText('from');
    }
    await page.goto('/?device_type=toaster');
    await expect(panel(page, 'peak-hours')).toHaveAttribute('data-state', 'error');
    await expect(panel(page, 'peak-hours').getByRole('alert')).toContainText('device_type');
    await panel(page, 'peak-hours').getByRole('link', { name: 'Reset the view' }).click();
    await expectAllReady(page);
  });

  test('links each panel to its trace in the model', async ({ page }) => {
    await page.goto('/');
    await expectAllReady(page);
    for (const metric of METRICS) {
      await expect(panel(page, metric).getByRole('link', { name: 'Trace in the model' })).toHaveAttribute('href', `/model?trace=${metric}`);
    }
  });

  test('fits a 375 px wide phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/');
    await expectAllReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violation (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/');
      await expectAllReady(page);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
