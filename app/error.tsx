'use client';

import type { ErrorInfo } from 'next/error';
import Link from 'next/link';
import { useEffect } from 'react';

export default function ErrorPage({ error, retry }: ErrorInfo) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  return (
    <div className="message-page card" role="alert">
      <p className="message-page__code">Something went wrong</p>
      <h1>This page could not be loaded</h1>
      <p className="muted">
        The problem is usually temporary, for example while the warehouse restarts. Try again in a moment; if it keeps
        happening, the server log has the details.
      </p>
      {digest ? <p className="muted">Reference: {digest}</p> : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
        <Link href="/" className="button button--secondary">
          Go to Dashboards
        </Link>
      </div>
    </div>
  );
}
