'use client';

import { useCallback, useMemo, useState } from 'react';

import { ActionChart, type ChartActions } from '../action-chart';
import type { ChartPalette } from '../chart-palette';
import { metricQuery } from '../dashboard-state';
import styles from '../dashboard.module.css';
import { axis, baseOption, type ChartClick } from '../echart';
import { escapeHtml, formatCount, formatDecimal, formatDuration, titleLabel } from '../format';
import { Panel, type PanelView } from '../panel';
import { num, TableHead } from '../table-head';
import { topTitleSelection, withTopTitleFilter, type TopTitleRow } from '../top-titles';
import { useMetric } from '../use-metric';
import type { PanelContext } from './panel-context';

const LIMITS = [10, 25, 50, 100] as const;
type Limit = (typeof LIMITS)[number];

interface TopTitleActions {
  filter: (row: TopTitleRow) => void;
  sessions: (row: TopTitleRow) => void;
}

export function TopTitlesPanel({ state, dataThrough, onChange, showSessions }: PanelContext) {
  const [view, setView] = useState<PanelView>('chart');
  const [limit, setLimit] = useState<Limit>(10);
  // The JSON default is 10: sent only when another is chosen, so the CSV of the default view is the API's default.
  const request = metricQuery('top-titles', state, dataThrough, { limit: limit === 10 ? undefined : limit });
  const query = useMetric<TopTitleRow>('top-titles', request);
  const actions = useMemo<TopTitleActions>(
    () => ({
      filter: (row) => onChange(withTopTitleFilter(state, row)),
      sessions: (row) => showSessions(topTitleSelection(row), titleLabel(row)),
    }),
    [onChange, showSessions, state],
  );

  const controls = (
    <label className={styles.inlineField}>
      <span>Top</span>
      <select className={styles.input} value={limit} onChange={(e) => setLimit(Number(e.target.value) as Limit)}>
        {LIMITS.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Panel
      metric="top-titles"
      question="Which titles are watched most?"
      description="Views = hours watched in the period ÷ the runtime, the measure streaming services rank by; a movie is a title and so is each season of a series. Content without a known runtime is left out."
      query={query}
      request={request}
      isEmpty={(answer) => answer.rows.length === 0}
      view={view}
      onViewChange={setView}
      controls={controls}
      className={styles.wide}
    >
      {(answer) => (view === 'chart' ? <TopTitlesChart rows={answer.rows} actions={actions} /> : <TopTitlesTable rows={answer.rows} actions={actions} />)}
    </Panel>
  );
}

const rowKey = (row: TopTitleRow) => `${row.title_id}/${row.season_number ?? ''}`;

function TopTitlesChart({ rows, actions }: { rows: TopTitleRow[]; actions: TopTitleActions }) {
  const top = useMemo(() => rows.slice(0, 20).reverse(), [rows]);
  const option = useCallback(
    (palette: ChartPalette) => ({
      ...baseOption(palette),
      legend: { show: false },
      tooltip: {
        ...baseOption(palette).tooltip,
        trigger: 'item' as const,
        formatter: (p: unknown) => {
          const row = top[(p as { dataIndex: number }).dataIndex];
          return row
            ? `<b>${escapeHtml(titleLabel(row))}</b><br/>${formatDecimal(row.views)} views · ${formatDecimal(row.hours_viewed)} h viewed · runtime ${formatDuration(row.runtime_seconds)}`
            : '';
        },
      },
      xAxis: axis(palette, { type: 'value' as const, name: 'views', nameLocation: 'middle' as const, nameGap: 28, axisLabel: { color: palette.muted, formatter: (v: number) => formatCount(v) } }),
      yAxis: axis(palette, { type: 'category' as const, data: top.map((r) => titleLabel(r)), axisLabel: { color: palette.text, width: 200, overflow: 'truncate' as const } }),
      series: [{ type: 'bar' as const, name: 'Views', data: top.map((r) => r.views), itemStyle: { color: palette.series[4] ?? palette.series[0], borderRadius: [0, 4, 4, 0] }, cursor: 'pointer' }],
    }),
    [top],
  );
  const actionsFor = useCallback(
    (click: ChartClick): ChartActions | null => {
      const row = top[click.dataIndex];
      if (!row) return null;
      const name = titleLabel(row);
      return {
        title: name,
        actions: [
          { label: `Filter every panel to ${name}`, run: () => actions.filter(row) },
          { label: 'Show its sessions', run: () => actions.sessions(row) },
        ],
      };
    },
    [top, actions],
  );
  const first = rows[0];
  const label = `Bar chart of views for the ${top.length} most viewed titles${first ? `; first: ${titleLabel(first)} with ${formatDecimal(first.views)} views` : ''}.`;
  return (
    <>
      <ActionChart option={option} label={label} height={Math.max(220, top.length * 28 + 60)} actionsFor={actionsFor} />
      <p className={styles.hint}>Click a bar to filter every panel to the title or to list its sessions.</p>
    </>
  );
}

function TopTitlesTable({ rows, actions }: { rows: TopTitleRow[]; actions: TopTitleActions }) {
  return (
    <div className={`table-scroll ${styles.tallTable}`}>
      <table className="data-table">
        <caption className="visually-hidden">Top titles by views</caption>
        <TableHead columns={[num('#'), 'Title', 'Type', num('Views'), num('Hours viewed'), num('Runtime'), 'Sessions']} />
        <tbody>
          {rows.map((row, i) => {
            const name = titleLabel(row);
            return (
              <tr key={rowKey(row)} data-title-id={row.title_id} data-season={row.season_number ?? undefined}>
                <td className="num">{i + 1}</td>
                <th scope="row" className="row-name">
                  <button type="button" className={styles.cellButton} onClick={() => actions.filter(row)} aria-label={`Filter to ${name}`}>
                    {name}
                  </button>
                </th>
                <td>{row.content_type}</td>
                <td className="num" data-value={row.views}>
                  {formatDecimal(row.views)}
                </td>
                <td className="num" data-value={row.hours_viewed}>
                  {formatDecimal(row.hours_viewed)}
                </td>
                <td className="num" data-seconds={row.runtime_seconds}>
                  {formatDuration(row.runtime_seconds)}
                </td>
                <td>
                  <button type="button" className={styles.cellButton} onClick={() => actions.sessions(row)} aria-label={`Show the sessions of ${name}`}>
                    Show
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
