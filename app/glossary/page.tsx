import type { Metadata } from 'next';

import styles from '@/components/glossary/glossary.module.css';
import { Term } from '@/components/glossary/term';
import { PageHeader } from '@/components/ui/page-header';
import { DEFAULT_MIN_RATINGS, DEFAULT_MIN_SESSIONS, FILTER_NAMES, MAX_PERIOD_DAYS } from '@/server/metrics/params';
import { DURATION_BUCKETS } from '@/server/metrics/session-duration';
import { DEFAULT_PAGE } from '@/server/metrics/sessions';
import { comparisonPeriod, trendBuckets, type DateRange } from '@/types/period';

export const metadata: Metadata = { title: 'Glossary' };

// Worked examples, computed with the calendar functions the API uses: a leap February shows both rules.
const LEAP_FEBRUARY: DateRange = { from: '2028-02-01', to: '2028-02-29' };
const PREVIOUS = comparisonPeriod(LEAP_FEBRUARY, 'previous');
const YEAR_EARLIER = comparisonPeriod(LEAP_FEBRUARY, 'year');
const CUT_PERIOD: DateRange = { from: '2026-10-29', to: '2026-11-17' };
const CUT_WEEKS = trendBuckets(CUT_PERIOD, 'week');
const CUT_MONTHS = trendBuckets(CUT_PERIOD, 'month');

// Views, worked through: a season of ten 45-minute episodes watched for 150 hours in the period.
const SEASON_EXAMPLE = { episodes: 10, minutes: 45, hoursViewed: 150 };
const SEASON_RUNTIME_HOURS = (SEASON_EXAMPLE.episodes * SEASON_EXAMPLE.minutes) / 60;

const bucketList = (buckets: { bucket: string; days: number }[]) =>
  buckets.map((b) => `${b.bucket} (${b.days} day${b.days === 1 ? '' : 's'})`).join(', ');

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

      <section aria-labelledby="g-headline" className={styles.section}>
        <h2 id="g-headline">Headline figures and trend</h2>
        <dl className={styles.list}>
          <Term id="metric-overview" name="Headline figures">
            Over the sessions in the period: watch time, sessions, viewers (distinct members with a session),
            watch time per viewer (watch time divided by viewers) and completion rate (completed sessions divided by
            sessions). Over the ratings given in the period, restricted by the filters as for rating vs popularity:
            the number of ratings and their average. A ratio whose denominator is zero (no viewers, no sessions, no
            ratings) is left empty rather than shown as zero. The CSV holds a row for the period, one for the
            comparison period and one of changes.
          </Term>
          <Term id="comparison-period" name="Comparison period">
            Chosen in the filter bar, with the same filters as the period. <em>Previous period</em>: as many days as
            the period, ending the day before it starts. <em>Same period last year</em>: the same calendar dates one
            year earlier, where 29 February becomes 28 February. For {LEAP_FEBRUARY.from} to {LEAP_FEBRUARY.to}, the
            previous period is {PREVIOUS.from} to {PREVIOUS.to} and the same period last year is {YEAR_EARLIER.from} to{' '}
            {YEAR_EARLIER.to}.
          </Term>
          <Term id="change" name="Change">
            (current − comparison) ÷ comparison, as a percentage: ▲ for a rise, ▼ for a fall, = when it rounds to
            0.0 %. It is relative for rates too: a completion rate going from 40 % to 44 % is a change of +10.0 %, not
            of 4 points. When the comparison figure is zero or empty there is no change to compute, and the dashboard
            shows — (no comparison data).
          </Term>
          <Term id="metric-trend" name="Trend">
            Watch time, sessions, viewers and completed sessions for each day, ISO week (Monday to Sunday) or
            calendar month that overlaps the period, in date order; a bucket without sessions is shown with zeros.
            Viewers are distinct within each bucket, so the buckets&apos; viewers do not add up to the period&apos;s. A
            bucket is named by its first date inside the period and its days are only its dates inside the period:
            a week or month cut by the period starts at the period&apos;s first date, or ends at its last. For{' '}
            {CUT_PERIOD.from} to {CUT_PERIOD.to}, the weeks are {bucketList(CUT_WEEKS)}, and the months are{' '}
            {bucketList(CUT_MONTHS)}. With a comparison period, its buckets are shown beside the period&apos;s in order,
            the first with the first, whatever their dates. Clicking a bucket makes its dates the period.
          </Term>
        </dl>
      </section>

      <section aria-labelledby="g-hierarchy" className={styles.section}>
        <h2 id="g-hierarchy">Titles, seasons and views</h2>
        <dl className={styles.list}>
          <Term id="title" name="Title">
            What a viewer thinks of as one show: a movie is a title of its own, and a series is one title with all its
            episodes. Content the catalog does not hold yet is a title of its own, with no season, until its record
            arrives.
          </Term>
          <Term id="season" name="Season">
            The episodes of one season number of one series. A season filter keeps the episodes of those season numbers;
            a movie has no season, so it never matches one.
          </Term>
          <Term id="metric-completion-levels" name="Completion per season and per title">
            The completion rate of the sessions of a season&apos;s episodes together, and of a title&apos;s (a movie, or every
            episode of a series). The minimum number of sessions applies to each season or title, and they are ordered as
            movies and episodes are. On the dashboard, click a series to see its seasons and a season to see its episodes;
            Back, or the path above the table, goes up again.
          </Term>
          <Term id="metric-watch-time-title" name="Watch time by title">
            Watch time, sessions and distinct viewers per title, a series with all its episodes together.
          </Term>
          <Term id="views" name="Views">
            How streaming services rank their top titles. Here a movie is a title and so is each season of a series.
            Hours viewed: the watch time of the title&apos;s sessions in the period, in hours. Runtime: the movie&apos;s running
            time, or the sum of the running times of all the season&apos;s episodes in the catalog, watched or not. Views:
            watch time divided by runtime, how many times the whole title was watched through, counting partial viewing
            pro rata. A season of {SEASON_EXAMPLE.episodes} episodes of {SEASON_EXAMPLE.minutes} minutes runs{' '}
            {SEASON_RUNTIME_HOURS} hours; watched for {SEASON_EXAMPLE.hoursViewed} hours it has{' '}
            {SEASON_EXAMPLE.hoursViewed / SEASON_RUNTIME_HOURS} views. Content without a known running time is left out.
            The most views come first, then the most hours viewed.
          </Term>
          <Term id="sessions-list" name="Sessions behind a figure">
            Clicking a bar, a point, a histogram bucket or a session count lists the sessions it stands for: the
            sessions in the period that match the dashboard&apos;s filters and what was clicked (a genre, a device type, a
            user, a title or a season, an hour of weekdays or of weekends, a length bucket, a movie or episode completed or
            not, a trend bucket&apos;s dates). For each: its id, viewer, content, device, local start (the date and time in the
            viewer&apos;s own time zone, to the millisecond), length, watch time, whether it was completed and whether it is
            open or closed. The newest start comes first (equal starts by session id), {DEFAULT_PAGE} to a page; the
            count is of every matching session, and so is the CSV. A session&apos;s id opens it, worked through from its raw
            events, on the ETL page.
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
            dashboards, clicking a genre, a device type or a title (in watch time by title and in the top titles)
            filters every panel to it; a title or season filter shows in the filter bar, where it can be removed.
            Clicking a movie or an episode in the completion table filters to its genre.
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
