import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page, type Response } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { OVERVIEW_FIGURES, type OverviewAnswer, type TrendRow } from '../types/dashboard';
import { addDays, comparisonPeriod, daysInRange, trendBuckets } from '../types/period';

const ALL_METRICS = ['overview', 'trend', 'watch-time', 'top-titles', 'peak-hours', 'session-duration', 'completion', 'rating-popularity'] as const;
type Metric = (typeof ALL_METRICS)[number];

const panel = (page: Page, metric: Metric) => page.locator(`section[data-metric="${metric}"]`);
const filters = (page: Page) => page.getByRole('search', { name: 'Dashboard filters' });

async function expectReady(page: Page, metrics: readonly Metric[] = ['overview', 'trend']) {
  for (const metric of metrics) await expect(panel(page, metric)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

const isMetricResponse = (metric: Metric) => (r: Response) => new URL(r.url()).pathname === `/api/metrics/${metric}` && r.request().method() === 'GET';

/** The period the default preset stands for, as the API answers it (the page sends no dates for it). */
async function defaultPeriod(page: Page): Promise<{ from: string; to: string }> {
  const answer = (await (await page.request.get('/api/metrics/overview')).json()) as OverviewAnswer;
  return { from: String(answer.params.from), to: String(answer.params.to) };
}

/** A CSV or data-* value as a number, or null for an empty cell. */
const value = (text: string | null | undefined) => (text == null || text === '' ? null : Number(text));

async function download(page: Page, link: Locator): Promise<Record<string, string>[]> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return parse(readFileSync(await file.path()), { columns: true }) as Record<string, string>[];
}

test.describe('headline figures', () => {
  test('show the seven figures and, against the previous period, each change with an arrow, a sign and words', async ({ page }) => {
    const answered = page.waitForResponse((r) => isMetricResponse('overview')(r) && new URL(r.url()).searchParams.get('compare') === 'previous');
    await page.goto('/?compare=previous');
    const answer = (await (await answered).json()) as OverviewAnswer;
    await expectReady(page, ['overview']);
    const overview = panel(page, 'overview');

    // Above every other panel.
    const order = await page.locator('section[data-metric]').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-metric')));
    expect(order).toEqual([...ALL_METRICS]);

    const period = { from: String(answer.params.from), to: String(answer.params.to) };
    const previous = comparisonPeriod(period, 'previous');
    await expect(overview.getByText(`compared with the previous period: ${previous.from} to ${previous.to}`)).toBeVisible();
    expect(answer.comparison).toMatchObject({ ...previous });

    for (const name of OVERVIEW_FIGURES) {
      const figure = overview.locator(`[data-figure="${name}"]`);
      await expect(figure.locator('.stat__value')).not.toHaveText('—');
      const change = answer.change?.[name] ?? null;
      const mark = figure.locator('[data-direction]');
      if (change === null) {
        await expect(mark).toHaveAttribute('data-direction', 'none');
        await expect(mark).toHaveText(/^—\s*no comparison data$/);
      } else if (Math.abs(change) < 0.0005) {
        await expect(mark).toHaveAttribute('data-direction', 'flat');
      } else {
        const words = `${change > 0 ? 'up' : 'down'} ${Math.abs(change * 100).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} % vs previous period`;
        await expect(mark).toHaveAttribute('data-direction', change > 0 ? 'up' : 'down');
        // Arrow and signed percentage for the eye (hidden from screen readers), the sentence for them.
        await expect(mark.locator('[aria-hidden="true"]')).toHaveText(new RegExp(`^${change > 0 ? '▲ \\+' : '▼ −'}\\d[\\d,]*\\.\\d %$`));
        await expect(mark.locator('.visually-hidden')).toHaveText(words);
      }
    }
    // The demo data start 60 days ago: most figures have a previous period to compare with.
    expect(OVERVIEW_FIGURES.filter((name) => answer.change?.[name] != null).length).toBeGreaterThan(3);
  });

  test('show a dash and "no comparison data" when the comparison period is empty', async ({ page }) => {
    await page.goto('/?compare=year');
    await expectReady(page, ['overview']);
    const answer = (await (await page.request.get('/api/metrics/overview?compare=year')).json()) as OverviewAnswer;
    // The demo dataset covers the last 60 days only: a year earlier there is nothing, so no change is defined.
    expect(answer.comparison?.summary.sessions).toBe(0);
    const marks = panel(page, 'overview').locator('[data-figure] [data-direction]');
    await expect(marks).toHaveCount(OVERVIEW_FIGURES.length);
    for (const mark of await marks.all()) {
      await expect(mark).toHaveAttribute('data-direction', 'none');
      await expect(mark.locator('.visually-hidden')).toHaveText('no comparison data');
    }
  });

  test('have no change marks without a comparison', async ({ page }) => {
    await page.goto('/');
    await expectReady(page, ['overview']);
    await expect(panel(page, 'overview').locator('[data-figure]')).toHaveCount(OVERVIEW_FIGURES.length);
    await expect(panel(page, 'overview').locator('[data-direction]')).toHaveCount(0);
  });

  test('the comparison control round-trips through the URL, reload and back; only the overview request carries it', async ({ page }) => {
    const carriers = new Set<string>();
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/metrics/') && url.searchParams.has('compare')) carriers.add(url.pathname);
    });
    await page.goto('/');
    await expectReady(page);
    const control = filters(page).getByLabel('Compare with');
    await expect(control).toHaveValue('none');

    await control.selectOption({ label: 'Previous period' });
    await expect(page).toHaveURL(/[?&]compare=previous(&|$)/);
    await expectReady(page);
    await expect(panel(page, 'overview').locator('[data-figure="sessions"] [data-direction]')).toBeVisible();

    await page.reload();
    await expect(filters(page).getByLabel('Compare with')).toHaveValue('previous');
    await expectReady(page);
    await expect(panel(page, 'overview').locator('[data-figure="sessions"] [data-direction]')).toBeVisible();

    await filters(page).getByLabel('Compare with').selectOption('year');
    await expect(page).toHaveURL(/[?&]compare=year(&|$)/);
    await expectReady(page);

    await page.goBack();
    await expect(page).toHaveURL(/[?&]compare=previous(&|$)/);
    await expect(filters(page).getByLabel('Compare with')).toHaveValue('previous');
    await page.goBack();
    await expect(page).not.toHaveURL(/compare=/);
    await expect(filters(page).getByLabel('Compare with')).toHaveValue('none');
    await expectReady(page);
    await expect(panel(page, 'overview').locator('[data-direction]')).toHaveCount(0);

    expect([...carriers]).toEqual(['/api/metrics/overview']);
  });

  test('the CSV download holds the figures of the table', async ({ page }) => {
    await page.goto('/?compare=previous');
    await expectReady(page, ['overview']);
    const overview = panel(page, 'overview');
    await overview.getByRole('radio', { name: 'Table' }).check();
    const table = overview.getByRole('table', { name: 'Headline figures against the previous period' });
    await expect(table.getByRole('columnheader')).toHaveText(['Figure', 'This period', 'Previous period', 'Change']);
    const cells = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({ figure: row.getAttribute('data-figure'), values: [...row.querySelectorAll('td')].map((td) => td.getAttribute('data-value')) })),
    );
    expect(cells.map((c) => c.figure)).toEqual([...OVERVIEW_FIGURES]);

    const records = await download(page, overview.getByRole('link', { name: 'Download CSV' }));
    expect(records.map((r) => r.period)).toEqual(['current', 'comparison', 'change']);
    const byPeriod = Object.fromEntries(records.map((r) => [r.period, r]));
    for (const { figure, values } of cells) {
      const name = figure ?? '';
      expect(values.map(value), name).toEqual(['current', 'comparison', 'change'].map((p) => value(byPeriod[p]?.[name])));
    }
    // Counts also read the same once the thousands separators are gone.
    const sessions = await table.locator('tr[data-figure="sessions"] td').first().innerText();
    expect(sessions.replaceAll(',', '')).toBe(byPeriod.current?.sessions);
  });
});

