/**
 * The conceptual model: the business entities a product person talks about, how they relate, and
 * which physical tables and columns implement each of them. The /model/conceptual page is generated
 * from it, and a test checks every table and column named here against the schema.
 */

export type ConceptId = 'user' | 'device' | 'content' | 'movie' | 'series' | 'season' | 'episode' | 'viewing-session' | 'rating';

export interface ColumnsRef {
  table: string;
  columns: readonly string[];
}

export interface ConceptEntity {
  id: ConceptId;
  name: string;
  description: string;
  /** Every instance is also one of these (a Movie is a Content). */
  subtypeOf?: ConceptId;
  implementedBy: readonly (ColumnsRef & { note?: string })[];
}

/** How many instances of an end take part for one instance of the other end. */
export type Multiplicity = '1' | '0..1' | '1..N' | '0..N';

export interface ConceptRelationship {
  from: ConceptId;
  to: ConceptId;
  /** Reads from → to: "User starts Viewing Session". */
  verb: string;
  /** Reads to → from: "Viewing Session is started by User". */
  inverse: string;
  /** Instances of `from` per `to`, and of `to` per `from`. */
  multiplicity: { from: Multiplicity; to: Multiplicity };
  /** The columns that carry the relationship; `references` when a declared foreign key does. */
  implementedBy: ColumnsRef & { references?: ColumnsRef };
}

export const conceptEntities: readonly ConceptEntity[] = [
  {
    id: 'user',
    name: 'User',
    description: 'A subscriber, with the country, plan and time zone their viewing is dated in.',
    implementedBy: [{ table: 'dim_user', columns: ['user_id', 'signup_date', 'country', 'time_zone', 'age_band', 'subscription_plan'] }],
  },
  {
    id: 'device',
    name: 'Device',
    description: 'The device profile the player reported: type, operating system and app version.',
    implementedBy: [{ table: 'dim_device', columns: ['device_id', 'device_type', 'os', 'app_version'] }],
  },
  {
    id: 'content',
    name: 'Content',
    description: 'Something playable: a movie or an episode, with its genre and running time.',
    implementedBy: [{ table: 'dim_content', columns: ['content_id', 'content_type', 'title', 'genre', 'release_year', 'runtime_seconds', 'maturity_rating'] }],
  },
  {
    id: 'movie',
    name: 'Movie',
    subtypeOf: 'content',
    description: 'A stand-alone title: it is its own title for rating analysis.',
    implementedBy: [{ table: 'dim_content', columns: ['content_type', 'title_id'], note: "rows with content_type 'movie'; title_id = content_id" }],
  },
  {
    id: 'series',
    name: 'Series',
    description: 'A show made of seasons; episode ratings roll up to it.',
    implementedBy: [{ table: 'dim_content', columns: ['series_id', 'series_title', 'title_id', 'title_name'], note: 'flattened into each episode row' }],
  },
  {
    id: 'season',
    name: 'Season',
    description: 'A numbered season of one series.',
    implementedBy: [{ table: 'dim_content', columns: ['series_id', 'season_number'], note: 'flattened into each episode row' }],
  },
  {
    id: 'episode',
    name: 'Episode',
    subtypeOf: 'content',
    description: 'A numbered episode of one season.',
    implementedBy: [{ table: 'dim_content', columns: ['content_type', 'episode_number'], note: "rows with content_type 'episode'" }],
  },
  {
    id: 'viewing-session',
    name: 'Viewing Session',
    description: 'One playback, from the first play to the first stop: how long it lasted, how much was watched, whether it reached the credits.',
    implementedBy: [
      { table: 'fact_viewing_session', columns: ['session_id', 'session_start_ts', 'session_end_ts', 'session_length_seconds', 'watch_seconds', 'is_completed'] },
      { table: 'stg_player_event', columns: ['session_id', 'event_type', 'event_ts', 'position_seconds'], note: 'the play, pause, seek and stop events it is built from' },
    ],
  },
  {
    id: 'rating',
    name: 'Rating',
    description: 'One to five stars a user gives a movie or an episode; every rating counts.',
    implementedBy: [{ table: 'fact_content_rating', columns: ['rating_event_id', 'rating', 'rated_at'] }],
  },
];

const fk = (table: string, column: string, references: string, referenced: string) => ({
  table,
  columns: [column],
  references: { table: references, columns: [referenced] },
});

export const conceptRelationships: readonly ConceptRelationship[] = [
  { from: 'user', to: 'viewing-session', verb: 'starts', inverse: 'is started by', multiplicity: { from: '1', to: '0..N' }, implementedBy: fk('fact_viewing_session', 'user_key', 'dim_user', 'user_key') },
  { from: 'content', to: 'viewing-session', verb: 'is watched in', inverse: 'plays', multiplicity: { from: '1', to: '0..N' }, implementedBy: fk('fact_viewing_session', 'content_key', 'dim_content', 'content_key') },
  { from: 'device', to: 'viewing-session', verb: 'plays', inverse: 'is played on', multiplicity: { from: '1', to: '0..N' }, implementedBy: fk('fact_viewing_session', 'device_key', 'dim_device', 'device_key') },
  { from: 'user', to: 'rating', verb: 'gives', inverse: 'is given by', multiplicity: { from: '1', to: '0..N' }, implementedBy: fk('fact_content_rating', 'user_key', 'dim_user', 'user_key') },
  { from: 'content', to: 'rating', verb: 'receives', inverse: 'is about', multiplicity: { from: '1', to: '0..N' }, implementedBy: fk('fact_content_rating', 'content_key', 'dim_content', 'content_key') },
  { from: 'device', to: 'rating', verb: 'sends', inverse: 'is sent from', multiplicity: { from: '1', to: '0..N' }, implementedBy: fk('fact_content_rating', 'device_key', 'dim_device', 'device_key') },
  // The player may send a rating outside any session, so the session end is optional.
  { from: 'viewing-session', to: 'rating', verb: 'may include', inverse: 'may be given during', multiplicity: { from: '0..1', to: '0..N' }, implementedBy: { table: 'fact_content_rating', columns: ['session_id'] } },
  { from: 'series', to: 'season', verb: 'has', inverse: 'belongs to', multiplicity: { from: '1', to: '1..N' }, implementedBy: { table: 'dim_content', columns: ['series_id', 'season_number'] } },
  { from: 'season', to: 'episode', verb: 'has', inverse: 'belongs to', multiplicity: { from: '1', to: '1..N' }, implementedBy: { table: 'dim_content', columns: ['season_number', 'episode_number'] } },
];

const MULTIPLICITY_WORDS: Record<Multiplicity, string> = { '1': 'exactly one', '0..1': 'at most one', '1..N': 'one or more', '0..N': 'zero or more' };

/** "A User starts zero or more Viewing Sessions." and its inverse, for the text list. */
export function describeRelationship(r: ConceptRelationship, name: (id: ConceptId) => string): [string, string] {
  const plural = (words: string, id: ConceptId) => `${name(id)}${words === 'exactly one' || words === 'at most one' ? '' : 's'}`;
  const toWords = MULTIPLICITY_WORDS[r.multiplicity.to];
  const fromWords = MULTIPLICITY_WORDS[r.multiplicity.from];
  return [`A ${name(r.from)} ${r.verb} ${toWords} ${plural(toWords, r.to)}.`, `A ${name(r.to)} ${r.inverse} ${fromWords} ${plural(fromWords, r.from)}.`];
}
