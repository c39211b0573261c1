import type { OverviewFigure } from '@/types/dashboard';

import { formatCount, formatDecimal, formatDuration, formatHours, formatPercent } from './format';

/** The headline row's seven figures (metric 6): what each is called and how it reads. */
export const FIGURE_DISPLAY: Record<OverviewFigure, { label: string; format: (value: number | null | undefined) => string }> = {
  watch_seconds: { label: 'Watch time', format: formatHours },
  sessions: { label: 'Sessions', format: formatCount },
  viewers: { label: 'Viewers', format: formatCount },
  // Per viewer is hours at most, so minutes matter: "3 h 20 min" rather than "3 h".
  watch_seconds_per_viewer: { label: 'Watch time per viewer', format: formatDuration },
  completion_rate: { label: 'Completion rate', format: formatPercent },
  ratings: { label: 'Ratings', format: formatCount },
  avg_rating: { label: 'Average rating', format: (value) => formatDecimal(value, 2) },
};
