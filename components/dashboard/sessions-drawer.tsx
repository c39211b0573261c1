'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';

import styles from './dashboard.module.css';
import { formatCount, formatDuration } from './format';
import { describeSelection, filterPhrases, sessionsQuery, sessionsUrl, type SessionSelection } from './session-selection';
import { SqlDialog } from './sql-dialog';
import { num, TableHead } from './table-head';
import { answeredPeriod } from './trend-series';
import { MetricError } from './use-metric';
import { useSessions, type SessionRow, type SessionsAnswer } from './use-sessions';

interface SessionsDrawerProps {
  selection: SessionSelection;
  /** What was clicked, as the panel named it; a shared link has only the selection's own words. */
  label?: string;
  /** The dashboard's period and filters. */
  base: URLSearchParams;
  onClose: () => void;
}

/**
 * The sessions behind a figure (metric 10), in a modal drawer: the page behind it is inert, so focus
 * stays inside, and Esc closes it as it closes any native dialog. Paging walks the API's cursors: each
 * Next pushes the cursor it used, so Previous is a pop and never needs the API to page backwards.
 */
export function SessionsDrawer({ selection, label, base, onClose }: SessionsDrawerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closing = useRef(false);
  const titleId = useId();
  const summaryId = useId();
  const [cursors, setCursors] = useState<string[]>([]);
  const query = sessionsQuery(base, selection);
  const page = useSessions(query, cursors.at(-1) ?? null, cursors.length);

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    closing.current = false;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!node.open) node.showModal();
    return () => {
      // Closed by the URL (Back, or the dashboard's own close): no second close request.
      closing.current = true;
      if (node.open) node.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const closed = (event: SyntheticEvent<HTMLDialogElement>) => {
    // The View SQL dialog inside closes too; only this one's close closes the drawer. The event comes a
    // task later: a dialog open again by then (remounted) was not closed by the user.
    if (event.target === event.currentTarget && !closing.current && !event.currentTarget.open) onClose();
  };

  const answer = page.data;
  const stale = page.isFetching && page.isPlaceholderData;
  const state = page.isError ? 'error' : !answer || stale ? 'loading' : answer.total === 0 ? 'empty' : 'ready';
  const heading = label ? `Sessions: ${label}` : 'Sessions behind the figure';

  return (
    <dialog ref={dialog} className={styles.drawer} aria-labelledby={titleId} aria-describedby={summaryId} onClose={closed} data-state={state}>
      <div className={styles.drawerHeader}>
        <h2 id={titleId}>{heading}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <Summary id={summaryId} answer={state === 'loading' || state === 'error' ? undefined : answer} counting={state === 'loading'} selection={selection} base={base} />
      <div className="button-row">
        <a className="button button--secondary" href={sessionsUrl(query, { format: 'csv' })} download>
          {answer && !stale ? `Download CSV of all ${formatCount(answer.total)} sessions` : 'Download CSV of the sessions'}
        </a>
        {answer ? <SqlDialog title={heading} sql={answer.sql} values={answer.sql_params} /> : null}
      </div>
      <div className={styles.drawerBody} aria-busy={state === 'loading'} data-stale={stale ? 'true' : undefined}>
        {state === 'error' ? (
          <DrawerError error={page.error} retry={() => page.refetch()} />
        ) : !answer ? (
          <div className="skeleton-card" aria-hidden="true">
            <span className="skeleton skeleton--w-75" />
            <span className="skeleton skeleton--block" />
          </div>
        ) : answer.total === 0 ? (
          <div className={styles.empty}>
            <p className="callout__title">No sessions match</p>
            <p className="muted">Nothing in the warehouse matches this selection with the dashboard&apos;s period and filters.</p>
          </div>
        ) : (
          <>
            <SessionTable rows={answer.rows} first={answer.offset + 1} />
            <Paging
              first={answer.offset + 1}
              shown={answer.rows.length}
              total={answer.total}
              busy={page.isFetching}
              onPrevious={cursors.length > 0 ? () => setCursors(cursors.slice(0, -1)) : undefined}
              onNext={answer.next_cursor && !stale ? () => setCursors([...cursors, answer.next_cursor ?? '']) : undefined}
            />
          </>
        )}
      </div>
    </dialog>
  );
}

