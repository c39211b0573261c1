import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const GALAXY = ['fact_viewing_session', 'fact_content_rating', 'dim_date', 'dim_time_of_day', 'dim_user', 'dim_content', 'dim_device'];

async function openDiagram(page: Page) {
  await page.goto('/model/erd');
  await expect(page.getByRole('heading', { level: 1, name: 'Warehouse diagram' })).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(GALAXY.length);
}

test.describe('warehouse diagram', () => {
  test('is reached from the model and draws the galaxy: a node per table, an edge per foreign key', async ({ page }) => {
    await page.goto('/model');
    await page.getByRole('navigation', { name: 'Model views' }).getByRole('link', { name: 'Diagram' }).click();
    await expect(page).toHaveURL(/\/model\/erd$/);
    await expect(page.locator('.react-flow__node')).toHaveCount(GALAXY.length);
    for (const name of GALAXY) {
      await expect(page.locator(`.react-flow__node[data-id="${name}"]`)).toBeVisible();
    }
    await expect(page.locator('.react-flow__edge')).toHaveCount(10);
    await expect(page.locator('.react-flow__edge[data-id="fk:fact_viewing_session.user_key->dim_user.user_key"]')).toHaveCount(1);

    await page.getByLabel('Show staging and audit tables').check();
    await expect(page.locator('.react-flow__node')).toHaveCount(11);
    await expect(page.locator('.react-flow__edge')).toHaveCount(11);
  });

  test('selecting the viewing fact shows its distribution, sort key and columns', async ({ page }) => {
    await openDiagram(page);
    await page.locator('.react-flow__node[data-id="fact_viewing_session"]').getByText('fact_viewing_session', { exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'fact_viewing_session' });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('DISTKEY (user_key)');
    await expect(panel).toContainText('COMPOUND SORTKEY (start_date_key, content_key)');
    for (const column of ['session_id', 'user_key', 'content_key', 'start_date_key']) {
      await expect(panel.getByText(column, { exact: true }).first()).toBeVisible();
    }
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel).toBeHidden();
  });

  test('selecting a relationship highlights the join columns on both tables', async ({ page }) => {
    await openDiagram(page);
    await page.locator('.react-flow__edge[data-id="fk:fact_content_rating.rating_date_key->dim_date.date_key"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-highlight="join"]')).toHaveCount(2);
    await expect(page.locator('.react-flow__node[data-id="fact_content_rating"] [data-column="rating_date_key"]')).toHaveAttribute('data-highlight', 'join');
    await expect(page.locator('.react-flow__node[data-id="dim_date"] [data-column="date_key"]')).toHaveAttribute('data-highlight', 'join');
  });

  test('search highlights matching tables and columns', async ({ page }) => {
    await openDiagram(page);
    await page.getByLabel('Find a table or column').fill('rating_date');
    await expect(page.getByText('1 table', { exact: true })).toBeVisible();
    await expect(page.locator('[data-highlight="match"]')).toHaveCount(1);
    await expect(page.locator('.react-flow__node[data-id="fact_content_rating"] [data-column="rating_date_key"]')).toHaveAttribute('data-highlight', 'match');
  });

  test('exports the diagram as streamflix-erd.png', async ({ page }) => {
    await openDiagram(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('streamflix-erd.png');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violation (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await openDiagram(page);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
