'use client';

import { catchError, type ErrorInfo } from 'next/error';

function ExampleError(_props: object, { error, retry }: ErrorInfo) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div className="callout callout--danger" role="alert">
      <h3 className="callout__title">The worked example could not be read from the warehouse</h3>
      <p>
        Check that the database is running and that <code>DATABASE_URL</code> points at it (leave it unset for the
        embedded DuckDB database). The rest of this page does not need it.
      </p>
      {digest ? <p className="muted">Reference for the server log: {digest}</p> : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
      </div>
    </div>
  );
}

/** Keeps a warehouse outage inside the worked example instead of replacing the whole page. */
export const ExampleErrorBoundary = catchError(ExampleError);
