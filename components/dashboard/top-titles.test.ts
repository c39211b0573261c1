import { describe, expect, it } from 'vitest';

import { metricQuery, readState, writeState } from './dashboard-state';
import { titleLabel } from './format';
import { topTitleSelection, withTopTitleFilter } from './top-titles';

const read = (query: string) => readState(new URLSearchParams(query));

describe('top titles', () => {
  it('names a movie by its title and a season as "Series — Season N"', () => {
    expect(titleLabel({ title_id: 'm_0007', title: 'The Long Night', season_number: null })).toBe('The Long Night');
    expect(titleLabel({ title_id: 's_0101', title: 'Dockside', season_number: 2 })).toBe('Dockside — Season 2');
    expect(titleLabel({ title_id: 's_0101', title: null, season_number: 1 })).toBe('s_0101 — Season 1');
  });

  it('lists the sessions of a movie, or of one season’s episodes', () => {
    expect(topTitleSelection({ title_id: 'm_0007', season_number: null })).toEqual({ title_id: 'm_0007' });
    expect(topTitleSelection({ title_id: 's_0101', season_number: 2 })).toEqual({ title_id: 's_0101', season_number: '2' });
  });

  it('narrows every panel to the title and its season, and a movie drops any season filter', () => {
    const season = withTopTitleFilter(read('genre=Crime'), { title_id: 's_0101', season_number: 2 });
    expect(writeState(season).toString()).toBe('genre=Crime&title_id=s_0101&season_number=2');
    expect(metricQuery('peak-hours', season, null).toString()).toBe('genre=Crime&title_id=s_0101&season_number=2');
    expect(writeState(withTopTitleFilter(season, { title_id: 'm_0007', season_number: null })).toString()).toBe('genre=Crime&title_id=m_0007');
  });
});
