'use client';

import { useCallback, useMemo, useState } from 'react';

import type { ChartPalette } from '../chart-palette';
import { metricQuery, withFilter } from '../dashboard-state';
import styles from '../dashboard.module.css';
import { axis, baseOption, EChart, type ChartClick } from '../echart';
import { contentLabel, escapeHtml, formatCount, formatPercent } from '../format';
import { Panel, type PanelView } from '../panel';
import { num, TableHead } from '../table-head';
import { useMetric } from '../use-metric';
import type { PanelContext } from './panel-context';
import { ThresholdInput } from './threshold-input';

interface CompletionRow {
  content_id: string;
  title: string | null;
  content_type: string | null;
  series_title: string | null;
  season_number: number | null;
  episode_number: number | null;
  genre: string | null;
  sessions: number;
  completed_sessions: number;
  completion_rate: number;
}

const DEFAULT_MIN_SESSIONS = 10;
const LIMIT = 100;

export function CompletionPanel({ state, dataThrough, onChange }: PanelContext) {
  const [view, setView] = useState<PanelView>('table');
  const request = metricQuery('completion', state, dataThrough, { limit: LIMIT });
  const query = useMetric<CompletionRow>('completion', request);
  const drill = useCallback((row: CompletionRow) => row.genre && onChange(withFilter(state, 'genre', [row.genre])), [onChange, state]);

  const controls = (
    <ThresholdInput
      key={state.minSessions ?? ''}
      label="Min. sessions"
      value={state.minSessions}
      defaultValue={DEFAULT_MIN_SESSIONS}
      onChange={(minSessions) => onChange({ ...state, minSessions })}
    />
  );

  return (
    <Panel
      metric="completion"
      question="Which content do members finish?"
      description={`Share of sessions that reached 95 % of the runtime, per movie or episode with at least ${state.minSessions ?? DEFAULT_MIN_SESSIONS} sessions in the period; the top ${LIMIT}.`}
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
        return view === 'chart' ? <CompletionChart rows={rows} onSelect={drill} /> : <CompletionTable rows={rows} onSelect={drill} />;
      }}
    </Panel>
  );
}

function CompletionTable({ rows, onSelect }: { rows: CompletionRow[]; onSelect: (row: CompletionRow) => void }) {
  return (
    <div className={`table-scroll ${styles.tallTable}`}>
      <table className="data-table">
        <caption className="visually-hidden">Completion rate per content item</caption>
        <TableHead columns={[num('#'), 'Title', 'Genre', num('Sessions'), num('Completed'), 'Completion rate']} />
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.content_id} data-content-id={row.content_id}>
              <td className="num">{i + 1}</td>
              <th scope="row" className="row-name">
                <button type="button" className={styles.cellButton} onClick={() => onSelect(row)} title={`Filter every panel to ${row.genre ?? 'its genre'}`}>
                  {contentLabel(row)}
                </button>
                {row.content_type === 'episode' ? <span className="badge">episode</span> : null}
              </th>
              <td>{row.genre}</td>
              <td className="num">{formatCount(row.sessions)}</td>
              <td className="num">{formatCount(row.completed_sessions)}</td>
              <td>
                <span className={styles.rateCell}>
                  <span className={styles.rateBar} style={{ width: `${Math.round(row.completion_rate * 100)}%` }} aria-hidden="true" />
                  <span className={styles.rateValue}>{formatPercent(row.completion_rate)}</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CompletionChart({ rows, onSelect }: { rows: CompletionRow[]; onSelect: (row: CompletionRow) => void }) {
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
          return row ? `<b>${escapeHtml(contentLabel(row))}</b><br/>${formatPercent(row.completion_rate)} of ${formatCount(row.sessions)} sessions` : '';
        },
      },
      xAxis: axis(palette, { type: 'value' as const, max: 1, axisLabel: { color: palette.muted, formatter: (v: number) => `${Math.round(v * 100)} %` } }),
      yAxis: axis(palette, { type: 'category' as const, data: top.map((r) => contentLabel(r)), axisLabel: { color: palette.text, width: 180, overflow: 'truncate' as const } }),
      series: [{ type: 'bar' as const, name: 'Completion rate', data: top.map((r) => r.completion_rate), itemStyle: { color: palette.series[2], borderRadius: [0, 4, 4, 0] }, cursor: 'pointer' }],
    }),
    [top],
  );
  const select = useCallback((click: ChartClick) => {
    const row = top[click.dataIndex];
    if (row) onSelect(row);
  }, [top, onSelect]);
  const label = `Bar chart of the ${top.length} highest completion rates; highest: ${rows[0] ? `${contentLabel(rows[0])} ${formatPercent(rows[0].completion_rate)}` : 'none'}.`;
  return (
    <>
      <EChart option={option} label={label} height={Math.max(240, top.length * 26 + 40)} onSelect={select} />
      <p className={styles.hint}>Click a bar to filter every panel to the title&apos;s genre. The table lists all {rows.length}.</p>
    </>
  );
}
