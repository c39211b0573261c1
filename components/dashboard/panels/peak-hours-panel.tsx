'use client';

import { useCallback, useMemo, useState } from 'react';

import { ActionChart, type ChartActions } from '../action-chart';
import type { ChartPalette } from '../chart-palette';
import { metricQuery } from '../dashboard-state';
import styles from '../dashboard.module.css';
import { axis, baseOption, type ChartClick } from '../echart';
import { formatCount, formatDecimal, formatDuration, formatHour } from '../format';
import { Panel, type PanelView } from '../panel';
import { hourSeries, peakHour, type PeakMeasure, type PeakRow } from '../peak-hours';
import { SessionsButton } from '../sessions-button';
import { num, TableHead } from '../table-head';
import { useMetric } from '../use-metric';
import type { PanelContext } from './panel-context';

const MEASURES: Record<PeakMeasure, { label: string; format: (v: number) => string; axis: (v: number) => string }> = {
  sessions_per_day: { label: 'Sessions per day', format: (v) => `${formatDecimal(v)} sessions/day`, axis: (v) => formatDecimal(v) },
  watch_seconds_per_day: { label: 'Watch time per day', format: (v) => `${formatDuration(v)}/day`, axis: (v) => `${formatDecimal(v / 3600)} h` },
};

const HOURS = Array.from({ length: 24 }, (_, h) => formatHour(h));

type DayType = PeakRow['day_type'];
const DAY_TYPES: readonly DayType[] = ['weekday', 'weekend'];

/** "Weekday 20:00–21:00": an hour of a day type, as the drawer's heading names it. */
function hourName(dayType: DayType, hour: number): string {
  return `${dayType === 'weekday' ? 'Weekday' : 'Weekend'} ${formatHour(hour)}–${formatHour((hour + 1) % 24)}`;
}

type ShowHour = (dayType: DayType, hour: number) => void;

export function PeakHoursPanel({ state, dataThrough, showSessions }: PanelContext) {
  const [view, setView] = useState<PanelView>('chart');
  const [measure, setMeasure] = useState<PeakMeasure>('sessions_per_day');
  const request = metricQuery('peak-hours', state, dataThrough);
  const query = useMetric<PeakRow>('peak-hours', request);
  const showHour = useCallback<ShowHour>((dayType, hour) => showSessions({ day_type: dayType, hour: String(hour) }, hourName(dayType, hour)), [showSessions]);

  const controls = (
    <div role="radiogroup" aria-label="Measure" className={styles.tabs}>
      {(Object.keys(MEASURES) as PeakMeasure[]).map((m) => (
        <button key={m} type="button" role="radio" aria-checked={measure === m} className={styles.tab} onClick={() => setMeasure(m)}>
          {MEASURES[m].label}
        </button>
      ))}
    </div>
  );

  return (
    <Panel
      metric="peak-hours"
      question="When do members watch: weekdays vs weekends?"
      description="Sessions by local start hour in each member's own time zone, per calendar day of each type, so five weekdays compare fairly with two weekend days."
      query={query}
      request={request}
      isEmpty={(answer) => answer.rows.every((r) => !r.sessions)}
      view={view}
      onViewChange={setView}
      controls={controls}
    >
      {(answer) => {
        const rows = answer.rows;
        return (
          <>
            <PeakCallout rows={rows} measure={measure} />
            {view === 'chart' ? <PeakChart rows={rows} measure={measure} onShow={showHour} /> : <PeakTable rows={rows} onShow={showHour} />}
          </>
        );
      }}
    </Panel>
  );
}

