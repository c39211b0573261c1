/**
 * The content catalog: ~250 movies and ~40 series of 1–6 seasons. Popularity is Zipf-like over
 * titles (a movie, or a whole series), so a few titles take most of the viewing and a long tail
 * is rarely watched. Each title also carries two hidden traits that the viewing model reads:
 * `quality` (drives ratings, weakly tied to popularity) and `completion` (the chance that a
 * fresh session reaches the credits), so the completion and rating dashboards have a story.
 */
import { ADJECTIVES, EPISODE_WORDS, NOUNS, PLACES } from './names';
import { Weighted, type Rng } from './random';

export const GENRES = [
  'Drama', 'Comedy', 'Action', 'Thriller', 'Crime', 'Sci-Fi', 'Fantasy',
  'Horror', 'Romance', 'Documentary', 'Animation', 'Family', 'Mystery',
] as const;
/** How common each genre is in the catalog, and among viewers' favourites. */
export const GENRE_WEIGHTS = [18, 15, 12, 10, 8, 7, 5, 6, 6, 5, 4, 4, 5];
export type Genre = (typeof GENRES)[number];

export const MOVIE_COUNT = 250;
export const SERIES_COUNT = 40;
/**
 * Popularity ∝ 1 / (rank + 5) (Zipf–Mandelbrot, s = 1, q = 5): a long tail, with the very top
 * flattened so that no single title takes over the dashboards (plain Zipf gives rank 1 over a
 * tenth of all picks, and series continuation multiplies that).
 */
const zipf = (rank: number) => 1 / (rank + 5);
/** A series is many hours of viewing: it wins the home screen more often than a movie. */
const SERIES_BOOST = 2.5;
/** Series ids start at s_0101, as in the contract's example. */
const FIRST_SERIES_NUMBER = 101;

export interface Series {
  /** Position in `Catalog.series`. */
  readonly index: number;
  readonly id: string;
  readonly title: string;
  readonly genre: Genre;
  /** Every episode in viewing order (season by season). */
  readonly episodes: ContentItem[];
}

export interface ContentItem {
  readonly index: number;
  readonly id: string;
  readonly kind: 'movie' | 'episode';
  readonly title: string;
  readonly genre: Genre;
  readonly releaseYear: number;
  readonly runtimeSeconds: number;
  readonly maturity: string;
  /** 0..1: how much viewers like it (hidden; drives ratings). */
  readonly quality: number;
  /** Chance that a session started from the beginning reaches 95 % of the runtime. */
  readonly completion: number;
  readonly series: Series | null;
  readonly season: number;
  readonly episode: number;
  /** Index of this episode in `series.episodes` (0 for movies). */
  readonly order: number;
}

/** What a viewer picks from the home screen: a movie, or a series as a whole. */
export type Title = { kind: 'movie'; item: ContentItem } | { kind: 'series'; series: Series };

export interface Catalog {
  readonly items: readonly ContentItem[];
  readonly series: readonly Series[];
  readonly titles: Weighted<Title>;
  /** Popularity restricted to one genre, for viewers' favourite genres. */
  readonly byGenre: ReadonlyMap<Genre, Weighted<Title>>;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function inventTitle(used: Set<string>, make: () => string): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const title = make();
    if (!used.has(title)) {
      used.add(title);
      return title;
    }
  }
  // The word lists allow thousands of combinations; a sequel number settles rare clashes.
  const title = `${make()} ${used.size + 2}`;
  used.add(title);
  return title;
}

function movieTitle(rng: Rng): string {
  const a = rng.pick(ADJECTIVES);
  const n = rng.pick(NOUNS);
  switch (rng.int(0, 4)) {
    case 0: return `The ${a} ${n}`;
    case 1: return `${a} ${n}`;
    case 2: return `${n} of the ${rng.pick(NOUNS)}`;
    case 3: return `The ${n}`;
    default: return `${n} & ${rng.pick(NOUNS)}`;
  }
}

function seriesTitle(rng: Rng): string {
  const r = rng.float();
  if (r < 0.5) return rng.pick(PLACES);
  if (r < 0.8) return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
  return `The ${rng.pick(PLACES)} Files`;
}

function episodeTitle(rng: Rng, season: number, episode: number): string {
  if (season === 1 && episode === 1) return 'Pilot';
  const r = rng.float();
  if (r < 0.5) return rng.pick(EPISODE_WORDS);
  if (r < 0.75) return `The ${rng.pick(NOUNS)}`;
  return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
}

function maturity(rng: Rng, genre: Genre, tv: boolean): string {
  const kids = genre === 'Animation' || genre === 'Family';
  const dark = genre === 'Horror' || genre === 'Crime' || genre === 'Thriller';
  if (tv) return rng.pick(kids ? ['TV-Y7', 'TV-G', 'TV-PG'] : dark ? ['TV-14', 'TV-MA', 'TV-MA'] : ['TV-PG', 'TV-14', 'TV-14', 'TV-MA']);
  if (kids) return rng.pick(['G', 'G', 'PG']);
  if (genre === 'Documentary') return rng.pick(['G', 'PG', 'PG-13']);
  return rng.pick(dark ? ['R', 'R', 'PG-13', 'NC-17'] : ['PG', 'PG-13', 'PG-13', 'R']);
}

function movieMinutes(rng: Rng, genre: Genre): number {
  const mean = genre === 'Animation' || genre === 'Family' ? 92 : genre === 'Documentary' ? 95 : genre === 'Action' || genre === 'Sci-Fi' || genre === 'Fantasy' ? 122 : 108;
  return clamp(mean + 16 * rng.normal(), 80, 180);
}

