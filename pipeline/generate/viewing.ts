/**
 * What a user watches when they open the app, and what happens around the player: resuming
 * an unfinished item, continuing the current series, or picking from the home screen (their
 * favourite genre or the overall popularity); autoplay binges (each episode its own session,
 * back to back); and ratings after the stop, tied to the item's quality and the viewer's
 * engagement, but noisily.
 */
import type { Catalog, ContentItem, Series } from './catalog';
import type { IdSequence } from './ids';
import { at, type Rng } from './random';
import { playSession, type SessionOutcome } from './sessions';
import type { EventStream } from './stream';
import { dayOf, HOUR_MS, MINUTE_MS } from './time';
import { deviceJson, pickDevice, type UserProfile } from './users';

/** Share of closed sessions that get a rating (completed ones more often). */
const RATE_IF_COMPLETED = 0.2;
const RATE_IF_NOT = 0.1;
/** Share of ratings that the same user gives again later. */
const RERATE_SHARE = 0.05;

export interface ViewingCounts {
  sessions: number;
  openSessions: number;
}

export class Viewer {
  readonly counts: ViewingCounts = { sessions: 0, openSessions: 0 };

  constructor(
    private readonly rng: Rng,
    private readonly catalog: Catalog,
    private readonly stream: EventStream,
    private readonly sessionIds: IdSequence,
  ) {}

  /** One visit: a session, or a run of back-to-back episodes, starting at `startMs`. */
  visit(user: UserProfile, startMs: number): void {
    const rng = this.rng;
    const device = pickDevice(rng, user);
    const json = deviceJson(device, dayOf(startMs));
    let { item, positionMs } = this.choose(user);
    let t = startMs;
    for (;;) {
      this.stream.beginSession(user, this.sessionIds.next(), item, json, device.sendsOffset);
      const outcome = playSession(rng, item, t, positionMs, this.stream);
      this.counts.sessions++;
      if (outcome.open) this.counts.openSessions++;
      this.remember(user, item, outcome);
      this.maybeRate(item, outcome);
      const next = nextEpisode(item);
      if (!next || outcome.open || !outcome.completed || !rng.chance(user.binge)) return;
      // Autoplay's countdown, then the next episode as a new session.
      item = next;
      positionMs = 0;
      t = outcome.endMs + rng.int(5000, 20_000);
    }
  }

  private choose(user: UserProfile): { item: ContentItem; positionMs: number } {
    const rng = this.rng;
    const { catalog } = this;
    if (user.partialItem >= 0 && rng.chance(0.4)) {
      // "Continue watching": back a few seconds from where they left off.
      return { item: at(catalog.items, user.partialItem), positionMs: Math.max(0, user.partialMs - rng.int(0, 15_000)) };
    }
    const current = user.seriesIndex >= 0 ? at(catalog.series, user.seriesIndex) : null;
    if (current && rng.chance(0.45)) return this.fromSeries(user, current);
    const favourites = catalog.byGenre.get(user.favouriteGenre);
    const title = favourites && rng.chance(0.35) ? favourites.pick(rng) : catalog.titles.pick(rng);
    if (title.kind === 'movie') return this.startOrResume(user, title.item);
    return this.fromSeries(user, title.series);
  }

  private fromSeries(user: UserProfile, series: Series): { item: ContentItem; positionMs: number } {
    const rng = this.rng;
    let order = 0;
    if (this.catalog.series[user.seriesIndex] === series) order = user.nextEpisode;
    else if (rng.chance(0.15)) order = rng.int(0, series.episodes.length - 1);
    return this.startOrResume(user, at(series.episodes, Math.min(order, series.episodes.length - 1)));
  }

  private startOrResume(user: UserProfile, item: ContentItem): { item: ContentItem; positionMs: number } {
    return { item, positionMs: user.partialItem === item.index ? user.partialMs : 0 };
  }

  /** Carries "continue watching" and the series pointer to the user's next visit. */
  private remember(user: UserProfile, item: ContentItem, outcome: SessionOutcome): void {
    if (!outcome.completed && outcome.lastPositionMs > 2 * MINUTE_MS) {
      user.partialItem = item.index;
      user.partialMs = outcome.lastPositionMs;
    } else if (user.partialItem === item.index) {
      user.partialItem = -1;
    }
    if (!item.series) return;
    const finishedSeries = outcome.completed && item.order + 1 >= item.series.episodes.length;
    // Viewers drift away from a series, sooner from a weak one: without this, whoever picks
    // the most popular series watches nothing else and one title takes over the dashboards.
    const losesInterest = this.rng.chance(0.1 + 0.3 * (1 - item.quality));
    user.seriesIndex = finishedSeries || losesInterest ? -1 : item.series.index;
    user.nextEpisode = outcome.completed ? item.order + 1 : item.order;
  }

  private maybeRate(item: ContentItem, outcome: SessionOutcome): void {
    const rng = this.rng;
    if (outcome.open || !rng.chance(outcome.completed ? RATE_IF_COMPLETED : RATE_IF_NOT)) return;
    const score = 1 + 4 * item.quality + (outcome.completed ? 0.35 : -0.5) + 0.85 * rng.normal();
    const rating = Math.min(5, Math.max(1, Math.round(score)));
    const ratedMs = outcome.endMs + rng.int(3000, 120_000);
    // Most apps attach the session; ratings from the title page do not.
    this.stream.rate(ratedMs, rating, rng.chance(0.85));
    if (rng.chance(RERATE_SHARE)) {
      const again = Math.min(5, Math.max(1, rating + rng.int(-1, 1)));
      this.stream.rate(ratedMs + rng.int(10 * MINUTE_MS, 48 * HOUR_MS), again, false);
    }
  }
}

function nextEpisode(item: ContentItem): ContentItem | null {
  return item.series?.episodes[item.order + 1] ?? null;
}