function PeakCallout({ rows, measure }: { rows: PeakRow[]; measure: PeakMeasure }) {
  const days = (type: PeakRow['day_type']) => rows.find((r) => r.day_type === type)?.days ?? 0;
  return (
    <dl className={styles.peaks}>
      {(['weekday', 'weekend'] as const).map((type) => {
        const peak = peakHour(hourSeries(rows, type, measure));
        return (
          <div key={type} className="stat" data-peak={type}>
            <dt className="stat__label">{type === 'weekday' ? 'Weekday peak' : 'Weekend peak'}</dt>
            <dd className="stat__value">{peak ? `${formatHour(peak.hour)}–${formatHour((peak.hour + 1) % 24)}` : '—'}</dd>
            <dd className="stat__hint">
              {peak ? MEASURES[measure].format(peak.value) : 'no sessions'} · {days(type)} {type === 'weekday' ? 'weekdays' : 'weekend days'} in the period
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function PeakChart({ rows, measure, onShow }: { rows: PeakRow[]; measure: PeakMeasure; onShow: ShowHour }) {
  const weekday = useMemo(() => hourSeries(rows, 'weekday', measure), [rows, measure]);
  const weekend = useMemo(() => hourSeries(rows, 'weekend', measure), [rows, measure]);
  const option = useCallback(
    (palette: ChartPalette) => {
      const base = baseOption(palette);
      const series = (name: string, data: number[], color: string) => ({
        type: 'line' as const,
        name,
        data,
        smooth: true,
        // Big enough to hit: a point opens the sessions of its hour.
        symbolSize: 8,
        cursor: 'pointer',
        lineStyle: { width: 2.5, color },
        itemStyle: { color },
        markPoint: {
          symbol: 'pin',
          symbolSize: 44,
          data: [{ type: 'max' as const, name: 'peak' }],
          label: { color: palette.surface, fontSize: 10, formatter: (p: unknown) => HOURS[(p as { data: { coord: [number] } }).data.coord[0]] ?? '' },
        },
      });
      return {
        ...base,
        tooltip: { ...base.tooltip, valueFormatter: (v: unknown) => MEASURES[measure].format(Number(v)) },
        xAxis: axis(palette, { type: 'category' as const, data: HOURS, name: 'local hour', nameLocation: 'middle' as const, nameGap: 28, boundaryGap: false }),
        yAxis: axis(palette, { type: 'value' as const, axisLabel: { color: palette.muted, formatter: MEASURES[measure].axis } }),
        series: [series('Weekday', weekday, palette.series[0] ?? ''), series('Weekend', weekend, palette.series[1] ?? '')],
      };
    },
    [weekday, weekend, measure],
  );
  const actionsFor = useCallback(
    (click: ChartClick): ChartActions | null => {
      const dayType = DAY_TYPES[click.seriesIndex ?? -1];
      if (click.componentType !== 'series' || !dayType) return null;
      const hour = click.dataIndex;
      const row = rows.find((r) => r.day_type === dayType && r.hour === hour);
      if (!row?.sessions) return null;
      return { title: hourName(dayType, hour), actions: [{ label: `Show the ${formatCount(row.sessions)} sessions`, run: () => onShow(dayType, hour) }] };
    },
    [rows, onShow],
  );
  const label = `Line chart of ${MEASURES[measure].label.toLowerCase()} by local hour, weekday against weekend.`;
  return (
    <>
      <ActionChart option={option} label={label} height={340} actionsFor={actionsFor} />
      <p className={styles.hint}>Click a point to list the sessions started in that hour; the table has the counts.</p>
    </>
  );
}

function PeakTable({ rows, onShow }: { rows: PeakRow[]; onShow: ShowHour }) {
  const byType = (type: DayType, hour: number) => rows.find((r) => r.day_type === type && r.hour === hour);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Sessions and watch time per day by local hour</caption>
        <TableHead columns={['Local hour', num('Weekday sessions'), num('Weekday per day'), num('Weekday watch per day'), num('Weekend sessions'), num('Weekend per day'), num('Weekend watch per day')]} />
        <tbody>
          {HOURS.map((label, hour) => {
            const wd = byType('weekday', hour);
            const we = byType('weekend', hour);
            return (
              <tr key={hour}>
                <th scope="row">{label}</th>
                <td className="num">
                  <SessionsButton count={wd?.sessions ?? 0} phrase={`started on weekdays ${label}–${HOURS[(hour + 1) % 24]}`} onClick={() => onShow('weekday', hour)} />
                </td>
                <td className="num">{formatDecimal(wd?.sessions_per_day, 2)}</td>
                <td className="num">{formatDuration(wd?.watch_seconds_per_day)}</td>
                <td className="num">
                  <SessionsButton count={we?.sessions ?? 0} phrase={`started on weekends ${label}–${HOURS[(hour + 1) % 24]}`} onClick={() => onShow('weekend', hour)} />
                </td>
                <td className="num">{formatDecimal(we?.sessions_per_day, 2)}</td>
                <td className="num">{formatDuration(we?.watch_seconds_per_day)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
