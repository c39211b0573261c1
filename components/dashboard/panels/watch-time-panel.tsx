'use client';

import { useCallback, useMemo, useState } from 'react';

import { ActionChart, type ChartActions } from '../action-chart';
import type { ChartPalette } from '../chart-palette';
import { metricQuery, WATCH_BY, withFilter, type AnyFilterKey, type WatchBy } from '../dashboard-state';
import styles from '../dashboard.module.css';
import { axis, baseOption, type ChartClick } from '../echart';
import { escapeHtml, formatCount, formatDuration, formatHours } from '../format';
import { Panel, type PanelView } from '../panel';
import type { SessionSelection } from '../session-selection';
import { SessionsButton } from '../sessions-button';
import { num, TableHead } from '../table-head';
import { useMetric } from '../use-metric';
import type { PanelContext } from './panel-context';

interface WatchRow {
  user_id?: string;
  genre?: string;
  device_type?: string;
  title_id?: string;
  /** The title's name, should the API send it beside title_id; the id is shown otherwise. */
  title?: string | null;
  watch_seconds: number;
  sessions: number;
  viewers: number;
}

type RowKey = 'genre' | 'device_type' | 'user_id' | 'title_id';

/** Each grouping: its tab, the row's key column, and the filter a row sets (none for a user). */
const TABS: Record<WatchBy, { label: string; key: RowKey; heading: string; filter?: AnyFilterKey }> = {
  genre: { label: 'By genre', key: 'genre', heading: 'Genre', filter: 'genre' },
  device_type: { label: 'By device type', key: 'device_type', heading: 'Device type', filter: 'device_type' },
  user: { label: 'By user', key: 'user_id', heading: 'User' },
  title: { label: 'By title', key: 'title_id', heading: 'Title', filter: 'title_id' },
};

const USER_LIMITS = [10, 25, 100, 1000] as const;

function keyOf(row: WatchRow, by: WatchBy): string {
  return String(row[TABS[by].key] ?? '');
}

/** The row as people read it: a title by its name when the answer has one. */
function nameOf(row: WatchRow, by: WatchBy): string {
  return by === 'title' && row.title ? row.title : keyOf(row, by);
}

/** A row's sessions as /api/sessions parameters: its key narrows the dashboard's filters. */
function selectionOf(row: WatchRow, by: WatchBy): SessionSelection {
  return { [TABS[by].key]: keyOf(row, by) };
}

export function WatchTimePanel({ state, dataThrough, onChange, showSessions }: PanelContext) {
  const [view, setView] = useState<PanelView>('chart');
  const [userLimit, setUserLimit] = useState<(typeof USER_LIMITS)[number]>(25);
  const [search, setSearch] = useState('');
  const by = state.watchBy;
  const request = metricQuery('watch-time', state, dataThrough, { by, limit: by === 'user' ? userLimit : undefined });
  const query = useMetric<WatchRow>('watch-time', request);
  const filterKey = TABS[by].filter;

  const drill = useCallback(
    (value: string) => {
      if (filterKey) onChange(withFilter(state, filterKey, [value]));
    },
    [filterKey, onChange, state],
  );
  const sessionsOf = useCallback((row: WatchRow) => showSessions(selectionOf(row, by), nameOf(row, by)), [showSessions, by]);

  const controls = (
    <div className={styles.controlRow}>
      <div role="radiogroup" aria-label="Watch time by" className={styles.tabs}>
        {WATCH_BY.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={by === option}
            className={styles.tab}
            onClick={() => onChange({ ...state, watchBy: option })}
          >
            {TABS[option].label}
          </button>
        ))}
      </div>
      {by === 'user' ? (
        <>
          <label className={styles.inlineField}>
            <span>Top</span>
            <select className={styles.input} value={userLimit} onChange={(e) => setUserLimit(Number(e.target.value) as (typeof USER_LIMITS)[number])}>
              {USER_LIMITS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.inlineField}>
            <span>Find a user</span>
            <input type="search" className={styles.input} value={search} onChange={(e) => setSearch(e.target.value)} placeholder="user id" />
          </label>
        </>
      ) : null}
    </div>
  );

  return (
    <Panel
      metric="watch-time"
      question="How much do members watch, by genre, device, user and title?"
      description="Watch time (playing only, pauses excluded), sessions and distinct viewers over sessions started in the period; a series is one title, all its episodes together."
      query={query}
      request={request}
      isEmpty={(answer) => answer.rows.length === 0}
      view={view}
      onViewChange={setView}
      controls={controls}
      className={styles.wide}
    >
      {(answer) => {
        const rows = answer.rows;
        const shown = by === 'user' && search.trim() ? rows.filter((r) => r.user_id?.toLowerCase().includes(search.trim().toLowerCase())) : rows;
        const onSelect = filterKey ? drill : undefined;
        return view === 'chart' ? (
          <WatchChart rows={shown} by={by} onSelect={onSelect} onSessions={sessionsOf} />
        ) : (
          <WatchTable rows={shown} by={by} onSelect={onSelect} onSessions={sessionsOf} searching={by === 'user' && search.trim() !== ''} total={rows.length} />
        );
      }}
    </Panel>
  );
}

