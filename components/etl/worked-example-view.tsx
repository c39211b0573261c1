import Link from 'next/link';

import type { EtlExample, FactSessionRow, SessionMeasures, StagedEvent } from '@/server/etl-example';

import styles from './etl.module.css';
import { formatSeconds, formatUtc, formatValue } from './format';

type Ready = Extract<EtlExample, { state: 'ready' }>;

const MEASURES: { key: keyof SessionMeasures; label: string }[] = [
  { key: 'session_status', label: 'session_status' },
  { key: 'session_length_seconds', label: 'session_length_seconds' },
  { key: 'watch_seconds', label: 'watch_seconds' },
  { key: 'start_position_seconds', label: 'start_position_seconds' },
  { key: 'max_position_seconds', label: 'max_position_seconds' },
  { key: 'pause_count', label: 'pause_count' },
  { key: 'seek_count', label: 'seek_count' },
  { key: 'event_count', label: 'event_count' },
  { key: 'events_after_stop', label: 'events_after_stop' },
];

function playback(event: StagedEvent): string {
  if (!event.counted) return 'after the first stop: not counted';
  const state = event.playing ? 'playing' : 'not playing';
  return event.event_type === 'seek' ? `${state} (a seek keeps the state)` : state;
}

function EventTable({ events }: { events: readonly StagedEvent[] }) {
  return (
    <div className="card card--flush table-scroll" role="region" aria-labelledby="example-events-caption" tabIndex={0}>
      <table className="data-table" data-testid="example-events">
        <caption id="example-events-caption" className="visually-hidden">
          Raw events of the session in event order, with the playback state after each and the seconds counted as watched
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">event_ts (UTC)</th>
            <th scope="col">event_type</th>
            <th scope="col" className="num">
              position_seconds
            </th>
            <th scope="col">Playback after it</th>
            <th scope="col" className="num">
              Watched until the next event (s)
            </th>
            <th scope="col">Read from</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={e.event_id} className={e.counted ? undefined : styles.uncounted} data-counted={e.counted}>
              <td className="num">{i + 1}</td>
              <td className="mono">{formatUtc(e.event_ts)}</td>
              <th scope="row" className="mono">
                {e.event_type}
              </th>
              <td className="num">{formatSeconds(e.position_seconds)}</td>
              <td>{playback(e)}</td>
              <td className="num">{formatSeconds(e.watchedSeconds)}</td>
              <td className={`mono ${styles.source}`}>
                load {e.load_id}, {e.source_file}:{e.source_line}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Comparison({ computed, row }: { computed: SessionMeasures; row: FactSessionRow }) {
  return (
    <div className="card card--flush table-scroll" role="region" aria-labelledby="example-check-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="example-check-caption" className="visually-hidden">
          Measures computed from the events beside the fact row the transforms produced
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="num">
              From the events, by the rules
            </th>
            <th scope="col" className="num">
              In fact_viewing_session
            </th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {MEASURES.map(({ key, label }) => {
            const agrees = computed[key] === row[key];
            return (
              <tr key={key}>
                <th scope="row" className="mono">
                  {label}
                </th>
                <td className="num">{formatValue(computed[key], key)}</td>
                <td className="num">{formatValue(row[key], key)}</td>
                <td className={agrees ? styles.agrees : styles.differs}>{agrees ? 'agrees' : 'differs'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The worked example: one real session's raw events, the rules applied to them, and the row they produced.
 * `requested`: the session was asked for by id (a link from the sessions behind a figure), not picked here.
 */
export function WorkedExampleView({ example, requested = false }: { example: Ready; requested?: boolean }) {
  const { session, events, computed } = example;
  const row = Object.entries(session) as [keyof FactSessionRow, FactSessionRow[keyof FactSessionRow]][];
  return (
    <div className="stack" data-session-id={session.session_id}>
      <p>
        Session <code>{session.session_id}</code>: <code>{session.user_id}</code> (time zone <code>{session.time_zone}</code>)
        watched <strong>{session.title}</strong> (<code>{session.content_id}</code>) on a {session.device_type}.{' '}
        {requested ? (
          <>
            It is the session followed from the dashboards (<Link href="/model/etl">the usual example</Link> is the first closed
            session, by session_id, with a pause or a seek)
          </>
        ) : (
          'It is the first closed session, by session_id, with a pause or a seek'
        )}
        ; its events are read from <code>stg_player_event</code> in <code>event_ts, event_id</code> order, as sessionization
        reads them.
      </p>
      <h3>1. The raw events</h3>
      <p className="muted">
        Before the first event nothing plays. A play starts playing, a pause or stop stops it, a seek leaves it as it was.
        The time until the next event counts as watched when the player is playing. The session ends at its first stop.
      </p>
      <EventTable events={events} />
      <h3>2. The measures, worked out and as stored</h3>
      <Comparison computed={computed} row={session} />
      <h3>3. The row in fact_viewing_session</h3>
      <dl className={styles.row} aria-label={`fact_viewing_session row ${session.session_id}`}>
        {row.map(([key, value]) => (
          <div key={key}>
            <dt className="mono">{key}</dt>
            <dd className="mono">{formatValue(value, key)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        user_id, time_zone, content_id, title, runtime_seconds and device_type are read through the row&apos;s keys from{' '}
        <code>dim_user</code>, <code>dim_content</code> and <code>dim_device</code>.
      </p>
    </div>
  );
}
