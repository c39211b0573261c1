import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const redshiftDdl = readFileSync('sql/redshift/warehouse.sql', 'utf8');
const postgresDdl = readFileSync('sql/postgres/warehouse.sql', 'utf8');
const duckdbDdl = readFileSync('sql/duckdb/warehouse.sql', 'utf8');

test.describe('warehouse DDL', () => {
  test('is reached from the model and shows the Redshift DDL with its physical design', async ({ page }) => {
    await page.goto('/model');
    await page.getByRole('navigation', { name: 'Model views' }).getByRole('link', { name: 'DDL' }).click();
    await expect(page).toHaveURL(/\/model\/ddl$/);
    await expect(page.getByRole('link', { name: 'DDL' })).toHaveAttribute('aria-current', 'page');
    const redshift = page.getByLabel('Redshift DDL');
    await expect(redshift).toContainText('CREATE TABLE fact_viewing_session');
    await expect(redshift).toContainText('COMPOUND SORTKEY (start_date_key, content_key)');
    await expect(redshift).toContainText('DISTKEY (user_key)');
    // Highlighted, not plain text.
    await expect(redshift.locator('.hljs-keyword').first()).toBeVisible();
    expect(await redshift.textContent()).toBe(redshiftDdl);
  });

  test('shows the PostgreSQL and DuckDB translations, highlighted, as sql/ holds them', async ({ page }) => {
    await page.goto('/model/ddl');
    for (const [label, expected] of [['PostgreSQL DDL', postgresDdl], ['DuckDB DDL', duckdbDdl]] as const) {
      const code = page.getByLabel(label);
      await expect(code.locator('.hljs-keyword').first()).toBeVisible();
      expect(await code.textContent()).toBe(expected);
    }
    const duckdb = page.getByRole('region', { name: 'DuckDB translation' });
    await expect(duckdb).toContainText('zone maps');
    await expect(duckdb.getByLabel('DuckDB DDL')).toContainText("DEFAULT nextval('seq_dim_user_user_key')");
    await expect(duckdb.getByLabel('DuckDB DDL')).toContainText('CREATE OR REPLACE MACRO convert_timezone');
  });

  test('downloads exactly the DDL that sql/ holds', async ({ page }) => {
    await page.goto('/model/ddl');
    for (const [name, dialect, expected] of [
      ['Redshift', 'redshift', redshiftDdl],
      ['PostgreSQL translation', 'postgres', postgresDdl],
      ['DuckDB translation', 'duckdb', duckdbDdl],
    ] as const) {
      const section = page.getByRole('region', { name, exact: true });
      const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Download .sql' }).click()]);
      expect(download.suggestedFilename()).toBe(`streamflix-warehouse.${dialect}.sql`);
      const path = await download.path();
      expect(readFileSync(path, 'utf8')).toBe(expected);
    }
  });

  test('refuses an unknown dialect with the API error shape', async ({ request }) => {
    const response = await request.get('/model/ddl/download/mysql');
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'invalid_parameter', param: 'dialect', message: 'dialect must be redshift, postgres or duckdb' } });
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violation (${theme})`, async ({ page }) => {
      // Three highlighted DDL files are some 4,600 token spans, and axe checks the contrast of each: about
      // 30 s on two cores, past the default timeout when another worker shares them.
      test.slow();
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/model/ddl');
      await expect(page.getByLabel('Redshift DDL')).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
