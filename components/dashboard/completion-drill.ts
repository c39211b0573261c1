/**
 * The completion panel's levels and drill (metrics.md, metrics 3 and 8): titles, a series' seasons, a
 * season's episodes. The path lives in the URL (completion_level, completion_title, completion_season), so
 * each step down is a history entry and Back goes up a level; the breadcrumb's links go up as well.
 */

import { COMPLETION_LEVELS, type CompletionLevel, type DashboardState } from './dashboard-state';
import { contentLabel, titleLabel } from './format';
import type { SessionSelection } from './session-selection';

interface Completion {
  sessions: number;
  completed_sessions: number;
  completion_rate: number;
}

/** A movie or an episode (the API's `item`). */
export interface ItemRow extends Completion {
  content_id: string;
  title: string | null;
  content_type: string | null;
  series_title: string | null;
  season_number: number | null;
  episode_number: number | null;
  genre: string | null;
}

/** The episodes of one season of a series; `title` is the series'. */
export interface SeasonRow extends Completion {
  title_id: string;
  title: string | null;
  season_number: number;
}

/** A movie, a whole series, or content not yet in the catalog. */
export interface TitleRow extends Completion {
  title_id: string;
  title: string | null;
  content_type: 'movie' | 'series' | 'Unknown';
}

export type LevelRows = { level: 'item'; rows: ItemRow[] } | { level: 'season'; rows: SeasonRow[] } | { level: 'title'; rows: TitleRow[] };

/** The level an answer is for, as the API echoes it, so a stale answer is never drawn with the new level's columns. */
export function answeredLevel(params: Record<string, unknown>): CompletionLevel {
  return COMPLETION_LEVELS.find((level) => level === params.level) ?? 'item';
}

/** A level of its own, from the top: switching levels leaves any drill. */
export function withLevel(state: DashboardState, level: CompletionLevel): DashboardState {
  return { ...state, completionLevel: level, completionTitle: undefined, completionSeason: undefined };
}

/** One step down: a series to its seasons, a movie (or unknown content) to its item, a season to its episodes. */
export function drillTitle(state: DashboardState, row: Pick<TitleRow, 'title_id' | 'content_type'>): DashboardState {
  return { ...state, completionLevel: row.content_type === 'series' ? 'season' : 'item', completionTitle: row.title_id, completionSeason: undefined };
}

export function drillSeason(state: DashboardState, row: Pick<SeasonRow, 'title_id' | 'season_number'>): DashboardState {
  return { ...state, completionLevel: 'item', completionTitle: row.title_id, completionSeason: String(row.season_number) };
}

export interface Crumb {
  label: string;
  /** Where the crumb leads; absent for the level on screen. */
  target?: DashboardState;
}

/**
 * The breadcrumb of a drill: all titles, the title, the season. The title's name is the one it was
 * clicked by, else the rows' on screen (a season's rows carry the series' title, an episode's its
 * series_title), else, for a link opened afresh on a level with no rows, its id.
 */
export function drillCrumbs(state: DashboardState, answered?: LevelRows, names: Record<string, string> = {}): Crumb[] {
  const titleId = state.completionTitle;
  if (titleId === undefined) return [];
  const first = answered?.rows[0];
  const shown =
    answered?.level === 'item' && first && 'content_id' in first
      ? first.content_type === 'episode'
        ? first.series_title
        : first.title
      : answered?.level === 'season' && first
        ? first.title
        : null;
  const name = names[titleId] ?? shown ?? titleId;
  const season = state.completionLevel === 'item' ? state.completionSeason : undefined;
  const crumbs: Crumb[] = [{ label: 'All titles', target: withLevel(state, 'title') }];
  if (season === undefined) return [...crumbs, { label: name }];
  return [...crumbs, { label: name, target: { ...state, completionLevel: 'season', completionSeason: undefined } }, { label: `Season ${season}` }];
}

/** A row as the table and the chart name it. */
export function rowName(answered: LevelRows, index: number): string {
  switch (answered.level) {
    case 'item': {
      const row = answered.rows[index];
      return row ? contentLabel(row) || row.content_id : '';
    }
    case 'season': {
      const row = answered.rows[index];
      return row ? titleLabel(row) : '';
    }
    case 'title': {
      const row = answered.rows[index];
      return row ? row.title || row.title_id : '';
    }
  }
}

/** The sessions of a row, all of them or only the completed (or not completed) ones. */
export function rowSelection(answered: LevelRows, index: number, completed?: boolean): SessionSelection | undefined {
  const done = completed === undefined ? {} : { completed: String(completed) };
  switch (answered.level) {
    case 'item': {
      const row = answered.rows[index];
      return row ? { content_id: row.content_id, ...done } : undefined;
    }
    case 'season': {
      const row = answered.rows[index];
      return row ? { title_id: row.title_id, season_number: String(row.season_number), ...done } : undefined;
    }
    case 'title': {
      const row = answered.rows[index];
      return row ? { title_id: row.title_id, ...done } : undefined;
    }
  }
}
