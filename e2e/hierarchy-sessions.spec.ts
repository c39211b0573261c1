import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';

type Metric = 'overview' | 'trend' | 'watch-time' | 'top-titles' | 'peak-hours' | 'session-duration' | 'completion' | 'rating-popularity';

const panel = (page: Page, metric: Metric) => page.locator(`section[data-metric="${metric}"]`);
const drawer = (page: Page) => page.getByRole('dialog', { name: /^Sessions/ });
/** The rows of the drawer's page of sessions (not the bind values of its View SQL). */
const sessionRows = (page: Page) => drawer(page).getByRole('table', { name: /^Sessions \d+ to \d+/ }).locator('tbody tr');

async function expectReady(page: Page, metrics: readonly Metric[]) {
  for (const metric of metrics) await expect(panel(page, metric)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

/** A request or response to `path` whose parameters are `params` (null: absent). */
const isApi = (path: string, params: Record<string, string | null> = {}) => (r: { url(): string }) => {
  const url = new URL(r.url());
  return url.pathname === path && Object.entries(params).every(([name, value]) => url.searchParams.get(name) === value);
};

/** "9,320" as shown, as a number. */
const count = (text: string) => Number(text.replaceAll(',', '').trim());

/** The drawer's `total` once its first page is in. */
async function drawerTotal(page: Page): Promise<number> {
  const summary = drawer(page).locator('[data-total]');
  await expect(summary).toHaveAttribute('data-total', /^\d+$/, { timeout: 30_000 });
  return Number(await summary.getAttribute('data-total'));
}

/** A table's session count button, the figure it shows, and the drawer it opens. */
async function openFrom(page: Page, button: Locator): Promise<{ figure: number; total: number }> {
  const figure = count(await button.innerText());
  await button.click();
  await expect(drawer(page)).toBeVisible();
  return { figure, total: await drawerTotal(page) };
}

async function download(page: Page, link: Locator): Promise<Record<string, string>[]> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return parse(readFileSync(await file.path()), { columns: true }) as Record<string, string>[];
}

test.describe('completion by title, season and episode', () => {
  test('drills from titles to a series’ seasons and a season’s episodes; Back and the breadcrumb go up', async ({ page }) => {
    // A minimum of one session, so that a season's episodes are all listed.
    await page.goto('/?completion_level=title&min_sessions=1');
    await expectReady(page, ['completion']);
    const completion = panel(page, 'completion');
    const drill = completion.getByRole('navigation', { name: 'Completion drill' });
    await expect(completion.getByRole('radiogroup', { name: 'Completion per' }).getByRole('radio', { name: 'Titles' })).toHaveAttribute('aria-checked', 'true');
    await expect(drill).toHaveCount(0);

    const titles = completion.getByRole('table', { name: 'Completion rate per title' });
    const series = titles.locator('tbody tr[data-content-type="series"]').first();
    const titleId = (await series.getAttribute('data-title-id')) ?? '';
    const seriesName = (await series.locator('th').innerText()).replace(/›\s*$/, '').trim();
    const seasonsAnswered = page.waitForResponse(isApi('/api/metrics/completion', { level: 'season', title_id: titleId }));
    await series.getByRole('button', { name: `${seriesName}: show its seasons` }).click();
    await expect(page).toHaveURL(new RegExp(`\\?min_sessions=1&completion_level=season&completion_title=${titleId}$`));
    const seasonsAnswer = (await (await seasonsAnswered).json()) as { rows: { title_id: string; season_number: number }[] };
    await expectReady(page, ['completion']);
    const seasons = completion.getByRole('table', { name: 'Completion rate per season' }).locator('tbody tr');
    await expect(seasons).toHaveCount(seasonsAnswer.rows.length);
    expect(new Set(await seasons.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-title-id'))))).toEqual(new Set([titleId]));
    await expect(drill.getByRole('link', { name: 'All titles' })).toBeVisible();
    await expect(drill.locator('[aria-current="page"]')).toHaveText(seriesName);

    const season = seasonsAnswer.rows[0]?.season_number ?? 1;
    const episodesAnswered = page.waitForResponse(isApi('/api/metrics/completion', { level: null, title_id: titleId, season_number: String(season) }));
    await seasons.first().getByRole('button', { name: `${seriesName} — Season ${season}: show its episodes` }).click();
    await expect(page).toHaveURL(new RegExp(`\\?min_sessions=1&completion_title=${titleId}&completion_season=${season}$`));
    await episodesAnswered;
    await expectReady(page, ['completion']);
    const episodes = completion.getByRole('table', { name: 'Completion rate per content item' }).locator('tbody tr th');
    expect(await episodes.count()).toBeGreaterThan(0);
    for (const label of await episodes.allInnerTexts()) expect(label).toMatch(new RegExp(`^${seriesName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · S${season} E\\d+`));
    await expect(drill.getByRole('listitem')).toHaveText(['All titles', seriesName, `Season ${season}`]);
    await expect(drill.locator('[aria-current="page"]')).toHaveText(`Season ${season}`);

    // Back goes up a level; so does the breadcrumb, as a step of its own.
    await page.goBack();
    await expect(page).toHaveURL(/completion_level=season/);
    await expect(completion.getByRole('table', { name: 'Completion rate per season' })).toBeVisible();
    await drill.getByRole('link', { name: 'All titles' }).click();
    await expect(page).toHaveURL(/\?min_sessions=1&completion_level=title$/);
    await expect(titles).toBeVisible();
    await expect(drill).toHaveCount(0);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`completion_title=${titleId}$`));
    await expect(drill.locator('[aria-current="page"]')).toHaveText(seriesName);
    await page.goBack();
    await expect(page).toHaveURL(/\?completion_level=title&min_sessions=1$/);
    await expectReady(page, ['completion']);

    // A movie drills straight to its one item.
    const movie = titles.locator('tbody tr[data-content-type="movie"]').first();
    const movieId = (await movie.getAttribute('data-title-id')) ?? '';
    await movie.getByRole('button', { name: /: show it alone$/ }).click();
    await expect(page).toHaveURL(new RegExp(`completion_title=${movieId}$`));
    await expectReady(page, ['completion']);
    await expect(completion.getByRole('table', { name: 'Completion rate per content item' }).locator('tbody tr')).toHaveCount(1);
    await expect(completion.locator(`tbody tr[data-content-id="${movieId}"]`)).toBeVisible();
  });
});

test.describe('top titles', () => {
  test('ranks movies and seasons by views, names a season "Series — Season N", and the CSV holds the rows', async ({ page }) => {
    await page.goto('/');
    await expectReady(page, ['top-titles']);
    const top = panel(page, 'top-titles');
    await expect(top.getByRole('heading', { level: 2 })).toHaveText('Which titles are watched most?');
    await expect(top.getByRole('img', { name: /^Bar chart of views for the 10 most viewed titles; first: / })).toBeVisible();
    await top.getByRole('radio', { name: 'Table' }).check();
    const answered = page.waitForResponse(isApi('/api/metrics/top-titles', { limit: '100' }));
    await top.getByLabel('Top').selectOption('100');
    const answer = (await (await answered).json()) as { rows: { title_id: string; season_number: number | null; title: string; content_type: string; views: number }[] };
    await expectReady(page, ['top-titles']);

    const rows = top.getByRole('table', { name: 'Top titles by views' }).locator('tbody tr');
    await expect(rows).toHaveCount(answer.rows.length);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        title_id: tr.getAttribute('data-title-id') ?? '',
        season_number: tr.getAttribute('data-season') ?? '',
        name: (tr.querySelector('th') as HTMLElement).innerText.trim(),
        views: Number(tr.querySelector('td[data-value]')?.getAttribute('data-value')),
      })),
    );
    const views = shown.map((r) => r.views);
    expect(views).toEqual([...views].sort((a, b) => b - a));
    const seasons = answer.rows.filter((r) => r.content_type === 'season');
    expect(seasons.length).toBeGreaterThan(0);
    for (const row of answer.rows) {
      const name = shown.find((s) => s.title_id === row.title_id && s.season_number === (row.season_number === null ? '' : String(row.season_number)))?.name;
      expect(name).toBe(row.season_number === null ? row.title : `${row.title} — Season ${row.season_number}`);
    }

    const records = await download(page, top.getByRole('link', { name: 'Download CSV' }));
    expect(records.map((r) => ({ title_id: r.title_id, season_number: r.season_number ?? '', views: Number(r.views) }))).toEqual(
      shown.map(({ title_id, season_number, views }) => ({ title_id, season_number, views })),
    );

    // A season narrows every panel to its title and season, shown in the filter bar until removed.
    const season = seasons[0];
    if (!season) throw new Error('no season among the top titles');
    await top.getByRole('button', { name: `Filter to ${season.title} — Season ${season.season_number}` }).click();
    await expect(page).toHaveURL(new RegExp(`title_id=${season.title_id}&season_number=${season.season_number}`));
    const chips = page.getByRole('search', { name: 'Dashboard filters' }).getByRole('list', { name: 'Title filters' });
    await expect(chips.getByRole('listitem')).toHaveText([`Title: ${season.title_id}×`, `Season: ${season.season_number}×`]);
    await expectReady(page, ['overview', 'top-titles']);
    await expect(rows).toHaveCount(1);
    await chips.getByRole('button', { name: 'Remove the season filter' }).click();
    await chips.getByRole('button', { name: 'Remove the title filter' }).click();
    await expect(page).not.toHaveURL(/title_id=|season_number=/);
  });

  test('lists the sessions of a season: its episodes only', async ({ page }) => {
    await page.goto('/');
    await expectReady(page, ['top-titles']);
    const top = panel(page, 'top-titles');
    await top.getByRole('radio', { name: 'Table' }).check();
    const row = top.locator('tbody tr[data-season]').first();
    const titleId = await row.getAttribute('data-title-id');
    const season = await row.getAttribute('data-season');
    const requested = page.waitForRequest(isApi('/api/sessions', { title_id: titleId, season_number: season }));
    await row.getByRole('button', { name: /^Show the sessions of .+ — Season \d+$/ }).click();
    await requested;
    await expect(drawer(page).getByRole('heading', { level: 2 })).toHaveText(new RegExp(`^Sessions: .+ — Season ${season}$`));
    expect(await drawerTotal(page)).toBeGreaterThan(0);
  });
});

