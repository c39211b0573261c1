import type { Metadata } from 'next';

import styles from '@/components/glossary/glossary.module.css';
import { Term } from '@/components/glossary/term';
import { PageHeader } from '@/components/ui/page-header';
import { DEFAULT_MIN_RATINGS, DEFAULT_MIN_SESSIONS, FILTER_NAMES, MAX_PERIOD_DAYS } from '@/server/metrics/params';
import { DURATION_BUCKETS } from '@/server/metrics/session-duration';

export const metadata: Metadata = { title: 'Glossary' };

/**
 * The metric definitions in plain words. They follow the warehouse's definitions exactly; the values the
 * code also uses (thresholds, buckets, filters) are read from it, so the page cannot drift from the numbers.
 */
export default function GlossaryPage() {
  return (
    <>
      <PageHeader eyebrow="Definitions" title="Glossary">
        What every figure on the dashboards, in the CSV exports and in the API means, to the millisecond.
      </PageHeader>

      <section aria-labelledby="g-sessions" className={styles.section}>
        <h2 id="g-sessions">Viewing sessions</h2>
        <dl className={styles.list}>
          <Term id="viewing-session" name="Viewing session">
            The play, pause, seek and stop events the player sends with one session id, each event counted once
            however often the stream delivers it. Events are taken in the order they happened (equal times by
            event id). The session belongs to the user, content and device of its first event.
          </Term>
          <Term id="session-end" name="End of a session">
            A session ends at its first stop; anything the player sends after it counts for nothing. A session
            with a stop is <em>closed</em>. One without is <em>open</em>: it is measured on the events seen so far and
            updated when more arrive.
          </Term>
          <Term id="session-length" name="Session length">
            From the first event to the first stop (or to the last event of an open session), wall clock, pauses
            included.
          </Term>
          <Term id="watch-time" name="Watch time">
            The time the player was playing: after a play it plays, after a pause or a stop it does not, and a
            seek leaves it as it was. Nothing plays before the first event or after the last one.
          </Term>
          <Term id="completion" name="Completed">
            The furthest playhead position reached is at least 95 % of the content&apos;s running time (the credits).
            While the running time is unknown, the session does not count as completed.
          </Term>
          <Term id="precision" name="Precision">
            Durations and times keep the milliseconds of the events; nothing is rounded before it is summed or
            averaged.
          </Term>
        </dl>
      </section>

      <section aria-labelledby="g-time" className={styles.section}>
        <h2 id="g-time">Time and periods</h2>
        <dl className={styles.list}>
          <Term id="local-time" name="Local date and hour">
            A session&apos;s date and hour are those of its start in the viewer&apos;s own time zone (a rating&apos;s, of when it
            was given). A viewer the warehouse does not know yet is counted in UTC until their record arrives.
          </Term>
          <Term id="period" name="Period">
            Two local dates, both included; a session is in the period when its local date is. At most{' '}
            {MAX_PERIOD_DAYS} days. Without dates, the period is the last full calendar month before the month of
            the newest session in the warehouse.
          </Term>
          <Term id="dashboard-periods" name="Dashboard periods">
            &ldquo;Last full month&rdquo; is the default period above. &ldquo;Last 7, 30 or 90 days&rdquo; end on the newest local
            date with a session in the warehouse and count back from it, that day included, so a warehouse loaded
            yesterday still shows complete days. A custom range is any two dates.
          </Term>
          <Term id="day-type" name="Weekday and weekend">
            Monday to Friday, and Saturday and Sunday, of the local date.
          </Term>
        </dl>
      </section>

      <section aria-labelledby="g-metrics" className={styles.section}>
        <h2 id="g-metrics">The five questions</h2>
        <dl className={styles.list}>
          <Term id="metric-watch-time" name="Watch time by user, genre or device type">
            Over the sessions in the period: total watch time, number of sessions and number of distinct viewers,
            largest watch time first.
          </Term>
          <Term id="metric-peak-hours" name="Peak viewing hours, weekdays vs weekends">
            For each day type and each local hour 0–23 (all 48, zeros included): sessions started in that hour,
            their watch time, and both per day, divided by the number of calendar days of that type in the period.
            Per day is what makes five weekdays comparable with two weekend days; when the period has no day of a
            type, its per-day figures are empty.
          </Term>
          <Term id="metric-completion" name="Completion rate">
            Per movie or episode with at least {DEFAULT_MIN_SESSIONS} sessions in the period (adjustable):
            completed sessions divided by sessions, highest first, then most sessions.
          </Term>
          <Term id="metric-session-duration" name="Session duration">
            Over the sessions in the period: mean, median and 90th percentile of session length (continuous
            percentiles), mean watch time, and how many sessions fall in each length bucket:
            <ul>
              {DURATION_BUCKETS.map((b) => (
                <li key={b.bucket}>
                  <code>{b.bucket}</code>
                </li>
              ))}
            </ul>
          </Term>
          <Term id="metric-rating-popularity" name="Rating vs popularity">
            Per title (a movie, or a series with all its episodes) with at least {DEFAULT_MIN_RATINGS} ratings in
            the period (adjustable): average rating and number of ratings (every rating counts, also a second one
            by the same viewer), and the title&apos;s distinct viewers, sessions and watch time in the period. Across
            the titles: Pearson&apos;s r between average rating and viewers, and Spearman&apos;s ρ (the same on ranks, ties
            sharing their average rank). Both are left empty with fewer than three titles or when either side does
            not vary.
          </Term>
        </dl>
      </section>

      <section aria-labelledby="g-filters" className={styles.section}>
        <h2 id="g-filters">Filters</h2>
        <dl className={styles.list}>
          <Term id="filters" name="Slicing">
            Every figure can be restricted by {FILTER_NAMES.map((f) => f.replace('_', ' ')).join(', ')}, each a list
            of values, all combined. They restrict the sessions; for rating vs popularity also the ratings, by the
            rater&apos;s plan and country, the device the rating was given on, and the content&apos;s genre and type.
            Viewers, titles or devices the warehouse does not know yet carry the value <code>Unknown</code>. On the
            dashboards, clicking a genre or a device type filters every panel to it; clicking a title filters to the
            title&apos;s genre.
          </Term>
          <Term id="csv" name="CSV exports">
            Each panel&apos;s &ldquo;Download CSV&rdquo; is the API&apos;s answer for the same request: the same rows, with
            unrounded values. A text cell that a spreadsheet would run as a formula (starting with{' '}
            <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code>) is written with a leading apostrophe.
          </Term>
        </dl>
      </section>
    </>
  );
}
