import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { syntheticSchema } from '../components/erd/synthetic-schema';

/** Tables and foreign keys as the committed Redshift DDL declares them, the diagram's reference. */
function readDdl() {
  const ddl = readFileSync('sql/redshift/warehouse.sql', 'utf8');
  const tables: string[] = [];
  const edges: string[] = [];
  for (const block of ddl.split(/^CREATE TABLE /m).slice(1)) {
    const table = block.slice(0, block.indexOf(' '));
    tables.push(table);
    for (const m of block.matchAll(/FOREIGN KEY \(([^)]+)\) REFERENCES (\w+) \(([^)]+)\)/g)) {
      const cols = (list: string | undefined) => (list ?? '').split(',').map((c) => c.trim()).join(',');
      edges.push(`fk:${table}.${cols(m[1])}->${m[2]}.${cols(m[3])}`);
    }
  }
  return { tables, edges };
}

const DDL = readDdl();
const isGalaxy = (name: string) => name.startsWith('fact_') || name.startsWith('dim_');
const GALAXY = DDL.tables.filter(isGalaxy);
const GALAXY_EDGES = DDL.edges.filter((e) => isGalaxy(e.slice(3, e.indexOf('.'))));

async function openDiagram(page: Page, path = '/model') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Warehouse model' })).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(GALAXY.length);
}

const node = (page: Page, name: string) => page.locator(`.react-flow__node[data-id="${name}"]`);

