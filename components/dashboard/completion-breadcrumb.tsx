'use client';

import type { MouseEvent } from 'react';

import type { Crumb } from './completion-drill';
import { writeState, type DashboardState } from './dashboard-state';
import styles from './dashboard.module.css';

/**
 * Where the completion drill stands: real links (a new tab opens the level, a copied link reproduces it)
 * that, clicked in place, go up through the dashboard's state like every other control.
 */
export function CompletionBreadcrumb({ crumbs, onChange }: { crumbs: Crumb[]; onChange: (next: DashboardState) => void }) {
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label="Completion drill" className={styles.breadcrumb}>
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={i}>
            {crumb.target ? <CrumbLink target={crumb.target} label={crumb.label} onChange={onChange} /> : <span aria-current="page">{crumb.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function CrumbLink({ target, label, onChange }: { target: DashboardState; label: string; onChange: (next: DashboardState) => void }) {
  const query = writeState(target).toString();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onChange(target);
  };
  return (
    <a href={query ? `?${query}` : '?'} onClick={follow}>
      {label}
    </a>
  );
}