interface WatchViewProps {
  rows: WatchRow[];
  by: WatchBy;
  /** Filters every panel to a row's key; absent where a row is no filter (a user). */
  onSelect?: (value: string) => void;
  onSessions: (row: WatchRow) => void;
}

function WatchChart({ rows, by, onSelect, onSessions }: WatchViewProps) {
  const top = useMemo(() => rows.slice(0, 20), [rows]);
  const option = useCallback(
    (palette: ChartPalette) => ({
      ...baseOption(palette),
      legend: { show: false },
      tooltip: {
        ...baseOption(palette).tooltip,
        trigger: 'item' as const,
        formatter: (p: unknown) => {
          const { dataIndex } = p as { dataIndex: number };
          const row = top[top.length - 1 - dataIndex];
          return row ? `<b>${escapeHtml(nameOf(row, by))}</b><br/>${formatHours(row.watch_seconds)} watched · ${formatCount(row.sessions)} sessions · ${formatCount(row.viewers)} viewers` : '';
        },
      },
      xAxis: axis(palette, { type: 'value' as const, name: 'watch hours', nameLocation: 'middle' as const, nameGap: 28, axisLabel: { color: palette.muted, formatter: (v: number) => formatCount(v) } }),
      yAxis: axis(palette, { type: 'category' as const, data: top.map((r) => nameOf(r, by)).reverse(), axisLabel: { color: palette.text, width: 140, overflow: 'truncate' as const } }),
      series: [{ type: 'bar' as const, name: 'Watch hours', data: top.map((r) => r.watch_seconds / 3600).reverse(), itemStyle: { borderRadius: [0, 4, 4, 0] }, cursor: 'pointer' }],
    }),
    [top, by],
  );
  const actionsFor = useCallback(
    (click: ChartClick): ChartActions | null => {
      // The bars are drawn bottom-up: the first row is the last bar.
      const row = top[top.length - 1 - click.dataIndex];
      if (!row) return null;
      const name = nameOf(row, by);
      return {
        title: name,
        actions: [
          ...(onSelect ? [{ label: `Filter every panel to ${name}`, run: () => onSelect(keyOf(row, by)) }] : []),
          { label: `Show the ${formatCount(row.sessions)} sessions`, run: () => onSessions(row) },
        ],
      };
    },
    [top, by, onSelect, onSessions],
  );
  const label = `Bar chart of watch hours by ${TABS[by].heading.toLowerCase()}: ${top
    .slice(0, 5)
    .map((r) => `${nameOf(r, by)} ${formatHours(r.watch_seconds)}`)
    .join(', ')}${top.length > 5 ? ', …' : ''}`;
  return (
    <>
      <ActionChart option={option} label={label} height={Math.max(220, top.length * 28 + 60)} actionsFor={actionsFor} />
      <p className={styles.hint}>{onSelect ? 'Click a bar to filter every panel to it or to list its sessions.' : 'Click a bar to list its sessions.'}</p>
      {rows.length > top.length ? <p className={styles.hint}>Showing the top {top.length} of {rows.length}; the table has them all.</p> : null}
    </>
  );
}

function WatchTable({ rows, by, onSelect, onSessions, searching, total }: WatchViewProps & { searching: boolean; total: number }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Watch time by {TABS[by].heading.toLowerCase()}</caption>
        <TableHead columns={[num('#'), TABS[by].heading, num('Watch time'), num('Sessions'), num('Viewers'), num('Per session')]} />
        <tbody>
          {rows.map((row, i) => {
            const key = keyOf(row, by);
            const name = nameOf(row, by);
            return (
              <tr key={key} data-key={key}>
                <td className="num">{i + 1}</td>
                <th scope="row" className="row-name">
                  {onSelect ? (
                    <button type="button" className={styles.cellButton} onClick={() => onSelect(key)} aria-label={`Filter to ${name}`}>
                      {name}
                    </button>
                  ) : (
                    <span className="mono">{name}</span>
                  )}
                </th>
                <td className="num" data-seconds={row.watch_seconds}>
                  {formatHours(row.watch_seconds)}
                </td>
                <td className="num">
                  <SessionsButton count={row.sessions} phrase={`of ${name}`} onClick={() => onSessions(row)} />
                </td>
                <td className="num">{formatCount(row.viewers)}</td>
                <td className="num">{formatDuration(row.sessions ? row.watch_seconds / row.sessions : null)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {searching ? (
        <p className={styles.hint}>
          {rows.length} of the top {total} users match.
        </p>
      ) : null}
    </div>
  );
}