function episodeMinutes(rng: Rng, genre: Genre): number {
  if (genre === 'Comedy' || genre === 'Animation' || genre === 'Family') return rng.range(21, 31);
  return rng.range(38, 60);
}

/** Latent quality: mostly noise, nudged up for popular titles (rank 1 is the most popular). */
function qualityFor(rng: Rng, rank: number, titles: number): number {
  return clamp(0.5 + 0.05 * Math.log(titles / rank) + 0.15 * rng.normal(), 0.05, 0.98);
}

/** A few titles are "clicked and dropped" (misleading artwork): most sessions end early. */
function completionFor(rng: Rng, quality: number, episode: boolean): number {
  const base = episode ? 0.25 + 0.6 * quality : 0.1 + 0.7 * quality;
  const c = clamp(base + 0.12 * rng.normal(), 0.03, 0.93);
  return rng.chance(0.12) ? c * 0.25 : c;
}

export function buildCatalog(rng: Rng, endYear: number): Catalog {
  const genres = new Weighted<Genre>(GENRES, GENRE_WEIGHTS);
  const titleCount = MOVIE_COUNT + SERIES_COUNT;
  // Zipf ranks shuffled over titles (Fisher–Yates), so popularity is independent of id order.
  const ranks = Array.from({ length: titleCount }, (_, i) => i + 1);
  for (let i = ranks.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [ranks[i], ranks[j]] = [ranks[j] as number, ranks[i] as number];
  }
  const usedTitles = new Set<string>();
  const items: ContentItem[] = [];
  const series: Series[] = [];
  const titles: Title[] = [];
  const weights: number[] = [];

  for (let m = 1; m <= MOVIE_COUNT; m++) {
    const rank = ranks[m - 1] as number;
    const genre = genres.pick(rng);
    const quality = qualityFor(rng, rank, titleCount);
    const item: ContentItem = {
      index: items.length, id: `m_${pad(m, 4)}`, kind: 'movie',
      title: inventTitle(usedTitles, () => movieTitle(rng)), genre,
      releaseYear: clamp(endYear - Math.floor(rng.exp(7)), 1960, endYear),
      runtimeSeconds: Math.round(movieMinutes(rng, genre) * 60),
      maturity: maturity(rng, genre, false), quality, completion: completionFor(rng, quality, false),
      series: null, season: 0, episode: 0, order: 0,
    };
    items.push(item);
    titles.push({ kind: 'movie', item });
    weights.push(zipf(rank));
  }

  for (let s = 0; s < SERIES_COUNT; s++) {
    const rank = ranks[MOVIE_COUNT + s] as number;
    const number = pad(FIRST_SERIES_NUMBER + s, 4);
    const genre = genres.pick(rng);
    const show: Series = { index: s, id: `s_${number}`, title: inventTitle(usedTitles, () => seriesTitle(rng)), genre, episodes: [] };
    const seasons = new Weighted([1, 2, 3, 4, 5, 6], [30, 25, 18, 12, 9, 6]).pick(rng);
    const lastYear = clamp(endYear - Math.floor(rng.exp(2.5)), 1990, endYear);
    const rating = maturity(rng, genre, true);
    const quality = qualityFor(rng, rank, titleCount);
    const completion = completionFor(rng, quality, true);
    const minutes = episodeMinutes(rng, genre);
    for (let season = 1; season <= seasons; season++) {
      const episodes = rng.int(6, 12);
      for (let episode = 1; episode <= episodes; episode++) {
        const item: ContentItem = {
          index: items.length, id: `e_${number}_${pad(season, 2)}_${pad(episode, 2)}`, kind: 'episode',
          title: episodeTitle(rng, season, episode), genre,
          releaseYear: Math.max(1990, lastYear - seasons + season),
          runtimeSeconds: Math.round(clamp(minutes * rng.range(0.92, 1.08), 20, 60) * 60),
          maturity: rating, quality: clamp(quality + 0.05 * rng.normal(), 0.05, 0.98),
          completion: clamp(completion + 0.05 * rng.normal(), 0.02, 0.95),
          series: show, season, episode, order: show.episodes.length,
        };
        items.push(item);
        show.episodes.push(item);
      }
    }
    series.push(show);
    titles.push({ kind: 'series', series: show });
    weights.push(SERIES_BOOST * zipf(rank));
  }

  const byGenre = new Map<Genre, Weighted<Title>>();
  for (const genre of GENRES) {
    const picks = titles.map((t, i) => ((t.kind === 'movie' ? t.item.genre : t.series.genre) === genre ? (weights[i] as number) : 0));
    if (picks.some((w) => w > 0)) byGenre.set(genre, new Weighted(titles, picks));
  }
  return { items, series, titles: new Weighted(titles, weights), byGenre };
}

/** One `content.jsonl` line; key order as in the contract's examples. */
export function contentLine(item: ContentItem): string {
  const base = {
    content_id: item.id, content_type: item.kind, title: item.title, genre: item.genre,
    release_year: item.releaseYear, runtime_seconds: item.runtimeSeconds, maturity_rating: item.maturity,
  };
  if (!item.series) return JSON.stringify(base);
  return JSON.stringify({
    ...base, series_id: item.series.id, series_title: item.series.title,
    season_number: item.season, episode_number: item.episode,
  });
}
