'use client';

import { useCallback, useMemo, useState } from 'react';

import type { ChartPalette } from '../chart-palette';
import { metricQuery, WATCH_BY, withFilter, type FilterKey, type WatchBy } from '../dashboard-state';
import styles from '../dashboard.module.css';
import { axis, baseOption, EChart, type ChartClick } from '../echart';
import { escapeHtml, formatCount, formatDuration, formatHours } from '../format';
import { Panel, type PanelView } from '../panel';
import type { PanelContext } from './panel-context';
import { num, TableHead } from '../table-head';
import { useMetric } from '../use-metric';

interface WatchRow {
  user_id?: string;
  genre?: string;
  device_type?: string;
  watch_seconds: number;
  sessions: number;
  viewers: number;
}

const TABS: Record<WatchBy, { label: string; key: 'genre' | 'device_type' | 'user_id'; heading: string }> = {
  genre: { label: 'By genre', key: 'genre', heading: 'Genre' },
  device_type: { label: 'By device type', key: 'device_type', heading: 'Device type' },
  user: { label: 'By user', key: 'user_id', heading: 'User' },
};

const USER_LIMITS = [10, 25, 100, 1000] as const;

export function WatchTimePanel({ state, dataThrough, onChange }: PanelContext) {
  const [view, setView] = useState<PanelView>('chart');
  const [userLimit, setUserLimit] = useState<(typeof USER_LIMITS)[number]>(25);
  const [search, setSearch] = useState('');
  const by = state.watchBy;
  const request = metricQuery('watch-time', state, dataThrough, { by, limit: by === 'user' ? userLimit : undefined });
  const query = useMetric<WatchRow>('watch-time', request);
  const filterKey: FilterKey | null = by === 'user' ? null : by;

  const drill = useCallback(
    (value: string) => {
      if (filterKey) onChange(withFilter(state, filterKey, [value]));
    },
    [filterKey, onChange, state],
  );

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
      question="How much do members watch, by genre, device and user?"
      description="Watch time (playing only, pauses excluded), sessions and distinct viewers over sessions started in the period."
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
        return view === 'chart' ? (
          <WatchChart rows={shown} by={by} onSelect={filterKey ? drill : undefined} />
        ) : (
          <WatchTable rows={shown} by={by} onSelect={filterKey ? drill : undefined} searching={by === 'user' && search.trim() !== ''} total={rows.length} />
        );
      }}
    </Panel>
  );
}

function keyOf(row: WatchRow, by: WatchBy): string {
  return String(row[TABS[by].key] ?? '');
}

function WatchChart({ rows, by, onSelect }: { rows: WatchRow[]; by: WatchBy; onSelect?: (value: string) => void }) {
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
          return row ? `<b>${escapeHtml(keyOf(row, by))}</b><br/>${formatHours(row.watch_seconds)} watched · ${formatCount(row.sessions)} sessions · ${formatCount(row.viewers)} viewers` : '';
        },
      },
      xAxis: axis(palette, { type: 'value' as const, name: 'watch hours', nameLocation: 'middle' as const, nameGap: 28, axisLabel: { color: palette.muted, formatter: (v: number) => formatCount(v) } }),
      yAxis: axis(palette, { type: 'category' as const, data: top.map((r) => keyOf(r, by)).reverse(), axisLabel: { color: palette.text, width: 140, overflow: 'truncate' as const } }),
      series: [{ type: 'bar' as const, name: 'Watch hours', data: top.map((r) => r.watch_seconds / 3600).reverse(), itemStyle: { borderRadius: [0, 4, 4, 0] }, cursor: onSelect ? 'pointer' : 'default' }],
    }),
    [top, by, onSelect],
  );
  const select = useCallback((click: ChartClick) => onSelect?.(click.name), [onSelect]);
  const label = `Bar chart of watch hours by ${TABS[by].heading.toLowerCase()}: ${top
    .slice(0, 5)
    .map((r) => `${keyOf(r, by)} ${formatHours(r.watch_seconds)}`)
    .join(', ')}${top.length > 5 ? ', …' : ''}`;
  return (
    <>
      <EChart option={option} label={label} height={Math.max(220, top.length * 28 + 60)} onSelect={onSelect ? select : undefined} />
      {onSelect ? <p className={styles.hint}>Click a bar to filter every panel to it.</p> : null}
      {rows.length > top.length ? <p className={styles.hint}>Showing the top {top.length} of {rows.length}; the table has them all.</p> : null}
    </>
  );
}

function WatchTable({ rows, by, onSelect, searching, total }: { rows: WatchRow[]; by: WatchBy; onSelect?: (value: string) => void; searching: boolean; total: number }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Watch time by {TABS[by].heading.toLowerCase()}</caption>
        <TableHead columns={[num('#'), TABS[by].heading, num('Watch time'), num('Sessions'), num('Viewers'), num('Per session')]} />
        <tbody>
          {rows.map((row, i) => {
            const key = keyOf(row, by);
            return (
              <tr key={key}>
                <td className="num">{i + 1}</td>
                <th scope="row" className="row-name">
                  {onSelect ? (
                    <button type="button" className={styles.cellButton} onClick={() => onSelect(key)} aria-label={`Filter to ${key}`}>
                      {key}
                    </button>
                  ) : (
                    <span className="mono">{key}</span>
                  )}
                </th>
                <td className="num" data-seconds={row.watch_seconds}>
                  {formatHours(row.watch_seconds)}
                </td>
                <td className="num">{formatCount(row.sessions)}</td>
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
