import type { DashboardState } from '../dashboard-state';

/** What every panel gets from the dashboard: the URL state, the data's newest day and the setter. */
export interface PanelContext {
  state: DashboardState;
  dataThrough: string | null;
  onChange: (next: DashboardState) => void;
}
