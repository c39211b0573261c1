'use client';

import { catchError, type ErrorInfo } from 'next/error';

import styles from './dashboard.module.css';

function DashboardError(_props: object, { error, retry }: ErrorInfo) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div className={styles.dashboard}>
      <div className="callout callout--danger" role="alert">
        <h2 className="callout__title">The dashboards could not read the warehouse</h2>
        <p>
          Check that the database is running and that <code>DATABASE_URL</code> points at it (leave it unset for the embedded database), then
          try again.
        </p>
        {digest ? <p className="muted">Reference for the server log: {digest}</p> : null}
        <div className="button-row">
          <button type="button" className="button" onClick={() => retry()}>
            Try again
          </button>
        </div>
      </div>
    </div>
  );
}

/** Keeps a warehouse outage inside the dashboards instead of replacing the whole page. */
export const DashboardErrorBoundary = catchError(DashboardError);
