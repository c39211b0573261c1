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

  test('defines the headline figures, their comparison periods and changes, and the trend buckets', async ({ page }) => {
    await page.goto('/glossary');
    for (const term of ['Headline figures', 'Comparison period', 'Change', 'Trend']) {
      await expect(page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
    }
    // Worked examples from the calendar functions the API uses: a leap February, and cut weeks and months.
    await expect(page.locator('#comparison-period')).toContainText('the previous period is 2028-01-03 to 2028-01-31');
    await expect(page.locator('#comparison-period')).toContainText('same period last year is 2027-02-01 to 2027-02-28');
    await expect(page.locator('#change')).toContainText('(current − comparison) ÷ comparison');
    await expect(page.locator('#metric-trend')).toContainText('2026-10-29 (4 days), 2026-11-02 (7 days), 2026-11-09 (7 days), 2026-11-16 (2 days)');
    await expect(page.locator('#metric-trend')).toContainText('the months are 2026-10-29 (3 days), 2026-11-01 (17 days)');
  });

  test('defines titles, seasons, views and the sessions behind a figure', async ({ page }) => {
    await page.goto('/glossary');
    for (const term of ['Title', 'Season', 'Completion per season and per title', 'Watch time by title', 'Views', 'Sessions behind a figure']) {
      await expect(page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
    }
    await expect(page.locator('#views')).toContainText('A season of 10 episodes of 45 minutes runs 7.5 hours; watched for 150 hours it has 20 views.');
    await expect(page.locator('#sessions-list')).toContainText('100 to a page');
    await expect(page.locator('#season')).toContainText('a movie has no season');
  });

  test('has no serious or critical axe violation', async ({ page }) => {
    await page.goto('/glossary');
    await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
