'use client';

import { catchError, type ErrorInfo } from 'next/error';

import { StatusSection } from './status-section';

function StatusError(_props: object, { error, retry }: ErrorInfo) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  return (
    <StatusSection state="error">
      <div className="callout callout--danger" role="alert">
        <h3 className="callout__title">The warehouse could not be reached</h3>
        <p>
          Check that the database is running and that <code>DATABASE_URL</code> points at it (leave it unset to use the
          embedded PGlite database), then try again.
        </p>
        {digest ? <p className="muted">Reference for the server log: {digest}</p> : null}
        <div className="button-row">
          <button type="button" className="button" onClick={() => retry()}>
            Try again
          </button>
        </div>
      </div>
    </StatusSection>
  );
}

/** Keeps a warehouse outage inside the status section instead of replacing the whole page. */
export const StatusErrorBoundary = catchError(StatusError);
