import { describe, expect, it } from 'vitest';

import { answeredLevel, drillCrumbs, drillSeason, drillTitle, rowName, rowSelection, withLevel, type LevelRows } from './completion-drill';
import { metricQuery, readState, writeState } from './dashboard-state';

const read = (query: string) => readState(new URLSearchParams(query));
const url = (state: ReturnType<typeof read>) => writeState(state).toString();

const completion = { sessions: 40, completed_sessions: 30, completion_rate: 0.75 };
const titles: LevelRows = {
  level: 'title',
  rows: [
    { title_id: 's_0101', title: 'Dockside', content_type: 'series', ...completion },
    { title_id: 'm_0007', title: 'The Long Night', content_type: 'movie', ...completion },
  ],
};
const seasons: LevelRows = { level: 'season', rows: [{ title_id: 's_0101', title: 'Dockside', season_number: 2, ...completion }] };
const episodes: LevelRows = {
  level: 'item',
  rows: [{ content_id: 'e_0101_02_01', title: 'Arrival', content_type: 'episode', series_title: 'Dockside', season_number: 2, episode_number: 1, genre: 'Crime', ...completion }],
};

describe('completion drill', () => {
  it('walks from titles to a series’ seasons to a season’s episodes, each step its own URL', () => {
    const top = read('completion_level=title&genre=Crime');
    const series = drillTitle(top, { title_id: 's_0101', content_type: 'series' });
    expect(url(series)).toBe('genre=Crime&completion_level=season&completion_title=s_0101');
    const season = drillSeason(series, { title_id: 's_0101', season_number: 2 });
    expect(url(season)).toBe('genre=Crime&completion_title=s_0101&completion_season=2');
    expect(metricQuery('completion', season, null).toString()).toBe('genre=Crime&title_id=s_0101&season_number=2');
    expect(metricQuery('completion', series, null).toString()).toBe('genre=Crime&level=season&title_id=s_0101');
    // The drill is the completion panel's own: no other panel is narrowed by it.
    expect(metricQuery('watch-time', season, null, { by: 'genre' }).toString()).toBe('genre=Crime&by=genre');
  });

  it('drills a movie, or content not in the catalog, to its item', () => {
    const top = read('completion_level=title');
    expect(url(drillTitle(top, { title_id: 'm_0007', content_type: 'movie' }))).toBe('completion_title=m_0007');
    expect(url(drillTitle(top, { title_id: 'x_1', content_type: 'Unknown' }))).toBe('completion_title=x_1');
  });

  it('leaves the drill when another level is picked', () => {
    expect(url(withLevel(read('completion_title=s_0101&completion_season=2&min_sessions=3'), 'season'))).toBe('min_sessions=3&completion_level=season');
    expect(url(withLevel(read('completion_level=title'), 'item'))).toBe('');
  });

  it('reads the level of an answer from its echo, the API’s default when absent', () => {
    expect(answeredLevel({ level: 'season' })).toBe('season');
    expect(answeredLevel({})).toBe('item');
    expect(answeredLevel({ level: 'planet' })).toBe('item');
  });

  it('has a breadcrumb up from every step, named by the rows or as clicked', () => {
    expect(drillCrumbs(read('completion_level=title'), titles)).toEqual([]);
    const series = read('completion_level=season&completion_title=s_0101');
    const crumbs = drillCrumbs(series, seasons);
    expect(crumbs.map((c) => c.label)).toEqual(['All titles', 'Dockside']);
    expect(url(crumbs[0]?.target ?? series)).toBe('completion_level=title');
    expect(crumbs[1]?.target).toBeUndefined();

    const season = read('completion_title=s_0101&completion_season=2');
    const down = drillCrumbs(season, episodes);
    expect(down.map((c) => c.label)).toEqual(['All titles', 'Dockside', 'Season 2']);
    expect(url(down[1]?.target ?? season)).toBe('completion_level=season&completion_title=s_0101');
    expect(down[2]?.target).toBeUndefined();

    // No rows left (every episode under the minimum): the name it was clicked by, else the id.
    expect(drillCrumbs(season, { level: 'item', rows: [] }, { s_0101: 'Dockside' }).map((c) => c.label)).toEqual(['All titles', 'Dockside', 'Season 2']);
    expect(drillCrumbs(season, { level: 'item', rows: [] }).map((c) => c.label)).toEqual(['All titles', 's_0101', 'Season 2']);
    const movie = { level: 'item' as const, rows: [{ ...(episodes.rows[0] as object), content_id: 'm_0007', title: 'The Long Night', content_type: 'movie', series_title: null }] } as LevelRows;
    expect(drillCrumbs(read('completion_title=m_0007'), movie).map((c) => c.label)).toEqual(['All titles', 'The Long Night']);
  });

  it('names rows and selects their sessions, all or completed or not', () => {
    expect(rowName(titles, 0)).toBe('Dockside');
    expect(rowName(seasons, 0)).toBe('Dockside — Season 2');
    expect(rowName(episodes, 0)).toBe('Dockside · S2 E1 · Arrival');
    expect(rowSelection(titles, 1)).toEqual({ title_id: 'm_0007' });
    expect(rowSelection(seasons, 0, true)).toEqual({ title_id: 's_0101', season_number: '2', completed: 'true' });
    expect(rowSelection(episodes, 0, false)).toEqual({ content_id: 'e_0101_02_01', completed: 'false' });
    expect(rowSelection(episodes, 5)).toBeUndefined();
  });
});
