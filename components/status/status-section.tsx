import type { ReactNode } from 'react';

export const STATUS_HEADING_ID = 'warehouse-status-heading';

interface StatusSectionProps {
  /** Read by the e2e suite: `loading` while streaming, then `ready` or `error`. */
  state: 'loading' | 'ready' | 'error';
  meta?: ReactNode;
  children: ReactNode;
}

export function StatusSection({ state, meta, children }: StatusSectionProps) {
  return (
    <section aria-labelledby={STATUS_HEADING_ID} aria-busy={state === 'loading'} data-state={state}>
      <div className="section-header">
        <h2 id={STATUS_HEADING_ID}>Warehouse status</h2>
        {meta ? <p className="section-header__meta">{meta}</p> : null}
      </div>
      {children}
    </section>
  );
}
