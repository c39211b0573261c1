import 'server-only';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SQL_DIR } from '@/db/sql-files';

export interface SqlSource {
  /** Path under the project, as committed. */
  path: string;
  /** The file's opening comment: what it does and why, in the words of whoever wrote the SQL. */
  summary: string;
  text: string;
}

export interface EtlStage {
  id: string;
  title: string;
  /** The step in a sentence or two; the files' own comments say the rest. */
  lede: string;
  files: SqlSource[];
}

/**
 * The stages of the story, in the order a load runs them. Transforms are numbered; each stage owns a range
 * of numbers, so a transform added later appears in its stage without editing this list.
 */
const STAGES: { id: string; title: string; lede: string; streaming?: boolean; transforms: [number, number] }[] = [
  {
    id: 'ingest',
    title: 'Streaming ingestion from Kinesis',
    lede: 'On Redshift the player’s events arrive through streaming ingestion: an external schema over the Kinesis stream and an auto-refreshing materialized view that lands each record seconds after it was sent. A scheduled micro-batch reads the newest records, rejects what the contract refuses and fills the same batch tables a file load fills, so everything after this step is shared. Locally, the loader reads JSON Lines files instead.',
    streaming: true,
    transforms: [10, 20],
  },
  {
    id: 'dimensions',
    title: 'Dimension records',
    lede: 'Users and catalog items are upserted before the facts that need them: the newest record wins, and an inferred member is completed in place, keeping its key.',
    transforms: [20, 40],
  },
  {
    id: 'stage',
    title: 'Staging and deduplication',
    lede: 'The stream delivers at least once. An event_id is staged once, however often and however late it comes: stg_player_event keeps every valid event ever received, the raw material every session is rebuilt from.',
    transforms: [40, 50],
  },
  {
    id: 'members',
    title: 'A dimension row for every key',
    lede: 'Every user, item and device profile an event names gets a row, an inferred member if its record has not arrived yet, so no fact is ever dropped for a missing dimension.',
    transforms: [50, 60],
  },
  {
    id: 'sessionize',
    title: 'Sessionization into the accumulating snapshot',
    lede: 'Every session the load brought events for is rebuilt from all of its staged events, old and new, in event order: one pass of window functions gives each event its playback state and the time to the next one, and one aggregate per session gives the row. The old row is deleted and the new one inserted in the same transaction: the effect of a MERGE (update when matched, insert when not), as two plain statements that run unchanged on Redshift, PostgreSQL and DuckDB. Rebuilding instead of patching is what makes a late or out-of-order event give the same row as an orderly stream.',
    transforms: [60, 70],
  },
  {
    id: 'late',
    title: 'The snapshot’s later updates',
    lede: 'A row of the accumulating snapshot is updated in place when a dimension record arrives after its facts: an inferred user’s sessions are re-dated in their real time zone, and completion is judged again once an item’s runtime is known. Then the dashboards’ rollups are summed again, from the fact, for every local date on which the load changed a session or what it is grouped by, so they stay exact.',
    transforms: [70, 80],
  },
  {
    id: 'ratings',
    title: 'Ratings',
    lede: 'A rating is an instant with nothing to accumulate: each new rate event becomes one row of the transactional fact, dated in the rater’s time zone.',
    transforms: [80, 90],
  },
  {
    id: 'cleanup',
    title: 'End of the load',
    lede: 'The batch tables go with the transaction that filled them; the load commits as a whole or not at all.',
    transforms: [90, 100],
  },
];

/** The leading `--` comment block of a SQL file, as prose. */
export function leadingComment(sql: string): string {
  const lines: string[] = [];
  for (const line of sql.split('\n')) {
    const m = /^--\s?(.*)$/.exec(line.trim());
    if (!m) break;
    lines.push(m[1] ?? '');
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

function readSource(relative: string): SqlSource {
  const text = readFileSync(join(SQL_DIR, relative), 'utf8');
  return { path: `sql/${relative}`, summary: leadingComment(text), text };
}

function listSql(dir: string): string[] {
  return readdirSync(join(SQL_DIR, dir))
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => `${dir}/${name}`);
}

const fileNumber = (path: string) => Number(/\/(\d+)_[^/]*$/.exec(path)?.[1] ?? Number.NaN);

/** The ETL stages with their SQL, read from sql/ as committed. */
export function getEtlStages(): EtlStage[] {
  const transforms = listSql('transforms');
  return STAGES.map(({ streaming, transforms: [from, to], ...stage }) => ({
    ...stage,
    files: [...(streaming ? listSql('redshift/streaming') : []), ...transforms.filter((p) => fileNumber(p) >= from && fileNumber(p) < to)].map(readSource),
  }));
}

/** Every SQL file a load can run: the Redshift streaming scripts and the transforms. */
export function listEtlSqlFiles(): string[] {
  return [...listSql('redshift/streaming'), ...listSql('transforms')];
}
