'use client';

import { useCallback, useState } from 'react';

import type { TrendRow } from '@/types/dashboard';

import { ActionChart, type ChartActions } from '../action-chart';
import type { ChartPalette } from '../chart-palette';
import { COMPARE_LABELS, COMPARE_PHRASES, GRAINS, metricQuery, type Compare, type Grain } from '../dashboard-state';
import styles from '../dashboard.module.css';
import { axis, baseOption, type ChartClick } from '../echart';
import { formatCount, formatHours } from '../format';
import { pairQueries } from '../paired-query';
import { DateRangeText } from '../date-range-text';
import { Panel, type PanelView } from '../panel';
import { SessionsButton } from '../sessions-button';
import { num, TableHead } from '../table-head';
import { alignByPosition, answeredComparison, answeredPeriod, bucketLabel, bucketRange, type AlignedBucket } from '../trend-series';
import { useMetric } from '../use-metric';
import type { PanelContext } from './panel-context';

type TrendMeasure = 'watch_hours' | 'sessions' | 'viewers';

const MEASURES: Record<TrendMeasure, { label: string; value: (row: TrendRow) => number; format: (row: TrendRow) => string }> = {
  watch_hours: { label: 'Watch hours', value: (r) => r.watch_seconds / 3600, format: (r) => formatHours(r.watch_seconds) },
  sessions: { label: 'Sessions', value: (r) => r.sessions, format: (r) => `${formatCount(r.sessions)} sessions` },
  viewers: { label: 'Viewers', value: (r) => r.viewers, format: (r) => `${formatCount(r.viewers)} viewers` },
};

const GRAIN_LABELS: Record<Grain, string> = { day: 'Per day', week: 'Per week', month: 'Per month' };

/** The comparison series on screen: which comparison, its dates and its buckets. */
interface ComparisonSeries {
  compare: Compare;
  from: string;
  to: string;
}

