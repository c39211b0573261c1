'use client';

import type { ReactNode } from 'react';

interface WarehouseErrorProps {
  title: string;
  /** What else the reader should know, after the common advice. */
  children?: ReactNode;
  error: unknown;
  retry: () => void;
}

/** The callout a section shows when the warehouse failed it: what to check, the log reference, a retry. */
export function WarehouseError({ title, children, error, retry }: WarehouseErrorProps) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div className="callout callout--danger" role="alert">
      <h3 className="callout__title">{title}</h3>
      <p>
        Check that the database is running and that <code>DATABASE_URL</code> points at it (leave it unset to use the embedded DuckDB
        database), then try again.{children ? <> {children}</> : null}
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
