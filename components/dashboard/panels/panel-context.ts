import type { DashboardState } from '../dashboard-state';
import type { SessionSelection } from '../session-selection';

/** What every panel gets from the dashboard: the URL state, the data's newest day and the setter. */
export interface PanelContext {
  state: DashboardState;
  dataThrough: string | null;
  onChange: (next: DashboardState) => void;
  /** Opens the sessions drawer on the sessions behind a figure; `label` names what was clicked. */
  showSessions: (selection: SessionSelection, label: string) => void;
}
