'use client';

import Link from 'next/link';
import { useId, type ReactNode } from 'react';

import type { MetricAnswer } from '@/types/dashboard';

import { metricUrl, type MetricName } from './dashboard-state';
import styles from './dashboard.module.css';
import { SqlDialog } from './sql-dialog';
import { MetricError } from './use-metric';

export type PanelState = 'loading' | 'ready' | 'empty' | 'error';
export type PanelView = 'chart' | 'table';

export interface PanelQuery<R> {
  data: MetricAnswer<R> | undefined;
  error: Error | null;
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  refetch: () => unknown;
}

/** loading until the answer for the current filters is in (an older answer stays visible, dimmed). */
export function panelState<R>(query: PanelQuery<R>, isEmpty: (answer: MetricAnswer<R>) => boolean): PanelState {
  if (query.isError) return 'error';
  if (query.isPending || !query.data || (query.isFetching && query.isPlaceholderData)) return 'loading';
  return isEmpty(query.data) ? 'empty' : 'ready';
}

interface PanelProps<R> {
  metric: MetricName;
  question: string;
  description: ReactNode;
  query: PanelQuery<R>;
  /** The API request behind what is on screen, for the CSV link. */
  request: URLSearchParams;
  isEmpty: (answer: MetricAnswer<R>) => boolean;
  view: PanelView;
  onViewChange: (view: PanelView) => void;
  /** What the non-table view is called, when it is not a chart (the headline figures). */
  chartLabel?: string;
  /** The shape of the answer while the first one is on its way; a generic block otherwise. */
  skeleton?: ReactNode;
  /** Why nothing shows, when it is not the period or the filters (a threshold, a drill). */
  empty?: ReactNode;
  /** Controls of this panel only (tabs, thresholds), shown above the body. */
  controls?: ReactNode;
  children: (answer: MetricAnswer<R>) => ReactNode;
  className?: string;
}

/**
 * One business question: heading, its own controls, chart or table, and the ways out (CSV, SQL, the
 * model). `data-state` tells tests and assistive tech where the panel stands.
 */
export function Panel<R>({ metric, question, description, query, request, isEmpty, view, onViewChange, chartLabel = 'Chart', skeleton, empty, controls, children, className }: PanelProps<R>) {
  const headingId = useId();
  const state = panelState(query, isEmpty);
  const answer = query.data;
  return (
    <section className={`card ${styles.panel} ${className ?? ''}`} data-metric={metric} data-state={state} aria-labelledby={headingId} aria-busy={state === 'loading'}>
      <header className={styles.panelHeader}>
        <div className={styles.panelTitle}>
          <h2 id={headingId}>{question}</h2>
          <p className="muted">{description}</p>
        </div>
        <div className={styles.toolbar}>
          <fieldset className={styles.segmented}>
            <legend className="visually-hidden">Show as</legend>
            {(['chart', 'table'] as const).map((option) => (
              <label key={option} className={styles.segment}>
                <input type="radio" name={`${headingId}-view`} value={option} checked={view === option} onChange={() => onViewChange(option)} />
                <span>{option === 'chart' ? chartLabel : 'Table'}</span>
              </label>
            ))}
          </fieldset>
          <a className="button button--secondary" href={metricUrl(metric, request, 'csv')} download>
            Download CSV
          </a>
          {answer ? <SqlDialog title={question} sql={answer.sql} values={answer.sql_params} /> : null}
          <Link className={styles.traceLink} href={`/model?trace=${metric}`}>
            Trace in the model
          </Link>
        </div>
      </header>
      {controls ? <div className={styles.controls}>{controls}</div> : null}
      <div className={styles.panelBody} data-stale={state === 'loading' && answer ? 'true' : undefined}>
        {state === 'error' ? (
          <PanelError error={query.error} retry={() => query.refetch()} />
        ) : !answer ? (
          (skeleton ?? <PanelSkeleton />)
        ) : state === 'empty' ? (
          <div className={styles.empty}>
            <p className="callout__title">No sessions match</p>
            <p className="muted">{empty ?? 'Nothing in the warehouse falls in this period with these filters. Widen the period or clear a filter.'}</p>
          </div>
        ) : (
          children(answer)
        )}
      </div>
    </section>
  );
}

function PanelSkeleton() {
  return (
    <div className="skeleton-card" aria-hidden="true">
      <span className="skeleton skeleton--w-50" />
      <span className="skeleton skeleton--block" />
      <span className="skeleton skeleton--w-75" />
    </div>
  );
}

function PanelError({ error, retry }: { error: Error | null; retry: () => void }) {
  const refused = error instanceof MetricError && error.status === 400;
  return (
    <div className="callout callout--danger" role="alert">
      <p className="callout__title">{refused ? 'This view has a parameter the warehouse cannot answer' : 'The warehouse could not answer'}</p>
      <p>
        {error?.message ?? 'Unknown error.'}
        {refused && error.param ? (
          <>
            {' '}
            (parameter <code>{error.param}</code>)
          </>
        ) : null}
      </p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={retry}>
          Retry
        </button>
        {refused ? (
          <Link className="button button--secondary" href="/">
            Reset the view
          </Link>
        ) : null}
      </div>
    </div>
  );
}