test.describe('trend', () => {
  test('the grain switch changes the buckets, in the URL, over a custom period of three months', async ({ page }) => {
    const base = await defaultPeriod(page);
    const period = { from: addDays(base.from, -15), to: addDays(base.to, 5) };
    await page.goto(`/?from=${period.from}&to=${period.to}`);
    await expectReady(page, ['trend']);
    const trend = panel(page, 'trend');
    await trend.getByRole('radio', { name: 'Table' }).check();
    const rows = trend.getByRole('table', { name: 'Trend per bucket' }).locator('tbody tr');
    await expect(rows).toHaveCount(daysInRange(period.from, period.to));

    for (const grain of ['month', 'week', 'day'] as const) {
      // Back to days, the first answer is still fresh in the page's cache: no request.
      const answered = grain === 'day' ? null : page.waitForResponse((r) => isMetricResponse('trend')(r) && new URL(r.url()).searchParams.get('grain') === grain);
      await trend.getByRole('radiogroup', { name: 'Trend grain' }).getByRole('radio', { name: `Per ${grain}` }).click();
      if (grain === 'day') await expect(page).not.toHaveURL(/trend_grain=/);
      else await expect(page).toHaveURL(new RegExp(`[?&]trend_grain=${grain}(&|$)`));
      await answered;
      await expectReady(page, ['trend']);
      const expected = trendBuckets(period, grain);
      await expect(rows).toHaveCount(expected.length);
      const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({ bucket: tr.getAttribute('data-bucket'), days: Number((tr.querySelector('td') as HTMLElement).innerText) })));
      expect(shown).toEqual(expected);
    }
    expect(trendBuckets(period, 'month').length).toBeGreaterThanOrEqual(3);
  });

  test('the CSV download holds the rows of the table', async ({ page }) => {
    await page.goto('/?trend_grain=week&compare=previous');
    await expectReady(page, ['trend']);
    const trend = panel(page, 'trend');
    await trend.getByRole('radio', { name: 'Table' }).check();
    const table = trend.getByRole('table', { name: 'Trend per bucket beside the previous period' });
    await expect(table.getByRole('columnheader', { name: 'Comparison bucket' })).toBeVisible();
    const shown = await table.locator('tbody tr[data-bucket]').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim().replaceAll(',', ''));
        return { bucket: tr.getAttribute('data-bucket'), days: cells[0], watch_seconds: tr.querySelectorAll('td')[1]?.getAttribute('data-seconds'), sessions: cells[2], viewers: cells[3], completed_sessions: cells[4] };
      }),
    );
    const link = trend.getByRole('link', { name: 'Download CSV' });
    // The same request as the panel's: its grain, never the comparison (which the trend refuses).
    const href = new URL((await link.getAttribute('href')) ?? '', 'http://x');
    expect(href.searchParams.get('grain')).toBe('week');
    expect(href.searchParams.has('compare')).toBe(false);
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(file.suggestedFilename()).toMatch(/^trend_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parse(readFileSync(await file.path()), { columns: true }) as Record<string, string>[];
    expect(records.length).toBeGreaterThan(3);
    const csv = records.map((r) => ({ bucket: r.bucket, days: r.days, watch_seconds: r.watch_seconds, sessions: r.sessions, viewers: r.viewers, completed_sessions: r.completed_sessions }));
    expect(shown.map((r) => ({ ...r, watch_seconds: value(r.watch_seconds) }))).toEqual(csv.map((r) => ({ ...r, watch_seconds: value(r.watch_seconds) })));
  });

  test('draws the comparison series from the comparison period of the period answered', async ({ page }) => {
    const comparison = page.waitForResponse((r) => isMetricResponse('trend')(r) && new URL(r.url()).searchParams.has('from'));
    await page.goto('/?compare=previous&trend_grain=week');
    const base = await defaultPeriod(page);
    const previous = comparisonPeriod(base, 'previous');
    const request = new URL((await comparison).url()).searchParams;
    expect({ from: request.get('from'), to: request.get('to'), grain: request.get('grain') }).toEqual({ ...previous, grain: 'week' });
    await expectReady(page, ['trend']);
    const trend = panel(page, 'trend');
    await expect(trend.getByText(`beside the previous period: ${previous.from} to ${previous.to}`)).toBeVisible();
    await trend.getByRole('radio', { name: 'Table' }).check();
    const answer = (await (await comparison).json()) as { rows: TrendRow[] };
    const first = answer.rows[0];
    expect(first?.bucket).toBe(previous.from);
    // Bucket i beside bucket i: the first row pairs the two periods' first weeks.
    const rows = trend.getByRole('table', { name: 'Trend per bucket beside the previous period' }).locator('tbody tr');
    await expect(rows.first().locator('td').nth(5)).toHaveText(first && first.days > 1 ? `${first.bucket} to ${addDays(first.bucket, first.days - 1)}` : previous.from);
  });

  test('clicking a bucket in the table or the chart makes it the period', async ({ page }) => {
    // Four views of the whole dashboard, each waited for: near the default timeout on two shared cores.
    test.slow();
    await page.goto('/?trend_grain=week');
    await expectReady(page, ['trend']);
    const trend = panel(page, 'trend');
    await trend.getByRole('radio', { name: 'Table' }).check();
    // The table's rows, not the bind values' of the (closed) SQL dialog.
    const rows = trend.getByRole('table', { name: 'Trend per bucket' }).locator('tbody tr');
    const second = rows.nth(1);
    const bucket = (await second.getAttribute('data-bucket')) ?? '';
    const days = Number(await second.locator('td').first().innerText());
    const to = addDays(bucket, days - 1);
    await second.getByRole('button', { name: `Set the period to ${bucket} to ${to}` }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]from=${bucket}&to=${to}(&|$)`));
    await expect(page).toHaveURL(/trend_grain=week/);
    await expect(filters(page).getByLabel('Period')).toHaveValue('custom');
    await expect(filters(page).getByLabel('From', { exact: true })).toHaveValue(bucket);
    await expect(filters(page).getByLabel('To', { exact: true })).toHaveValue(to);
    await expectReady(page);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-bucket', bucket);
    await page.goBack();
    await expect(page).not.toHaveURL(/from=/);

    // The chart over the default full month, per month: a single bar across most of the plot, so a click
    // in the middle of the chart lands on it, and its menu makes its dates (the month's) the period.
    const base = await defaultPeriod(page);
    await page.goto('/?trend_grain=month');
    await expectReady(page, ['trend']);
    const chart = trend.getByRole('img', { name: /^Bar chart of watch hours per month/ });
    const box = await chart.boundingBox();
    expect(box).not.toBeNull();
    await chart.click({ position: { x: (box?.width ?? 0) / 2, y: (box?.height ?? 0) * 0.75 } });
    await trend.getByRole('group', { name: `${base.from} to ${base.to}` }).getByRole('button', { name: `Set the period to ${base.from} to ${base.to}` }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]from=${base.from}&to=${base.to}(&|$)`));
    await expect(filters(page).getByLabel('Period')).toHaveValue('custom');
  });

  test('has an empty state when no session matches', async ({ page }) => {
    await page.goto('/?from=2000-01-01&to=2000-01-31&compare=previous');
    for (const metric of ['overview', 'trend'] as const) {
      await expect(panel(page, metric)).toHaveAttribute('data-state', 'empty', { timeout: 30_000 });
      await expect(panel(page, metric)).toContainText('No sessions match');
    }
  });

  test('names a refused parameter in its error state and links to the model', async ({ page }) => {
    await page.goto('/?from=2026-13-40&to=2026-01-01&compare=previous');
    for (const metric of ['overview', 'trend'] as const) {
      await expect(panel(page, metric)).toHaveAttribute('data-state', 'error');
      await expect(panel(page, metric).getByRole('alert')).toContainText('from');
      await expect(panel(page, metric).getByRole('link', { name: 'Trace in the model' })).toHaveAttribute('href', `/model?trace=${metric}`);
    }
  });

  test('View SQL shows the trend statement with its bind values', async ({ page }) => {
    await page.goto('/?trend_grain=month');
    await expectReady(page, ['trend']);
    await panel(page, 'trend').getByRole('button', { name: 'View SQL' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel(/^SQL of/)).toContainText('FROM');
    await expect(dialog.getByRole('cell', { name: '$1' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`headline figures and trend have no serious or critical axe violation, as figures and charts and as tables (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/?compare=previous&trend_grain=week');
    await expectReady(page, ALL_METRICS);
    const check = async () => {
      const results = await new AxeBuilder({ page }).include('section[data-metric="overview"]').include('section[data-metric="trend"]').include('[role="search"]').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    };
    await check();
    for (const metric of ['overview', 'trend'] as const) await panel(page, metric).getByRole('radio', { name: 'Table' }).check();
    await check();
  });
}