export function TrendPanel({ state, dataThrough, onChange, showSessions }: PanelContext) {
  const [view, setView] = useState<PanelView>('chart');
  const [measure, setMeasure] = useState<TrendMeasure>('watch_hours');
  const request = metricQuery('trend', state, dataThrough);
  const current = useMetric<TrendRow>('trend', request);

  // The trend takes no `compare`: its comparison series is the same request over the comparison dates,
  // which follow from the period the API answered (the default preset sends none), so it waits for it.
  const compare = state.compare;
  const answered = current.data && !current.isPlaceholderData ? current.data : undefined;
  const range = compare && answered ? answeredComparison(answered.params, compare) : null;
  const comparison = useMetric<TrendRow>('trend', range ? metricQuery('trend', state, dataThrough, { from: range.from, to: range.to }) : null);
  const waiting = compare !== undefined && (range !== null || !answered);
  const query = pairQueries(current, waiting ? comparison : null);
  const series: ComparisonSeries | null = compare && range ? { compare, ...range } : null;

  const select = useCallback((row: TrendRow) => onChange({ ...state, preset: 'custom', ...bucketRange(row) }), [onChange, state]);
  const sessionsOf = useCallback((row: TrendRow) => showSessions(bucketRange(row), bucketLabel(row)), [showSessions]);

  const controls = (
    <div className={styles.controlRow}>
      <div role="radiogroup" aria-label="Trend grain" className={styles.tabs}>
        {GRAINS.map((grain) => (
          <button key={grain} type="button" role="radio" aria-checked={state.trendGrain === grain} className={styles.tab} onClick={() => onChange({ ...state, trendGrain: grain })}>
            {GRAIN_LABELS[grain]}
          </button>
        ))}
      </div>
      {view === 'chart' ? (
        <div role="radiogroup" aria-label="Trend measure" className={styles.tabs}>
          {(Object.keys(MEASURES) as TrendMeasure[]).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={measure === m} className={styles.tab} onClick={() => setMeasure(m)}>
              {MEASURES[m].label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );

  return (
    <Panel
      metric="trend"
      question="How does watching change over the period?"
      description="Watch time, sessions and distinct viewers per day, ISO week (Monday to Sunday) or calendar month; a week or month cut by the period starts at its first date inside it and counts only those days."
      query={query}
      request={request}
      isEmpty={(answer) => answer.rows.every((r) => !r.sessions)}
      view={view}
      onViewChange={setView}
      controls={controls}
      className={styles.wide}
    >
      {(answer) => {
        const grain = GRAINS.find((g) => g === answer.params.grain) ?? 'day';
        const shown = series && comparison.data ? series : null;
        const aligned = alignByPosition(answer.rows, shown ? comparison.data?.rows : undefined);
        const period = answeredPeriod(answer.params);
        return (
          <>
            {shown ? (
              <p className={styles.periodLine} data-comparison={`${shown.from}/${shown.to}`}>
                {period ? (
                  <>
                    <DateRangeText {...period} />,{' '}
                  </>
                ) : null}
                {grain} by {grain} beside the {COMPARE_PHRASES[shown.compare]}: <DateRangeText from={shown.from} to={shown.to} />
              </p>
            ) : null}
            {view === 'chart' ? (
              <TrendChart aligned={aligned} measure={measure} grain={grain} series={shown} onSelect={select} onSessions={sessionsOf} />
            ) : (
              <TrendTable aligned={aligned} series={shown} onSelect={select} onSessions={sessionsOf} />
            )}
          </>
        );
      }}
    </Panel>
  );
}

interface TrendViewProps {
  aligned: AlignedBucket[];
  series: ComparisonSeries | null;
  onSelect: (row: TrendRow) => void;
  onSessions: (row: TrendRow) => void;
}

function TrendChart({ aligned, measure, grain, series, onSelect, onSessions }: TrendViewProps & { measure: TrendMeasure; grain: Grain }) {
  const { label: measureLabel, value, format } = MEASURES[measure];
  const option = useCallback(
    (palette: ChartPalette) => {
      const base = baseOption(palette);
      const comparisonColor = palette.series[1] ?? '';
      return {
        ...base,
        legend: series ? { top: 0, itemGap: 24, textStyle: { color: palette.text } } : { show: false },
        tooltip: {
          ...base.tooltip,
          trigger: 'axis' as const,
          formatter: (params: unknown) => {
            const first = (params as { dataIndex: number }[])[0];
            const bucket = first ? aligned[first.dataIndex] : undefined;
            if (!bucket) return '';
            const lines = bucket.current ? [`<b>${bucketLabel(bucket.current)}</b>: ${format(bucket.current)}`] : [];
            if (series && bucket.comparison) lines.push(`${COMPARE_LABELS[series.compare]} ${bucketLabel(bucket.comparison)}: ${format(bucket.comparison)}`);
            return lines.join('<br/>');
          },
        },
        xAxis: axis(palette, { type: 'category' as const, data: aligned.map((b) => b.current?.bucket ?? ''), axisLabel: { color: palette.muted, hideOverlap: true } }),
        yAxis: axis(palette, { type: 'value' as const, name: measureLabel.toLowerCase(), axisLabel: { color: palette.muted, formatter: (v: number) => formatCount(v) } }),
        series: [
          {
            type: 'bar' as const,
            name: 'This period',
            data: aligned.map((b) => (b.current ? value(b.current) : null)),
            itemStyle: { color: palette.series[0], borderRadius: [3, 3, 0, 0] },
            cursor: 'pointer',
          },
          ...(series
            ? [
                {
                  type: 'line' as const,
                  name: COMPARE_LABELS[series.compare],
                  data: aligned.map((b) => (b.comparison ? value(b.comparison) : null)),
                  // Dashed and hollow-pointed as well as another colour, so it reads without colour.
                  lineStyle: { color: comparisonColor, type: 'dashed' as const, width: 2 },
                  itemStyle: { color: comparisonColor },
                  symbol: 'emptyCircle',
                  symbolSize: 6,
                  silent: true,
                },
              ]
            : []),
        ],
      };
    },
    [aligned, series, measureLabel, value, format],
  );
  const actionsFor = useCallback(
    (click: ChartClick): ChartActions | null => {
      const row = click.seriesIndex === 0 ? aligned[click.dataIndex]?.current : undefined;
      if (!row) return null;
      const name = bucketLabel(row);
      return {
        title: name,
        actions: [
          { label: `Set the period to ${name}`, run: () => onSelect(row) },
          ...(row.sessions ? [{ label: `Show the ${formatCount(row.sessions)} sessions`, run: () => onSessions(row) }] : []),
        ],
      };
    },
    [aligned, onSelect, onSessions],
  );
  const rows = aligned.flatMap((b) => (b.current ? [b.current] : []));
  const top = rows.reduce<TrendRow | undefined>((best, row) => (!best || value(row) > value(best) ? row : best), undefined);
  const label = `Bar chart of ${measureLabel.toLowerCase()} per ${grain}, ${rows.length} ${grain}s${top ? `; highest ${bucketLabel(top)} with ${format(top)}` : ''}${
    series ? `; the ${COMPARE_PHRASES[series.compare]} as a dashed line` : ''
  }.`;
  return (
    <>
      <ActionChart option={option} label={label} height={320} actionsFor={actionsFor} />
      <p className={styles.hint}>
        Click a bar to set the period to that {grain} or to list its sessions.
        {series ? ` The dashed line is the ${COMPARE_PHRASES[series.compare]}, its ${grain}s in order beside these.` : ''}
      </p>
    </>
  );
}

function TrendTable({ aligned, series, onSelect, onSessions }: TrendViewProps) {
  const columns = [
    'Bucket',
    num('Days'),
    num('Watch time'),
    num('Sessions'),
    num('Viewers'),
    num('Completed'),
    ...(series ? ['Comparison bucket', num('Comparison days'), num('Comparison watch time'), num('Comparison sessions'), num('Comparison viewers')] : []),
  ];
  return (
    <div className={`table-scroll ${styles.tallTable}`}>
      <table className="data-table">
        <caption className="visually-hidden">Trend per bucket{series ? ` beside the ${COMPARE_PHRASES[series.compare]}` : ''}</caption>
        <TableHead columns={columns} />
        <tbody>
          {aligned.map(({ current, comparison }, i) => (
            <tr key={current?.bucket ?? `comparison-${i}`} data-bucket={current?.bucket}>
              <th scope="row" className={`row-name ${styles.bucketCell}`}>
                {current ? (
                  <button type="button" className={styles.cellButton} onClick={() => onSelect(current)} aria-label={`Set the period to ${bucketLabel(current)}`}>
                    {bucketLabel(current)}
                  </button>
                ) : (
                  '—'
                )}
              </th>
              <td className="num">{current ? current.days : '—'}</td>
              <td className="num" data-seconds={current?.watch_seconds}>
                {formatHours(current?.watch_seconds)}
              </td>
              <td className="num">{current ? <SessionsButton count={current.sessions} phrase={`of ${bucketLabel(current)}`} onClick={() => onSessions(current)} /> : '—'}</td>
              <td className="num">{formatCount(current?.viewers)}</td>
              <td className="num">{formatCount(current?.completed_sessions)}</td>
              {series ? (
                <>
                  <td className={styles.comparisonCell}>{comparison ? bucketLabel(comparison) : '—'}</td>
                  <td className="num">{comparison ? comparison.days : '—'}</td>
                  <td className="num" data-seconds={comparison?.watch_seconds}>
                    {formatHours(comparison?.watch_seconds)}
                  </td>
                  <td className="num">{formatCount(comparison?.sessions)}</td>
                  <td className="num">{formatCount(comparison?.viewers)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
