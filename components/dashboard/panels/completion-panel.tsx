'use client';

import { useCallback, useMemo, useState } from 'react';

import { ActionChart, type ChartAction, type ChartActions } from '../action-chart';
import type { ChartPalette } from '../chart-palette';
import { CompletionBreadcrumb } from '../completion-breadcrumb';
import { answeredLevel, drillCrumbs, drillSeason, drillTitle, rowName, rowSelection, withLevel, type ItemRow, type LevelRows, type SeasonRow, type TitleRow } from '../completion-drill';
import { COMPLETION_LEVELS, metricQuery, withFilter, type CompletionLevel, type DashboardState } from '../dashboard-state';
import styles from '../dashboard.module.css';
import { axis, baseOption, type ChartClick } from '../echart';
import { escapeHtml, formatCount, formatPercent } from '../format';
import { Panel, type PanelView } from '../panel';
import { SessionsButton } from '../sessions-button';
import { num, TableHead } from '../table-head';
import { useMetric } from '../use-metric';
import type { PanelContext } from './panel-context';
import { ThresholdInput } from './threshold-input';

const DEFAULT_MIN_SESSIONS = 10;
const LIMIT = 100;

const LEVELS: Record<CompletionLevel, { tab: string; per: string; caption: string; rows: string }> = {
  title: { tab: 'Titles', per: 'per title (a movie, or a series with all its episodes)', caption: 'Completion rate per title', rows: 'title' },
  season: { tab: 'Seasons', per: "per season of a series (its episodes' sessions together)", caption: 'Completion rate per season', rows: 'season' },
  item: { tab: 'Episodes and movies', per: 'per movie or episode', caption: 'Completion rate per content item', rows: 'movie or episode' },
};

/** What a row leads to: its genre for an item (as before the hierarchy), one level down otherwise. */
interface RowActions {
  open: (index: number) => void;
  /** The open action in words, for a button's name and the chart's menu. */
  openLabel: (index: number) => string;
  sessions: (index: number, completed?: boolean) => void;
}

export function CompletionPanel({ state, dataThrough, onChange, showSessions }: PanelContext) {
  const [view, setView] = useState<PanelView>('table');
  const request = metricQuery('completion', state, dataThrough, { limit: LIMIT });
  const query = useMetric<ItemRow | SeasonRow | TitleRow>('completion', request);
  const answered = query.data ? ({ level: answeredLevel(query.data.params), rows: query.data.rows } as LevelRows) : undefined;
  // The names of the titles drilled into, as clicked: the breadcrumb has them even when no row is left.
  const [names, setNames] = useState<Record<string, string>>({});
  const minSessions = state.minSessions ?? DEFAULT_MIN_SESSIONS;

  const actions = useCallback(
    (shown: LevelRows): RowActions => ({
      open: (index) => {
        const next = openRow(state, shown, index);
        if (!next) return;
        const row = shown.rows[index];
        if (shown.level !== 'item' && row && 'title_id' in row && row.title) setNames((known) => ({ ...known, [row.title_id]: row.title ?? row.title_id }));
        onChange(next);
      },
      openLabel: (index) => openLabel(shown, index),
      sessions: (index, completed) => {
        const selection = rowSelection(shown, index, completed);
        if (selection) showSessions(selection, sessionsLabel(rowName(shown, index), completed));
      },
    }),
    [state, onChange, showSessions],
  );

  const controls = (
    <div className={styles.controlRow}>
      <div role="radiogroup" aria-label="Completion per" className={styles.tabs}>
        {COMPLETION_LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            role="radio"
            aria-checked={state.completionLevel === level && state.completionTitle === undefined}
            className={styles.tab}
            onClick={() => onChange(withLevel(state, level))}
          >
            {LEVELS[level].tab}
          </button>
        ))}
      </div>
      <ThresholdInput
        key={state.minSessions ?? ''}
        label="Min. sessions"
        value={state.minSessions}
        defaultValue={DEFAULT_MIN_SESSIONS}
        onChange={(minSessions) => onChange({ ...state, minSessions })}
      />
    </div>
  );

  return (
    <Panel
      metric="completion"
      question="Which content do members finish?"
      description={`Share of sessions that reached 95 % of the runtime, ${LEVELS[state.completionLevel].per}, with at least ${minSessions} sessions in the period; the top ${LIMIT}.`}
      empty={`No ${LEVELS[state.completionLevel].rows} here has at least ${minSessions} sessions in this period with these filters. Lower the minimum, widen the period or clear a filter.`}
      query={query}
      request={request}
      isEmpty={(answer) => answer.rows.length === 0}
      view={view}
      onViewChange={setView}
      controls={
        <>
          {controls}
          <CompletionBreadcrumb crumbs={drillCrumbs(state, answered, names)} onChange={onChange} />
        </>
      }
      className={styles.wide}
    >
      {() => {
        if (!answered) return null;
        const rowActions = actions(answered);
        return view === 'chart' ? <CompletionChart answered={answered} actions={rowActions} /> : <CompletionTable answered={answered} actions={rowActions} />;
      }}
    </Panel>
  );
}