interface SummaryProps {
  id: string;
  /** The answer on screen once it is for this page; absent while counting or after a failure. */
  answer?: SessionsAnswer;
  counting: boolean;
  selection: SessionSelection;
  base: URLSearchParams;
}

function Summary({ id, answer, counting, selection, base }: SummaryProps) {
  const period = answer ? answeredPeriod(answer.params) : null;
  const ownDates = selection.from !== undefined || selection.to !== undefined;
  const filters = filterPhrases(base, selection);
  return (
    <p id={id} className={styles.drawerSummary} data-total={answer?.total} aria-live="polite">
      {answer ? <strong>{formatCount(answer.total)} sessions</strong> : counting ? <span>Counting the sessions…</span> : <span>Sessions</span>}:{' '}
      {[...describeSelection(selection), ...(!ownDates && period ? [`from ${period.from} to ${period.to}`] : [])].join(', ')}
      {filters.length > 0 ? `; filtered by ${filters.join('; ')}` : ''}. Newest first by start time in UTC; each local start is in its viewer&apos;s own time zone.
    </p>
  );
}

function SessionTable({ rows, first }: { rows: SessionRow[]; first: number }) {
  return (
    <div className={`table-scroll ${styles.drawerTable}`}>
      <table className="data-table">
        <caption className="visually-hidden">Sessions {first} to {first + rows.length - 1}, newest first</caption>
        <TableHead columns={[num('#'), 'Session', 'Local start', 'User', 'Title', 'Device', num('Length'), num('Watch time'), 'Completed', 'Status']} />
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.session_id} data-session-id={row.session_id}>
              <td className="num">{first + i}</td>
              <th scope="row" className="row-name">
                {/* The ETL page works this very session through, from its raw events to its fact row. */}
                <Link className="mono" href={`/model/etl?session_id=${encodeURIComponent(row.session_id)}`} aria-label={`Session ${row.session_id}, worked through on the ETL page`}>
                  {row.session_id}
                </Link>
              </th>
              <td className={`mono ${styles.date}`}>{row.local_start.replace('T', ' ')}</td>
              <td className="mono">{row.user_id}</td>
              <td>{row.title ?? row.content_id}</td>
              <td>{row.device_type}</td>
              <td className="num" data-seconds={row.session_length_seconds}>
                {formatDuration(row.session_length_seconds)}
              </td>
              <td className="num" data-seconds={row.watch_seconds}>
                {formatDuration(row.watch_seconds)}
              </td>
              <td>{row.is_completed ? 'yes' : 'no'}</td>
              <td>{row.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface PagingProps {
  first: number;
  shown: number;
  total: number;
  busy: boolean;
  onPrevious?: () => void;
  onNext?: () => void;
}

function Paging({ first, shown, total, busy, onPrevious, onNext }: PagingProps) {
  return (
    <nav className={styles.paging} aria-label="Pages of sessions">
      <button type="button" className="button button--secondary" onClick={onPrevious} disabled={!onPrevious}>
        Previous
      </button>
      <p className="muted" aria-live="polite" data-range={`${first}-${first + shown - 1}`}>
        {busy ? 'Reading…' : `Sessions ${formatCount(first)}–${formatCount(first + shown - 1)} of ${formatCount(total)}`}
      </p>
      <button type="button" className="button button--secondary" onClick={onNext} disabled={!onNext}>
        Next
      </button>
    </nav>
  );
}

function DrawerError({ error, retry }: { error: Error | null; retry: () => void }) {
  const refused = error instanceof MetricError && error.status === 400;
  return (
    <div className="callout callout--danger" role="alert">
      <p className="callout__title">{refused ? 'The warehouse cannot answer this selection' : 'The warehouse could not list the sessions'}</p>
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
      </div>
    </div>
  );
}