test.describe('warehouse diagram', () => {
  test('draws a node for every table and an edge for every foreign key of the DDL', async ({ page }) => {
    expect(GALAXY).toHaveLength(7);
    await openDiagram(page);
    await expect(page.getByRole('navigation', { name: 'Model views' }).getByRole('link', { name: 'Diagram' })).toHaveAttribute('aria-current', 'page');
    for (const name of GALAXY) await expect(node(page, name)).toBeVisible();
    await expect(page.locator('.react-flow__edge')).toHaveCount(GALAXY_EDGES.length);
    for (const id of GALAXY_EDGES) await expect(page.locator(`.react-flow__edge[data-id="${id}"]`)).toHaveCount(1);

    await page.getByLabel('Show aggregate, staging and audit tables').check();
    await expect(page.locator('.react-flow__node')).toHaveCount(DDL.tables.length);
    for (const name of DDL.tables) await expect(node(page, name)).toHaveCount(1);
    await expect(page.locator('.react-flow__edge')).toHaveCount(DDL.edges.length);
    for (const id of DDL.edges) await expect(page.locator(`.react-flow__edge[data-id="${id}"]`)).toHaveCount(1);
  });

  test('keeps links to /model/erd working, with their query', async ({ page, request }) => {
    const response = await request.get('/model/erd?trace=completion', { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(response.headers().location).toMatch(/\/model\?trace=completion$/);
    await openDiagram(page, '/model/erd');
    await expect(page).toHaveURL(/\/model$/);
  });

  test('selecting the viewing fact shows its distribution, sort key (and what they become on DuckDB) and columns', async ({ page }) => {
    await openDiagram(page);
    await node(page, 'fact_viewing_session').getByText('fact_viewing_session', { exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'fact_viewing_session' });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('DISTKEY (user_key)');
    await expect(panel).toContainText('COMPOUND SORTKEY (start_date_key, content_key)');
    await expect(panel).toContainText('accumulating snapshot');
    await expect(panel).toContainText('On DuckDB: per-row-group min/max zone maps skip by it');
    for (const column of ['session_id', 'user_key', 'content_key', 'start_date_key', 'watch_seconds']) {
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
    await expect(node(page, 'fact_content_rating').locator('[data-column="rating_date_key"]')).toHaveAttribute('data-highlight', 'join');
    await expect(node(page, 'dim_date').locator('[data-column="date_key"]')).toHaveAttribute('data-highlight', 'join');
  });

  test('search highlights matching tables and columns', async ({ page }) => {
    await openDiagram(page);
    await page.getByLabel('Find a table or column').fill('rating_date');
    await expect(page.getByText('1 table', { exact: true })).toBeVisible();
    await expect(page.locator('[data-highlight="match"]')).toHaveCount(1);
    await expect(node(page, 'fact_content_rating').locator('[data-column="rating_date_key"]')).toHaveAttribute('data-highlight', 'match');
  });

  test('tracing a metric marks exactly its tables, columns and joins, and keeps it in the URL', async ({ page }) => {
    await openDiagram(page);
    await page.getByLabel('Trace a metric').selectOption({ label: 'Peak viewing hours, weekdays vs weekends' });
    await expect(page).toHaveURL(/\/model\?trace=peak-hours$/);
    await expect(page.getByRole('heading', { name: 'Tracing: Peak viewing hours, weekdays vs weekends' })).toBeVisible();

    for (const name of ['fact_viewing_session', 'dim_date', 'dim_time_of_day']) await expect(node(page, name).locator('[data-table]')).toHaveAttribute('data-trace', 'used');
    // The statement joins the user, content and device dimensions only for the filters.
    for (const name of ['dim_user', 'dim_content', 'dim_device']) await expect(node(page, name).locator('[data-table]')).toHaveAttribute('data-trace', 'filter');
    await expect(node(page, 'fact_content_rating').locator('[data-table]')).toHaveAttribute('data-trace', 'out');
    await expect(node(page, 'dim_date').locator('[data-column="day_type"]')).toHaveAttribute('data-trace', 'used');
    await expect(node(page, 'dim_user').locator('[data-column="country"]')).toHaveAttribute('data-trace', 'filter');
    await expect(node(page, 'dim_user').locator('[data-column="age_band"]')).not.toHaveAttribute('data-trace');
    const edgePath = (id: string) => page.locator(`.react-flow__edge[data-id="${id}"] path.react-flow__edge-path`);
    await expect(edgePath('fk:fact_viewing_session.start_time_of_day_key->dim_time_of_day.time_of_day_key')).toHaveClass(/edgeTraced/);
    await expect(edgePath('fk:fact_content_rating.rating_date_key->dim_date.date_key')).toHaveClass(/edgeDimmed/);

    // A dashboard panel's link opens the same view.
    await page.goto('/model?trace=rating-popularity');
    await expect(page.getByLabel('Trace a metric')).toHaveValue('rating-popularity');
    await expect(node(page, 'fact_content_rating').locator('[data-table]')).toHaveAttribute('data-trace', 'used');
    await expect(node(page, 'dim_time_of_day').locator('[data-table]')).toHaveAttribute('data-trace', 'out');

    await page.getByRole('button', { name: 'Stop tracing' }).click();
    await expect(page).toHaveURL(/\/model$/);
    await expect(page.locator('[data-table][data-trace]')).toHaveCount(0);
  });

  for (const [format, type, magic] of [
    ['PNG', 'image/png', (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
    ['SVG', 'image/svg+xml', (b: Buffer) => b.toString('utf8').includes('<svg')],
  ] as const) {
    test(`exports the diagram as ${format}`, async ({ page }) => {
      await openDiagram(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export ${format}` }).click()]);
      expect(download.suggestedFilename()).toBe(`streamflix-erd.${format.toLowerCase()}`);
      // The download is the data URL html-to-image produced; its bytes are the image.
      expect(download.url()).toMatch(new RegExp(`^data:${type.replace('+', '\\+')}[;,]`));
      const bytes = readFileSync(await download.path());
      expect(bytes.length).toBeGreaterThan(1000);
      expect(magic(bytes)).toBe(true);
    });
  }

  test('a dragged table moves, and "Reset layout" puts it back', async ({ page }) => {
    await openDiagram(page);
    const fact = node(page, 'fact_viewing_session');
    const transform = () => fact.evaluate((el) => (el as HTMLElement).style.transform);
    const laidOut = await transform();
    // The mouse works in viewport coordinates: bring the canvas on screen first.
    await page.locator('.react-flow').scrollIntoViewIfNeeded();
    const header = await fact.getByText('fact_viewing_session', { exact: true }).boundingBox();
    if (!header) throw new Error('the fact has no header box');
    await page.mouse.move(header.x + header.width / 2, header.y + header.height / 2);
    await page.mouse.down();
    await page.mouse.move(header.x + 250, header.y + 150, { steps: 10 });
    await page.mouse.up();
    await expect.poll(transform).not.toBe(laidOut);
    await page.getByRole('button', { name: 'Reset layout' }).click();
    await expect.poll(transform).toBe(laidOut);
  });

  test('draws the synthetic 60-table galaxy with every relationship, and it can be worked with', async ({ page }) => {
    const synthetic = syntheticSchema();
    const foreignKeys = synthetic.flatMap((t) => t.foreignKeys.map((fk) => `fk:${t.name}.${fk.columns.join(',')}->${fk.references.table}.${fk.references.columns.join(',')}`));
    expect(synthetic).toHaveLength(60);
    await page.goto('/model/synthetic');
    await expect(page.getByRole('heading', { level: 1, name: 'Diagram at 60 tables' })).toBeVisible();
    await expect(page.locator('.react-flow__node')).toHaveCount(60);
    await expect(page.locator('.react-flow__edge')).toHaveCount(foreignKeys.length);
    for (const id of foreignKeys.slice(0, 10)) await expect(page.locator(`.react-flow__edge[data-id="${id}"]`)).toHaveCount(1);
    // Nothing to trace or to toggle in a made-up schema.
    await expect(page.getByLabel('Trace a metric')).toHaveCount(0);
    await expect(page.getByLabel('Show aggregate, staging and audit tables')).toHaveCount(0);
    // At 60 tables the fitted view is small; finding a table centres it at full size, ready to be clicked.
    await page.getByLabel('Find a table or column').fill('fact_3');
    await expect(page.getByText(/^\d+ tables?$/)).toHaveText('1 table');
    await node(page, 'fact_3').getByText('fact_3', { exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'fact_3' })).toBeVisible();
    const referencing = synthetic.filter((t) => t.columns.some((c) => c.name === 'dim_42_key')).length;
    await page.getByLabel('Find a table or column').fill('dim_42_key');
    await expect(page.getByText(/^\d+ tables?$/)).toHaveText(`${referencing} tables`);
    expect(referencing).toBeGreaterThan(1);
  });

  test('keeps the minimap clear of the tables at the default view', async ({ page }) => {
    await openDiagram(page);
    const minimap = await page.locator('.react-flow__minimap').boundingBox();
    expect(minimap).not.toBeNull();
    for (const name of GALAXY) {
      const box = await node(page, name).boundingBox();
      if (!box || !minimap) continue;
      const overlaps = box.x < minimap.x + minimap.width && minimap.x < box.x + box.width && box.y < minimap.y + minimap.height && minimap.y < box.y + box.height;
      expect(overlaps, `${name} under the minimap`).toBe(false);
    }
  });

  test('fits a 375 px wide screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openDiagram(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violation (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await openDiagram(page, '/model?trace=watch-time');
      await expect(page.getByRole('heading', { name: /^Tracing:/ })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
