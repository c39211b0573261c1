import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const ENTITIES = ['User', 'Device', 'Content', 'Movie', 'Series', 'Season', 'Episode', 'Viewing Session', 'Rating'];

async function open(page: Page) {
  await page.goto('/model/conceptual');
  await expect(page.getByRole('heading', { level: 1, name: 'Users, content and viewing' })).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(ENTITIES.length);
}

test.describe('conceptual model', () => {
  test('is reached from the model views and draws every entity and relationship with its cardinalities', async ({ page }) => {
    await page.goto('/model');
    await page.getByRole('navigation', { name: 'Model views' }).getByRole('link', { name: 'Conceptual' }).click();
    await expect(page).toHaveURL(/\/model\/conceptual$/);
    await expect(page.getByRole('link', { name: 'Conceptual' })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.react-flow__node')).toHaveCount(ENTITIES.length);
    for (const name of ENTITIES) await expect(page.locator('.react-flow__node').getByText(name, { exact: true })).toBeVisible();
    // Nine relationships and two subtypes (Movie and Episode are kinds of Content).
    await expect(page.locator('.react-flow__edge')).toHaveCount(11);
    const starts = page.locator('.react-flow__edge[data-id="rel:user->viewing-session"]');
    await expect(starts).toHaveCount(1);
    await expect(page.locator('.react-flow__edgelabel-renderer').getByText('0..1', { exact: true })).toHaveCount(1);
  });

  test('reads every relationship as text, both ways, with the columns behind it', async ({ page }) => {
    await open(page);
    const list = page.getByRole('region', { name: 'Relationships' });
    await expect(list.getByRole('listitem')).toHaveCount(9);
    await expect(list.getByText('A User starts zero or more Viewing Sessions. A Viewing Session is started by exactly one User.')).toBeVisible();
    await expect(list.getByText('A Series has one or more Seasons. A Season belongs to exactly one Series.')).toBeVisible();
    await expect(list.getByText('fact_viewing_session.user_key', { exact: true })).toBeVisible();
    const entities = page.getByRole('region', { name: 'Entities and the tables that hold them' });
    await entities.getByRole('link', { name: 'fact_content_rating' }).click();
    await expect(page).toHaveURL(/\/model\/tables#fact_content_rating$/);
  });

  test('fits a 375 px wide screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violation (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await open(page);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
