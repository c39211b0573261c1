'use client';

import type { DashboardOptions } from '@/types/dashboard';

import { FilterBar } from './filter-bar';
import styles from './dashboard.module.css';
import { CompletionPanel } from './panels/completion-panel';
import { PeakHoursPanel } from './panels/peak-hours-panel';
import { RatingPopularityPanel } from './panels/rating-popularity-panel';
import { SessionDurationPanel } from './panels/session-duration-panel';
import { WatchTimePanel } from './panels/watch-time-panel';
import { QueryProvider } from './query-provider';
import { useDashboardState } from './use-dashboard-state';

/** The overview: one filter bar, five panels, each answering one business question. */
export function Dashboard({ options }: { options: DashboardOptions }) {
  return (
    <QueryProvider>
      <DashboardPanels options={options} />
    </QueryProvider>
  );
}

function DashboardPanels({ options }: { options: DashboardOptions }) {
  const [state, setState] = useDashboardState();
  const context = { state, dataThrough: options.dataThrough, onChange: setState };
  return (
    <div className={styles.dashboard}>
      <FilterBar state={state} options={options} onChange={setState} />
      <div className={styles.panels}>
        <WatchTimePanel {...context} />
        <PeakHoursPanel {...context} />
        <SessionDurationPanel {...context} />
        <CompletionPanel {...context} />
        <RatingPopularityPanel {...context} />
      </div>
    </div>
  );
}