test.describe('the sessions behind a figure', () => {
  test('a genre’s session count and a histogram bucket each list exactly that many sessions', async ({ page }) => {
    await page.goto('/');
    await expectReady(page, ['watch-time', 'session-duration']);

    const watch = panel(page, 'watch-time');
    await watch.getByRole('radio', { name: 'Table' }).check();
    const genre = await openFrom(page, watch.getByRole('table', { name: 'Watch time by genre' }).locator('tbody tr').nth(1).getByRole('button', { name: /^Show the [\d,]+ sessions of / }));
    expect(genre.total).toBe(genre.figure);
    await drawer(page).getByRole('button', { name: 'Close' }).click();
    await expect(drawer(page)).toBeHidden();

    const duration = panel(page, 'session-duration');
    await duration.getByRole('radio', { name: 'Table' }).check();
    const bucket = await openFrom(page, duration.getByRole('button', { name: /^Show the [\d,]+ sessions lasting 5–15 min$/ }));
    expect(bucket.total).toBe(bucket.figure);
    await expect(drawer(page)).toContainText('lasting 5–15 min');
    // Every session listed is of that length.
    for (const seconds of await sessionRows(page).locator('td:nth-child(7)').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-seconds'))))) {
      expect(seconds).toBeGreaterThanOrEqual(300);
      expect(seconds).toBeLessThan(900);
    }
    await page.keyboard.press('Escape');
    await expect(drawer(page)).toBeHidden();
  });

  test('an hour of the weekend and a completed count each list exactly that many sessions', async ({ page }) => {
    await page.goto('/');
    await expectReady(page, ['peak-hours', 'completion']);
    const peak = panel(page, 'peak-hours');
    await peak.getByRole('radio', { name: 'Table' }).check();
    const hour = await openFrom(page, peak.getByRole('button', { name: /^Show the [\d,]+ sessions started on weekends 21:00–22:00$/ }));
    expect(hour.total).toBe(hour.figure);
    await expect(drawer(page).getByRole('heading', { level: 2 })).toHaveText('Sessions: Weekend 21:00–22:00');
    await page.keyboard.press('Escape');
    await expect(drawer(page)).toBeHidden();

    const completion = panel(page, 'completion');
    const completed = await openFrom(page, completion.getByRole('table', { name: 'Completion rate per content item' }).getByRole('button', { name: / that were completed$/ }).first());
    expect(completed.total).toBe(completed.figure);
    await expect(sessionRows(page).locator('td:nth-child(9)')).toHaveText(Array(Math.min(completed.total, 100)).fill('yes'));
    await page.keyboard.press('Escape');
  });

  test('a trend bar’s menu lists the sessions of its dates', async ({ page }) => {
    const answered = page.waitForResponse(isApi('/api/metrics/trend', { grain: 'month' }));
    await page.goto('/?trend_grain=month');
    const answer = (await (await answered).json()) as { rows: { bucket: string; days: number; sessions: number }[] };
    await expectReady(page, ['trend']);
    const month = answer.rows[0];
    if (!month) throw new Error('no trend bucket');
    // The default period is one full month: a single bar across most of the plot.
    const chart = panel(page, 'trend').getByRole('img', { name: /^Bar chart of watch hours per month/ });
    const box = await chart.boundingBox();
    await chart.click({ position: { x: (box?.width ?? 0) / 2, y: (box?.height ?? 0) * 0.75 } });
    const menu = panel(page, 'trend').getByRole('group', { name: /^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/ });
    await expect(menu.getByRole('button')).toHaveText([/^Set the period to /, `Show the ${month.sessions.toLocaleString('en-US')} sessions`]);
    await expect(menu.getByRole('button').first()).toBeFocused();
    await menu.getByRole('button', { name: /^Show the/ }).click();
    expect(await drawerTotal(page)).toBe(month.sessions);
    await expect(page).toHaveURL(new RegExp(`trend_grain=month&sessions_from=${month.bucket}&sessions_to=\\d{4}-\\d{2}-\\d{2}$`));
  });

  test('the drawer pages with Next and Previous, its CSV holds every session, Esc closes it and Back opens it again', async ({ page }) => {
    await page.goto('/?genre=Drama&sessions_device_type=tv');
    const list = drawer(page);
    await expect(list).toBeVisible();
    // The page behind is inert: focus starts, and stays, in the drawer.
    expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.getAttribute('aria-labelledby') != null)).toBe(true);
    const total = await drawerTotal(page);
    expect(total).toBeGreaterThan(100);
    await expect(list).toContainText('device type tv');
    await expect(list).toContainText('filtered by genre Drama');
    const rows = sessionRows(page);
    await expect(rows).toHaveCount(100);
    const first = await rows.first().getAttribute('data-session-id');
    const firstPage = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-session-id')));

    const next = page.waitForResponse((r) => isApi('/api/sessions', { genre: 'Drama', device_type: 'tv' })(r) && new URL(r.url()).searchParams.has('cursor'));
    await list.getByRole('button', { name: 'Next' }).click();
    await next;
    await expect(list.locator('[data-range]')).toHaveAttribute('data-range', `101-${Math.min(200, total)}`);
    await expect(rows.first()).not.toHaveAttribute('data-session-id', first ?? '');
    await expect(rows.first().locator('td').first()).toHaveText('101');
    const secondPage = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-session-id')));
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    await list.getByRole('button', { name: 'Previous' }).click();
    await expect(list.locator('[data-range]')).toHaveAttribute('data-range', '1-100');
    await expect(rows.first()).toHaveAttribute('data-session-id', first ?? '');
    await expect(list.getByRole('button', { name: 'Previous' })).toBeDisabled();

    // The CSV is every session of the selection, in the order of the pages.
    const records = await download(page, list.getByRole('link', { name: /^Download CSV of all/ }));
    expect(records).toHaveLength(total);
    expect(records.slice(0, 100).map((r) => r.session_id)).toEqual(firstPage);
    expect(records.slice(100, 200).map((r) => r.session_id)).toEqual(secondPage);
    expect(new Set(records.map((r) => r.device_type))).toEqual(new Set(['tv']));

    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(page).toHaveURL(/\?genre=Drama$/);
    await page.goBack();
    await expect(page).toHaveURL(/sessions_device_type=tv/);
    await expect(list).toBeVisible();
    expect(await drawerTotal(page)).toBe(total);
  });

  test('a user’s sessions: the table and the CSV hold the same rows, and a session opens on the ETL page', async ({ page, request }) => {
    const users = (await (await request.get('/api/metrics/watch-time?by=user&limit=25')).json()) as { rows: { user_id: string; sessions: number }[] };
    const user = users.rows.find((r) => r.sessions > 3 && r.sessions <= 100);
    if (!user) throw new Error('no user with a page of sessions');
    await page.goto(`/?watch_by=user`);
    await expectReady(page, ['watch-time']);
    const watch = panel(page, 'watch-time');
    await watch.getByRole('radio', { name: 'Table' }).check();
    const opened = await openFrom(page, watch.locator(`tr[data-key="${user.user_id}"]`).getByRole('button', { name: `Show the ${user.sessions} sessions of ${user.user_id}` }));
    expect(opened).toEqual({ figure: user.sessions, total: user.sessions });
    const list = drawer(page);
    await expect(list.locator('[data-range]')).toHaveAttribute('data-range', `1-${user.sessions}`);
    await expect(list.getByRole('button', { name: 'Next' })).toBeDisabled();
    const shown = await sessionRows(page).evaluateAll((trs) =>
      trs.map((tr) => ({
        session_id: tr.getAttribute('data-session-id'),
        user_id: (tr.querySelector('td:nth-child(4)') as HTMLElement).innerText,
        watch_seconds: Number(tr.querySelector('td:nth-child(8)')?.getAttribute('data-seconds')),
        is_completed: (tr.querySelector('td:nth-child(9)') as HTMLElement).innerText === 'yes' ? 'true' : 'false',
      })),
    );
    const records = await download(page, list.getByRole('link', { name: /^Download CSV of all/ }));
    expect(records.map((r) => ({ session_id: r.session_id, user_id: r.user_id, watch_seconds: Number(r.watch_seconds), is_completed: r.is_completed }))).toEqual(shown);

    const sessionId = shown[0]?.session_id ?? '';
    await list.getByRole('link', { name: `Session ${sessionId}, worked through on the ETL page` }).click();
    await expect(page).toHaveURL(`/model/etl?session_id=${sessionId}`);
    const example = page.getByRole('region', { name: 'A session, worked through' });
    await expect(example.locator(`[data-session-id="${sessionId}"]`)).toBeVisible();
    await expect(example).toContainText('It is the session followed from the dashboards');
  });

  test('says so when no session matches, and names a parameter the API refuses', async ({ page }) => {
    await page.goto('/?from=2000-01-01&to=2000-01-31&sessions_genre=Drama');
    await expect(drawer(page)).toHaveAttribute('data-state', 'empty', { timeout: 30_000 });
    await expect(drawer(page)).toContainText('No sessions match');
    expect(await drawerTotal(page)).toBe(0);

    await page.goto('/?sessions_hour=24');
    await expect(drawer(page)).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
    await expect(drawer(page).getByRole('alert')).toContainText('(parameter hour)');
    await drawer(page).getByRole('button', { name: 'Close' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violation with the drawer open (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/?watch_by=title&completion_level=season&sessions_day_type=weekend&sessions_hour=21');
      await expect(drawer(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      await expectReady(page, ['watch-time', 'top-titles', 'completion']);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