function openRow(state: DashboardState, shown: LevelRows, index: number): DashboardState | undefined {
  switch (shown.level) {
    case 'item': {
      const genre = shown.rows[index]?.genre;
      return genre ? withFilter(state, 'genre', [genre]) : undefined;
    }
    case 'season': {
      const row = shown.rows[index];
      return row ? drillSeason(state, row) : undefined;
    }
    case 'title': {
      const row = shown.rows[index];
      return row ? drillTitle(state, row) : undefined;
    }
  }
}

function openLabel(shown: LevelRows, index: number): string {
  const name = rowName(shown, index);
  switch (shown.level) {
    case 'item':
      return `Filter every panel to ${shown.rows[index]?.genre ?? 'its genre'}`;
    case 'season':
      return `${name}: show its episodes`;
    case 'title':
      return shown.rows[index]?.content_type === 'series' ? `${name}: show its seasons` : `${name}: show it alone`;
  }
}

function sessionsLabel(name: string, completed?: boolean): string {
  return completed === undefined ? name : `${name}, ${completed ? 'completed' : 'not completed'}`;
}

/** The figures of a row that every level shares. */
function figures(shown: LevelRows, index: number): { sessions: number; completed: number; rate: number } | undefined {
  const row = shown.rows[index];
  return row ? { sessions: row.sessions, completed: row.completed_sessions, rate: row.completion_rate } : undefined;
}

/** A row's React key, and the data-* attributes that tell tests and scripts which row it is. */
function rowIdentity(shown: LevelRows, index: number): { key: string; data: Record<string, string | number | undefined> } {
  switch (shown.level) {
    case 'item': {
      const row = shown.rows[index];
      return { key: row?.content_id ?? String(index), data: { 'data-content-id': row?.content_id } };
    }
    case 'season': {
      const row = shown.rows[index];
      return { key: `${row?.title_id}/${row?.season_number}`, data: { 'data-title-id': row?.title_id, 'data-season': row?.season_number } };
    }
    case 'title': {
      const row = shown.rows[index];
      return { key: row?.title_id ?? String(index), data: { 'data-title-id': row?.title_id, 'data-content-type': row?.content_type } };
    }
  }
}

