/** Display formats of the dashboards; the API and CSVs keep the unrounded values. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatCount(value: number | null | undefined): string {
  return value == null ? '—' : integer.format(value);
}

export function formatDecimal(value: number | null | undefined, digits: 1 | 2 = 1): string {
  if (value == null) return '—';
  return (digits === 1 ? oneDecimal : twoDecimals).format(value);
}

export function formatPercent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${oneDecimal.format(rate * 100)} %`;
}

/**
 * A duration as people read it: "42 s", "12 min 5 s", "3 h 20 min", "1,204 h". Seconds are rounded
 * for display only.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null) return '—';
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const s = total % 60;
    return `${Math.floor(total / 60)} min${s ? ` ${s} s` : ''}`;
  }
  const hours = Math.floor(total / 3600);
  if (hours >= 100) return `${integer.format(Math.round(total / 3600))} h`;
  const m = Math.floor((total % 3600) / 60);
  return `${hours} h${m ? ` ${m} min` : ''}`;
}

/** Watch time totals in hours, the unit a product team budgets in. */
export function formatHours(seconds: number | null | undefined): string {
  return seconds == null ? '—' : `${integer.format(seconds / 3600)} h`;
}

export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "Xeno · S1 E2 · Contact" for episodes, the title alone otherwise. */
export function contentLabel(row: { title?: unknown; content_type?: unknown; series_title?: unknown; season_number?: unknown; episode_number?: unknown }): string {
  const title = typeof row.title === 'string' ? row.title : '';
  if (row.content_type !== 'episode') return title;
  const parts: string[] = [];
  if (typeof row.series_title === 'string' && row.series_title) parts.push(row.series_title);
  const season = typeof row.season_number === 'number' ? `S${row.season_number}` : '';
  const episode = typeof row.episode_number === 'number' ? `E${row.episode_number}` : '';
  if (season || episode) parts.push([season, episode].filter(Boolean).join(' '));
  if (title) parts.push(title);
  return parts.join(' · ');
}

/** ECharts tooltips are HTML: names from the warehouse are escaped before they go in. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A title as the top-titles list names it: a movie by its title, a season as "Series — Season N". */
export function titleLabel(row: { title?: string | null; title_id: string; season_number?: number | null }): string {
  const name = row.title || row.title_id;
  return row.season_number == null ? name : `${name} — Season ${row.season_number}`;
}
