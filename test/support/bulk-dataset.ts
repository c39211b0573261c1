import { device, event, type Line } from './dataset';

/** Many plain sessions (play, pause, play, stop), enough to keep the loader busy for a few seconds. */
export function bulkEvents(sessions: number): Line[] {
  const lines: Line[] = [];
  const start = Date.parse('2026-10-01T18:00:00Z');
  for (let i = 0; i < sessions; i++) {
    const t = start + i * 7_000;
    const common = { session_id: `s_${i}`, user_id: `u_${i % 500}`, content_id: `m_${i % 50}`, device: { ...device, device_id: `d_${i % 700}` } };
    const at = (offset: number) => new Date(t + offset).toISOString();
    lines.push(
      event({ ...common, event_id: `${i}_1`, event_type: 'play', event_ts: at(0), position_seconds: 0 }),
      event({ ...common, event_id: `${i}_2`, event_type: 'pause', event_ts: at(60_000), position_seconds: 60 }),
      event({ ...common, event_id: `${i}_3`, event_type: 'play', event_ts: at(90_000), position_seconds: 60 }),
      event({ ...common, event_id: `${i}_4`, event_type: 'stop', event_ts: at(150_500), position_seconds: 120.5 }),
    );
  }
  return lines;
}
