'use client';

import { useCallback, useState } from 'react';

import { ActionChart, type ChartActions } from '../action-chart';
import type { ChartPalette } from '../chart-palette';
import { metricQuery } from '../dashboard-state';
import styles from '../dashboard.module.css';
import { axis, baseOption, type ChartClick } from '../echart';
import { formatCount, formatDuration, formatPercent } from '../format';
import { Panel, type PanelView } from '../panel';
import { bucketName, bucketOf, bucketParam } from '../session-duration';
import { SessionsButton } from '../sessions-button';
import { num, TableHead } from '../table-head';
import { useMetric } from '../use-metric';
import type { PanelContext } from './panel-context';

interface BucketRow {
  bucket: string;
  sessions: number;
}

interface DurationSummary {
  sessions: number | null;
  avg_session_seconds: number | null;
  median_session_seconds: number | null;
  p90_session_seconds: number | null;
  avg_watch_seconds: number | null;
}

type ShowBucket = (row: BucketRow) => void;

export function SessionDurationPanel({ state, dataThrough, showSessions }: PanelContext) {
  const [view, setView] = useState<PanelView>('chart');
  const request = metricQuery('session-duration', state, dataThrough);
  const query = useMetric<BucketRow>('session-duration', request);
  const showBucket = useCallback<ShowBucket>(
    (row) => {
      const param = bucketParam(row.bucket);
      if (param) showSessions({ length_bucket: param }, bucketName(row.bucket));
    },
    [showSessions],
  );

  return (
    <Panel
      metric="session-duration"
      question="How long does a viewing session last?"
      description="Wall-clock length from the first event to the first stop (pauses included), over sessions started in the period; open sessions count with the events seen so far."
      query={query}
      request={request}
      isEmpty={(answer) => !answer.summary.sessions}
      view={view}
      onViewChange={setView}
    >
      {(answer) => {
        const rows = answer.rows;
        const summary = answer.summary as unknown as DurationSummary;
        return (
          <>
            <dl className={`grid grid--stats ${styles.headline}`}>
              <Figure label="Sessions" value={formatCount(summary.sessions)} name="sessions" />
              <Figure label="Mean length" value={formatDuration(summary.avg_session_seconds)} name="avg_session_seconds" />
              <Figure label="Median length" value={formatDuration(summary.median_session_seconds)} name="median_session_seconds" />
              <Figure label="90th percentile" value={formatDuration(summary.p90_session_seconds)} name="p90_session_seconds" />
              <Figure label="Mean watch time" value={formatDuration(summary.avg_watch_seconds)} name="avg_watch_seconds" />
            </dl>
            {view === 'chart' ? <DurationChart rows={rows} summary={summary} onShow={showBucket} /> : <DurationTable rows={rows} total={summary.sessions ?? 0} onShow={showBucket} />}
          </>
        );
      }}
    </Panel>
  );
}

function Figure({ label, value, name }: { label: string; value: string; name: string }) {
  return (
    <div className="stat" data-figure={name}>
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{value}</dd>
    </div>
  );
}

function DurationChart({ rows, summary, onShow }: { rows: BucketRow[]; summary: DurationSummary; onShow: ShowBucket }) {
  const option = useCallback(
    (palette: ChartPalette) => {
      const base = baseOption(palette);
      // Buckets are categories of unequal width: each marker sits on the bucket its value falls in.
      const marks = [
        { name: 'median', value: summary.median_session_seconds, color: palette.series[1], position: 'insideEndTop' as const },
        { name: 'p90', value: summary.p90_session_seconds, color: palette.series[3], position: 'insideEndBottom' as const },
      ]
        .map((m) => ({ ...m, bucket: bucketOf(m.value) }))
        .filter((m) => m.bucket >= 0);
      return {
        ...base,
        legend: { show: false },
        tooltip: { ...base.tooltip, valueFormatter: (v: unknown) => `${formatCount(Number(v))} sessions` },
        xAxis: axis(palette, { type: 'category' as const, data: rows.map((r) => bucketName(r.bucket)), axisLabel: { color: palette.muted, interval: 0, hideOverlap: true } }),
        yAxis: axis(palette, { type: 'value' as const, name: 'sessions', axisLabel: { color: palette.muted, formatter: (v: number) => formatCount(v) } }),
        series: [
          {
            type: 'bar' as const,
            name: 'Sessions',
            data: rows.map((r) => r.sessions),
            itemStyle: { color: palette.series[0], borderRadius: [4, 4, 0, 0] },
            cursor: 'pointer',
            markLine: {
              symbol: 'none',
              silent: true,
              data: marks.map((m) => ({
                xAxis: m.bucket,
                name: m.name,
                lineStyle: { color: m.color, type: 'dashed' as const, width: 2 },
                label: { color: palette.text, formatter: `${m.name} ${formatDuration(m.value)}`, position: m.position },
              })),
            },
          },
        ],
      };
    },
    [rows, summary],
  );
  const actionsFor = useCallback(
    (click: ChartClick): ChartActions | null => {
      const row = click.componentType === 'series' ? rows[click.dataIndex] : undefined;
      if (!row?.sessions || !bucketParam(row.bucket)) return null;
      return { title: bucketName(row.bucket), actions: [{ label: `Show the ${formatCount(row.sessions)} sessions`, run: () => onShow(row) }] };
    },
    [rows, onShow],
  );
  const label = `Histogram of session lengths: ${rows.map((r) => `${bucketName(r.bucket)} ${formatCount(r.sessions)}`).join(', ')}. Median ${formatDuration(summary.median_session_seconds)}, 90th percentile ${formatDuration(summary.p90_session_seconds)}.`;
  return (
    <>
      <ActionChart option={option} label={label} height={320} actionsFor={actionsFor} />
      <p className={styles.hint}>Click a bar to list the sessions of that length.</p>
    </>
  );
}

function DurationTable({ rows, total, onShow }: { rows: BucketRow[]; total: number; onShow: ShowBucket }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Sessions by length</caption>
        <TableHead columns={['Length', 'Bucket', num('Sessions'), num('Share')]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.bucket}>
              <th scope="row">{bucketName(row.bucket)}</th>
              <td className="mono">{row.bucket}</td>
              <td className="num">
                <SessionsButton count={row.sessions} phrase={`lasting ${bucketName(row.bucket)}`} onClick={() => onShow(row)} />
              </td>
              <td className="num">{formatPercent(total ? row.sessions / total : null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

