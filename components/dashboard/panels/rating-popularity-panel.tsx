'use client';

import { useCallback, useMemo, useState } from 'react';

import { ActionChart, type ChartActions } from '../action-chart';
import type { ChartPalette } from '../chart-palette';
import { metricQuery } from '../dashboard-state';
import styles from '../dashboard.module.css';
import { axis, baseOption, type ChartClick } from '../echart';
import { escapeHtml, formatCount, formatDecimal, formatHours } from '../format';
import { Panel, type PanelView } from '../panel';
import { describeCorrelation, logTrend, trendAt } from '../rating-trend';
import { SessionsButton } from '../sessions-button';
import { num, TableHead } from '../table-head';
import { useMetric } from '../use-metric';
import type { PanelContext } from './panel-context';
import { ThresholdInput } from './threshold-input';

interface RatingRow {
  title_id: string;
  title: string | null;
  avg_rating: number;
  rating_count: number;
  viewers: number;
  sessions: number;
  watch_seconds: number;
}

const DEFAULT_MIN_RATINGS = 5;

type ShowTitle = (row: RatingRow) => void;

export function RatingPopularityPanel({ state, dataThrough, onChange, showSessions }: PanelContext) {
  const [view, setView] = useState<PanelView>('chart');
  const request = metricQuery('rating-popularity', state, dataThrough);
  const query = useMetric<RatingRow>('rating-popularity', request);
  const showTitle = useCallback<ShowTitle>((row) => showSessions({ title_id: row.title_id }, row.title ?? row.title_id), [showSessions]);

  const controls = (
    <ThresholdInput
      key={state.minRatings ?? ''}
      label="Min. ratings"
      value={state.minRatings}
      defaultValue={DEFAULT_MIN_RATINGS}
      onChange={(minRatings) => onChange({ ...state, minRatings })}
    />
  );

  return (
    <Panel
      metric="rating-popularity"
      question="Do popular titles rate better?"
      description={`Average rating against distinct viewers per title (a series counts with its episodes), for titles with at least ${state.minRatings ?? DEFAULT_MIN_RATINGS} ratings in the period.`}
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
        const { n, pearson, spearman } = answer.summary;
        return (
          <>
            <dl className={`grid grid--stats ${styles.headline}`}>
              <div className="stat" data-figure="n">
                <dt className="stat__label">Titles (n)</dt>
                <dd className="stat__value">{formatCount(n)}</dd>
              </div>
              <div className="stat" data-figure="pearson">
                <dt className="stat__label">Pearson r</dt>
                <dd className="stat__value">{formatDecimal(pearson, 2)}</dd>
                <dd className="stat__hint">{describeCorrelation(pearson)}</dd>
              </div>
              <div className="stat" data-figure="spearman">
                <dt className="stat__label">Spearman ρ</dt>
                <dd className="stat__value">{formatDecimal(spearman, 2)}</dd>
                <dd className="stat__hint">{describeCorrelation(spearman)} in rank</dd>
              </div>
            </dl>
            {view === 'chart' ? <RatingScatter rows={rows} onShow={showTitle} /> : <RatingTable rows={rows} onShow={showTitle} />}
          </>
        );
      }}
    </Panel>
  );
}

function RatingScatter({ rows, onShow }: { rows: RatingRow[]; onShow: ShowTitle }) {
  const plotted = useMemo(() => rows.filter((r) => r.viewers > 0), [rows]);
  const trend = useMemo(() => logTrend(rows), [rows]);
  const option = useCallback(
    (palette: ChartPalette) => {
      const base = baseOption(palette);
      return {
        ...base,
        tooltip: {
          ...base.tooltip,
          trigger: 'item' as const,
          formatter: (p: unknown) => {
            const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number };
            if (seriesIndex !== 0) return 'Trend: least squares on log viewers';
            const row = plotted[dataIndex];
            return row
              ? `<b>${escapeHtml(row.title ?? row.title_id)}</b><br/>${formatDecimal(row.avg_rating, 2)} average of ${formatCount(row.rating_count)} ratings<br/>${formatCount(row.viewers)} viewers · ${formatHours(row.watch_seconds)} watched`
              : '';
          },
        },
        xAxis: axis(palette, { type: 'log' as const, name: 'viewers (log scale)', nameLocation: 'middle' as const, nameGap: 28, min: 1 }),
        yAxis: axis(palette, { type: 'value' as const, name: 'average rating', nameLocation: 'middle' as const, nameGap: 32, min: 1, max: 5 }),
        series: [
          {
            type: 'scatter' as const,
            name: 'Titles',
            data: plotted.map((r) => [r.viewers, r.avg_rating, r.rating_count]),
            symbolSize: (value: number[]) => Math.min(22, 5 + Math.sqrt(value[2] ?? 1)),
            itemStyle: { color: palette.series[0], opacity: 0.7 },
            cursor: 'pointer',
          },
          {
            type: 'line' as const,
            name: 'Trend',
            showSymbol: false,
            data: trend ? [[trend.from, trendAt(trend, trend.from)], [trend.to, trendAt(trend, trend.to)]] : [],
            lineStyle: { color: palette.series[1], width: 2, type: 'dashed' as const },
            itemStyle: { color: palette.series[1] },
          },
        ],
      };
    },
    [plotted, trend],
  );
  const actionsFor = useCallback(
    (click: ChartClick): ChartActions | null => {
      const row = click.seriesIndex === 0 ? plotted[click.dataIndex] : undefined;
      if (!row?.sessions) return null;
      return { title: row.title ?? row.title_id, actions: [{ label: `Show the ${formatCount(row.sessions)} sessions`, run: () => onShow(row) }] };
    },
    [plotted, onShow],
  );
  const hidden = rows.length - plotted.length;
  return (
    <>
      <ActionChart option={option} label={`Scatter of average rating against viewers for ${plotted.length} titles, with a trend line.`} height={380} actionsFor={actionsFor} />
      <p className={styles.hint}>
        Point size grows with the number of ratings; hover a point for its title, click it for its sessions.
        {hidden > 0 ? ` ${hidden} rated title${hidden === 1 ? '' : 's'} without viewers in the period cannot sit on the log axis and are listed in the table.` : ''}
      </p>
    </>
  );
}

function RatingTable({ rows, onShow }: { rows: RatingRow[]; onShow: ShowTitle }) {
  return (
    <div className={`table-scroll ${styles.tallTable}`}>
      <table className="data-table">
        <caption className="visually-hidden">Average rating and popularity per title</caption>
        <TableHead columns={['Title', num('Avg rating'), num('Ratings'), num('Viewers'), num('Sessions'), num('Watch time')]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.title_id} data-title-id={row.title_id}>
              <th scope="row" className="row-name">
                {row.title ?? row.title_id}
              </th>
              <td className="num">{formatDecimal(row.avg_rating, 2)}</td>
              <td className="num">{formatCount(row.rating_count)}</td>
              <td className="num">{formatCount(row.viewers)}</td>
              <td className="num">
                <SessionsButton count={row.sessions} phrase={`of ${row.title ?? row.title_id}`} onClick={() => onShow(row)} />
              </td>
              <td className="num">{formatHours(row.watch_seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
