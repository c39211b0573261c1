'use client';

import { useCallback, useState } from 'react';

import type { DashboardOptions } from '@/types/dashboard';

import { periodQuery } from './dashboard-state';
import { FilterBar } from './filter-bar';
import styles from './dashboard.module.css';
import { CompletionPanel } from './panels/completion-panel';
import { OverviewPanel } from './panels/overview-panel';
import { PeakHoursPanel } from './panels/peak-hours-panel';
import { RatingPopularityPanel } from './panels/rating-popularity-panel';
import { SessionDurationPanel } from './panels/session-duration-panel';
import { TrendPanel } from './panels/trend-panel';
import { WatchTimePanel } from './panels/watch-time-panel';
import { TopTitlesPanel } from './panels/top-titles-panel';
import { QueryProvider } from './query-provider';
import { selectionKey, type SessionSelection } from './session-selection';
import { SessionsDrawer } from './sessions-drawer';
import { useDashboardState } from './use-dashboard-state';

/**
 * The dashboards: one filter bar, the headline figures and the trend, then a panel per business question,
 * and the drawer of the sessions behind any figure clicked.
 */
export function Dashboard({ options }: { options: DashboardOptions }) {
  return (
    <QueryProvider>
      <DashboardPanels options={options} />
    </QueryProvider>
  );
}

function DashboardPanels({ options }: { options: DashboardOptions }) {
  const [state, setState] = useDashboardState();
  // What each selection was called where it was clicked; a link opened afresh falls back to its parameters.
  const [labels, setLabels] = useState<Record<string, string>>({});
  const showSessions = useCallback(
    (selection: SessionSelection, label: string) => {
      setLabels((known) => ({ ...known, [selectionKey(selection)]: label }));
      setState({ ...state, sessions: selection });
    },
    [setState, state],
  );
  const context = { state, dataThrough: options.dataThrough, onChange: setState, showSessions };
  const selection = state.sessions;
  return (
    <div className={styles.dashboard}>
      <FilterBar state={state} options={options} onChange={setState} />
      <div className={styles.panels}>
        <OverviewPanel {...context} />
        <TrendPanel {...context} />
        <WatchTimePanel {...context} />
        <TopTitlesPanel {...context} />
        <PeakHoursPanel {...context} />
        <SessionDurationPanel {...context} />
        <CompletionPanel {...context} />
        <RatingPopularityPanel {...context} />
      </div>
      {selection ? (
        <SessionsDrawer
          key={selectionKey(selection)}
          selection={selection}
          label={labels[selectionKey(selection)]}
          base={periodQuery(state, options.dataThrough)}
          onClose={() => setState({ ...state, sessions: undefined })}
        />
      ) : null}
    </div>
  );
}
