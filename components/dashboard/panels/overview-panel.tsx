'use client';

import { useState } from 'react';

import { OVERVIEW_FIGURES, type OverviewAnswer } from '@/types/dashboard';

import { describeChange } from '../change';
import { COMPARE, COMPARE_LABELS, COMPARE_PHRASES, metricQuery, type Compare } from '../dashboard-state';
import styles from '../dashboard.module.css';
import { DateRangeText } from '../date-range-text';
import { FIGURE_DISPLAY } from '../overview-figures';
import { Panel, type PanelView } from '../panel';
import { num, TableHead } from '../table-head';
import { answeredPeriod } from '../trend-series';
import { useMetric } from '../use-metric';
import type { PanelContext } from './panel-context';

/** The comparison an answer carries: the one the API echoes, so a stale answer is never labelled with a newer setting. */
interface Compared {
  compare: Compare;
  from: string;
  to: string;
  summary: NonNullable<OverviewAnswer['comparison']>['summary'];
  change: NonNullable<OverviewAnswer['change']>;
}

function comparedOf(answer: OverviewAnswer): Compared | null {
  const compare = COMPARE.find((c) => c === answer.params.compare);
  if (!compare || !answer.comparison || !answer.change) return null;
  return { compare, ...answer.comparison, change: answer.change };
}

export function OverviewPanel({ state, dataThrough }: PanelContext) {
  const [view, setView] = useState<PanelView>('chart');
  const request = metricQuery('overview', state, dataThrough);
  const query = useMetric('overview', request);

  return (
    <Panel
      metric="overview"
      question="Headline figures"
      description="Watch time, sessions, distinct viewers, completion and ratings over the period and filters of every panel. Pick a comparison period in the filter bar to see how each figure changed."
      query={query}
      request={request}
      isEmpty={(answer) => !answer.summary.sessions}
      view={view}
      onViewChange={setView}
      chartLabel="Figures"
      skeleton={<HeadlineSkeleton />}
      className={styles.wide}
    >
      {(raw) => {
        const answer = raw as OverviewAnswer;
        const compared = comparedOf(answer);
        return (
          <>
            <PeriodLine answer={answer} compared={compared} />
            {view === 'chart' ? <HeadlineFigures answer={answer} compared={compared} /> : <HeadlineTable answer={answer} compared={compared} />}
          </>
        );
      }}
    </Panel>
  );
}

function PeriodLine({ answer, compared }: { answer: OverviewAnswer; compared: Compared | null }) {
  const period = answeredPeriod(answer.params);
  if (!period) return null;
  return (
    <p className={styles.periodLine} data-period={`${period.from}/${period.to}`} data-comparison={compared ? `${compared.from}/${compared.to}` : undefined}>
      <DateRangeText {...period} />
      {compared ? (
        <>
          , compared with the {COMPARE_PHRASES[compared.compare]}: <DateRangeText from={compared.from} to={compared.to} />
        </>
      ) : null}
    </p>
  );
}

/** ▲/▼ and a signed percentage for the eye, the same in words for a screen reader; colour only repeats it. */
function ChangeMark({ change, compare }: { change: number | null; compare: Compare }) {
  const shown = describeChange(change, `vs ${COMPARE_PHRASES[compare]}`);
  return (
    <span className={styles.change} data-direction={shown.direction}>
      <span aria-hidden="true">{shown.mark ? `${shown.mark} ${shown.text}` : shown.text}</span>
      <span className="visually-hidden">{shown.label}</span>
    </span>
  );
}

function HeadlineFigures({ answer, compared }: { answer: OverviewAnswer; compared: Compared | null }) {
  return (
    <dl className={styles.figures}>
      {OVERVIEW_FIGURES.map((name) => {
        const { label, format } = FIGURE_DISPLAY[name];
        return (
          <div key={name} className={`stat ${styles.figure}`} data-figure={name}>
            <dt className="stat__label">{label}</dt>
            <dd className="stat__value">{format(answer.summary[name])}</dd>
            {compared ? (
              <>
                <dd>
                  <ChangeMark change={compared.change[name]} compare={compared.compare} />
                </dd>
                <dd className="stat__hint">
                  {format(compared.summary[name])} in the {COMPARE_PHRASES[compared.compare]}
                </dd>
              </>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}

function HeadlineTable({ answer, compared }: { answer: OverviewAnswer; compared: Compared | null }) {
  const columns = ['Figure', num('This period'), ...(compared ? [num(COMPARE_LABELS[compared.compare]), num('Change')] : [])];
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Headline figures{compared ? ` against the ${COMPARE_PHRASES[compared.compare]}` : ''}</caption>
        <TableHead columns={columns} />
        <tbody>
          {OVERVIEW_FIGURES.map((name) => {
            const { label, format } = FIGURE_DISPLAY[name];
            return (
              <tr key={name} data-figure={name}>
                <th scope="row">{label}</th>
                {/* The unrounded value beside the shown one, as in the CSV. */}
                <td className="num" data-value={answer.summary[name] ?? ''}>
                  {format(answer.summary[name])}
                </td>
                {compared ? (
                  <>
                    <td className="num" data-value={compared.summary[name] ?? ''}>
                      {format(compared.summary[name])}
                    </td>
                    <td className="num" data-value={compared.change[name] ?? ''}>
                      <ChangeMark change={compared.change[name]} compare={compared.compare} />
                    </td>
                  </>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function HeadlineSkeleton() {
  return (
    <div className={styles.figures} aria-hidden="true">
      {OVERVIEW_FIGURES.map((name) => (
        <div key={name} className={`skeleton-card ${styles.figure}`}>
          <span className="skeleton skeleton--w-75" />
          <span className="skeleton skeleton--value" />
        </div>
      ))}
    </div>
  );
}
