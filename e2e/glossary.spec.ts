import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('glossary', () => {
  test('defines the five questions and the session rules, reachable from the navigation', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Glossary' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
    for (const term of ['Watch time by user, genre or device type', 'Peak viewing hours, weekdays vs weekends', 'Completion rate', 'Session duration', 'Rating vs popularity', 'Completed']) {
      await expect(page.getByRole('term').filter({ hasText: term })).toBeVisible();
    }
    await expect(page.locator('#completion')).toContainText('95 %');
    await expect(page.locator('#metric-session-duration')).toContainText('[120m,∞)');
  });

  test('has no serious or critical axe violation', async ({ page }) => {
    await page.goto('/glossary');
    await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