function CompletionTable({ answered, actions }: { answered: LevelRows; actions: RowActions }) {
  const { level } = answered;
  const third = level === 'item' ? ['Genre'] : level === 'title' ? ['Type'] : [];
  return (
    <div className={`table-scroll ${styles.tallTable}`}>
      <table className="data-table">
        <caption className="visually-hidden">{LEVELS[level].caption}</caption>
        <TableHead columns={[num('#'), level === 'season' ? 'Season' : 'Title', ...third, num('Sessions'), num('Completed'), num('Not completed'), 'Completion rate']} />
        <tbody>
          {answered.rows.map((_, i) => {
            const row = figures(answered, i);
            if (!row) return null;
            const name = rowName(answered, i);
            const { key, data } = rowIdentity(answered, i);
            return (
              <tr key={key} {...data}>
                <td className="num">{i + 1}</td>
                <th scope="row" className="row-name">
                  {level === 'item' ? (
                    <button type="button" className={styles.cellButton} onClick={() => actions.open(i)} title={actions.openLabel(i)}>
                      {name}
                    </button>
                  ) : (
                    <button type="button" className={styles.cellButton} onClick={() => actions.open(i)} aria-label={actions.openLabel(i)}>
                      {name}
                      <span aria-hidden="true"> ›</span>
                    </button>
                  )}
                  {answered.level === 'item' && answered.rows[i]?.content_type === 'episode' ? <span className="badge">episode</span> : null}
                </th>
                {answered.level === 'item' ? <td>{answered.rows[i]?.genre}</td> : null}
                {answered.level === 'title' ? <td>{answered.rows[i]?.content_type}</td> : null}
                <td className="num">
                  <SessionsButton count={row.sessions} phrase={`of ${name}`} onClick={() => actions.sessions(i)} />
                </td>
                <td className="num">
                  <SessionsButton count={row.completed} phrase={`of ${name} that were completed`} onClick={() => actions.sessions(i, true)} />
                </td>
                <td className="num">
                  <SessionsButton count={row.sessions - row.completed} phrase={`of ${name} that were not completed`} onClick={() => actions.sessions(i, false)} />
                </td>
                <td>
                  <span className={styles.rateCell}>
                    <span className={styles.rateBar} style={{ width: `${Math.round(row.rate * 100)}%` }} aria-hidden="true" />
                    <span className={styles.rateValue}>{formatPercent(row.rate)}</span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const CHART_BARS = 20;

function CompletionChart({ answered, actions }: { answered: LevelRows; actions: RowActions }) {
  // The first rows, drawn bottom-up so that the highest rate is on top.
  const indexes = useMemo(() => answered.rows.slice(0, CHART_BARS).map((_, i) => i).reverse(), [answered]);
  const option = useCallback(
    (palette: ChartPalette) => ({
      ...baseOption(palette),
      legend: { show: false },
      tooltip: {
        ...baseOption(palette).tooltip,
        trigger: 'item' as const,
        formatter: (p: unknown) => {
          const i = indexes[(p as { dataIndex: number }).dataIndex];
          const row = i === undefined ? undefined : figures(answered, i);
          return row && i !== undefined ? `<b>${escapeHtml(rowName(answered, i))}</b><br/>${formatPercent(row.rate)} of ${formatCount(row.sessions)} sessions` : '';
        },
      },
      xAxis: axis(palette, { type: 'value' as const, max: 1, axisLabel: { color: palette.muted, formatter: (v: number) => `${Math.round(v * 100)} %` } }),
      yAxis: axis(palette, { type: 'category' as const, data: indexes.map((i) => rowName(answered, i)), axisLabel: { color: palette.text, width: 180, overflow: 'truncate' as const } }),
      series: [
        {
          type: 'bar' as const,
          name: 'Completion rate',
          data: indexes.map((i) => figures(answered, i)?.rate ?? 0),
          itemStyle: { color: palette.series[2], borderRadius: [0, 4, 4, 0] },
          cursor: 'pointer',
        },
      ],
    }),
    [answered, indexes],
  );
  const actionsFor = useCallback(
    (click: ChartClick): ChartActions | null => {
      const i = indexes[click.dataIndex];
      const row = i === undefined ? undefined : figures(answered, i);
      if (i === undefined || !row) return null;
      const list: ChartAction[] = [{ label: actions.openLabel(i), run: () => actions.open(i) }];
      if (row.sessions) list.push({ label: `Show the ${formatCount(row.sessions)} sessions`, run: () => actions.sessions(i) });
      if (row.completed) list.push({ label: `Show the ${formatCount(row.completed)} completed sessions`, run: () => actions.sessions(i, true) });
      if (row.sessions - row.completed) list.push({ label: `Show the ${formatCount(row.sessions - row.completed)} sessions not completed`, run: () => actions.sessions(i, false) });
      return { title: rowName(answered, i), actions: list };
    },
    [answered, indexes, actions],
  );
  const top = answered.rows[0] ? figures(answered, 0) : undefined;
  const label = `Bar chart of the ${indexes.length} highest completion rates ${LEVELS[answered.level].per}; highest: ${top ? `${rowName(answered, 0)} ${formatPercent(top.rate)}` : 'none'}.`;
  const hint = answered.level === 'item' ? "filter every panel to the title's genre" : answered.level === 'season' ? 'open its episodes' : 'open its seasons';
  return (
    <>
      <ActionChart option={option} label={label} height={Math.max(240, indexes.length * 26 + 40)} actionsFor={actionsFor} />
      <p className={styles.hint}>
        Click a bar to {hint} or to list its sessions. The table lists all {answered.rows.length}.
      </p>
    </>
  );
}
