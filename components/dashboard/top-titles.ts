/**
 * Top titles (metrics.md, metric 9): a movie is a title, and so is each season of a series. What a row
 * names, which sessions are behind it, and the filters that narrow every panel to it.
 */

import { withFilter, type DashboardState } from './dashboard-state';
import type { SessionSelection } from './session-selection';

export interface TopTitleRow {
  title_id: string;
  /** Null for a movie. */
  season_number: number | null;
  /** The movie's title, or the series' for a season. */
  title: string | null;
  content_type: 'movie' | 'season';
  hours_viewed: number;
  runtime_seconds: number;
  views: number;
}

/** The row's sessions: the title's, and for a season only that season's episodes'. */
export function topTitleSelection(row: Pick<TopTitleRow, 'title_id' | 'season_number'>): SessionSelection {
  return row.season_number == null ? { title_id: row.title_id } : { title_id: row.title_id, season_number: String(row.season_number) };
}

/** Every panel narrowed to the row: its title, and its season (a movie has none, so any season filter goes). */
export function withTopTitleFilter(state: DashboardState, row: Pick<TopTitleRow, 'title_id' | 'season_number'>): DashboardState {
  return withFilter(withFilter(state, 'title_id', [row.title_id]), 'season_number', row.season_number == null ? [] : [String(row.season_number)]);
}
