import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const MODEL_TABLES = [
  'fact_viewing_session',
  'fact_content_rating',
  'dim_user',
  'dim_content',
  'dim_device',
  'dim_date',
  'dim_time_of_day',
] as const;

function primaryNav(page: Page) {
  return page.getByRole('navigation', { name: 'Primary' });
}

test.describe('dashboards overview', () => {
  test('shows the live warehouse status', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible();

    const status = page.getByRole('region', { name: 'Warehouse status' });
    await expect(status).toHaveAttribute('data-state', 'ready');
    // The e2e server runs on a throwaway embedded database.
    await expect(status.getByText('Embedded DuckDB')).toBeVisible();
    await expect(status.getByRole('table', { name: 'Applied migrations' })).toBeVisible();

    const tables = status.getByRole('table', { name: 'Tables' });
    await expect(tables.getByRole('rowheader', { name: 'fact_viewing_session' })).toBeVisible();
    await expect(tables.getByRole('rowheader', { name: 'dim_user' })).toBeVisible();

    const factRows = await status.locator('.stat', { hasText: 'Fact rows' }).locator('.stat__value').innerText();
    const emptyNotice = status.getByRole('heading', { name: 'No engagement data loaded yet' });
    if (factRows.trim() === '0') {
      await expect(emptyNotice).toBeVisible();
      await expect(status.getByText('npm run data:load -- DIR')).toBeVisible();
    } else {
      await expect(emptyNotice).toHaveCount(0);
    }
  });

  test('offers a skip link to the main content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to content' });
    await expect(skipLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
  });
});

test.describe('navigation', () => {
  test('moves between Dashboards and Model and marks the current page', async ({ page }) => {
    await page.goto('/');
    const dashboards = primaryNav(page).getByRole('link', { name: 'Dashboards' });
    const model = primaryNav(page).getByRole('link', { name: 'Model' });
    await expect(dashboards).toHaveAttribute('aria-current', 'page');
    await expect(model).not.toHaveAttribute('aria-current');

    await model.click();
    await expect(page).toHaveURL('/model');
    await expect(page.getByRole('heading', { level: 1, name: 'Warehouse model' })).toBeVisible();
    await expect(model).toHaveAttribute('aria-current', 'page');
    await expect(dashboards).not.toHaveAttribute('aria-current');

    await dashboards.click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible();
    await expect(dashboards).toHaveAttribute('aria-current', 'page');
    await expect(model).not.toHaveAttribute('aria-current');
  });

  test('shows the not-found page with a way home for unknown routes', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

    await page.getByRole('link', { name: 'Go to Dashboards' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible();
  });
});

test.describe('warehouse model, list view', () => {
  test('lists every core table, facts before dimensions', async ({ page }) => {
    await page.goto('/model');
    await page.getByRole('navigation', { name: 'Model views' }).getByRole('link', { name: 'Tables' }).click();
    await expect(page).toHaveURL('/model/tables');
    await expect(page.getByRole('heading', { level: 1, name: 'Tables and relationships' })).toBeVisible();
    const toc = page.getByRole('navigation', { name: 'Tables' });

    for (const name of MODEL_TABLES) {
      const section = page.getByRole('region', { name, exact: true });
      await expect(section).toHaveAttribute('id', name);
      await expect(section.getByRole('table', { name: `Columns of ${name}` })).toBeVisible();
      await expect(toc.getByRole('link', { name, exact: true })).toHaveAttribute('href', `#${name}`);
    }

    const order = await page.locator('section[id]').evaluateAll((sections) => sections.map((s) => s.id));
    const lastFact = Math.max(order.indexOf('fact_viewing_session'), order.indexOf('fact_content_rating'));
    const firstDimension = Math.min(...MODEL_TABLES.filter((n) => n.startsWith('dim_')).map((n) => order.indexOf(n)));
    expect(lastFact).toBeLessThan(firstDimension);
  });

  test('lists every relationship the diagram draws', async ({ page }) => {
    await page.goto('/model/tables');
    const relationships = page.getByRole('table', { name: 'Relationships between the tables' });
    // One row per foreign key of the committed DDL, rollups' included.
    const foreignKeys = readFileSync('sql/redshift/warehouse.sql', 'utf8').match(/FOREIGN KEY \(/g)?.length ?? 0;
    expect(foreignKeys).toBeGreaterThan(11);
    await expect(relationships.locator('tbody tr')).toHaveCount(foreignKeys);
    await expect(relationships.getByRole('row', { name: /fact_viewing_session\.user_key dim_user\.user_key/ })).toBeVisible();
  });

  test('deep links to a table by its name', async ({ page }) => {
    await page.goto('/model/tables#dim_user');
    const section = page.locator('section#dim_user');
    await expect(section).toBeInViewport();
    await expect(section.getByRole('heading', { name: 'dim_user' })).toBeVisible();
  });
});

test.describe('theme', () => {
  test.use({ colorScheme: 'light' });

  test('toggles and remembers the theme', async ({ page }) => {
    await page.goto('/');
    const html = page.locator('html');
    const toggle = page.getByRole('button', { name: 'Dark theme' });

    await expect(html).not.toHaveAttribute('data-theme');
    // aria-pressed appears once the toggle has hydrated.
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');

    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(html).toHaveAttribute('data-theme', 'light');
  });
});

test.describe('accessibility', () => {
  for (const [path, ready] of [
    ['/', (page: Page) => expect(page.getByRole('region', { name: 'Warehouse status' })).toHaveAttribute('data-state', 'ready')],
    ['/model/tables', (page: Page) => expect(page.locator('section#fact_viewing_session')).toBeVisible()],
  ] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${path} has no serious or critical axe violation (${theme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(path);
        await ready(page);
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  }
});
