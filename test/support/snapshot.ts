import type { SqlRunner } from '@/db/warehouse';

/**
 * The warehouse's content by natural keys: surrogate keys and audit columns (load ids, updated_at) name
 * the same things differently from one load history to another, so they are left out.
 */
export async function warehouseSnapshot(warehouse: SqlRunner) {
  const sessions = await warehouse.query(
    `SELECT f.session_id, u.user_id, c.content_id, d.device_id, d.app_version, f.start_date_key, f.start_time_of_day_key,
            f.session_status, f.session_start_ts, f.last_event_ts, f.stop_ts, f.session_end_ts, f.local_start_ts,
            f.session_length_seconds, f.watch_seconds, f.start_position_seconds, f.max_position_seconds, f.is_completed,
            f.pause_count, f.seek_count, f.event_count, f.events_after_stop
     FROM fact_viewing_session AS f
     INNER JOIN dim_user AS u ON u.user_key = f.user_key
     INNER JOIN dim_content AS c ON c.content_key = f.content_key
     INNER JOIN dim_device AS d ON d.device_key = f.device_key
     ORDER BY f.session_id`,
  );
  const ratings = await warehouse.query(
    `SELECT r.rating_event_id, u.user_id, c.content_id, d.device_id, r.rating_date_key, r.rating_time_of_day_key,
            r.session_id, r.rated_at, r.local_rated_at, r.rating
     FROM fact_content_rating AS r
     INNER JOIN dim_user AS u ON u.user_key = r.user_key
     INNER JOIN dim_content AS c ON c.content_key = r.content_key
     INNER JOIN dim_device AS d ON d.device_key = r.device_key
     ORDER BY r.rating_event_id`,
  );
  const users = await warehouse.query(
    'SELECT user_id, signup_date, country, time_zone, age_band, subscription_plan, is_inferred FROM dim_user ORDER BY user_id',
  );
  const content = await warehouse.query(
    `SELECT content_id, content_type, title, genre, release_year, runtime_seconds, maturity_rating, series_id, series_title,
            season_number, episode_number, title_id, title_name, is_inferred
     FROM dim_content ORDER BY content_id`,
  );
  const devices = await warehouse.query('SELECT device_id, device_type, os, app_version FROM dim_device ORDER BY device_id, device_type, os, app_version');
  const events = await warehouse.query(
    `SELECT event_id, event_type, event_ts, event_epoch_ms, user_id, session_id, content_id, device_id, position_seconds, rating
     FROM stg_player_event ORDER BY event_id`,
  );
  return { sessions, ratings, users, content, devices, events, rollups: await rollupSnapshot(warehouse) };
}

/**
 * Every rollup's rows, ordered, with content_key named by its content_id (surrogate keys differ from one
 * load history to another).
 */
export async function rollupSnapshot(warehouse: SqlRunner, table = (name: string) => name): Promise<Record<string, Record<string, unknown>[]>> {
  const { rollupDeclarations } = await import('@/db/schema/rollups');
  const rollups: Record<string, Record<string, unknown>[]> = {};
  for (const rollup of rollupDeclarations) {
    const grain = rollup.grain.map((c) => (c === 'content_key' ? 'c.content_id' : `r.${c}`));
    const measures = rollup.measures.map((m) => `r.${m}`);
    const join = (rollup.grain as readonly string[]).includes('content_key') ? ' INNER JOIN dim_content AS c ON c.content_key = r.content_key' : '';
    rollups[rollup.name] = await warehouse.query(
      `SELECT ${[...grain, ...measures].join(', ')} FROM ${table(rollup.name)} AS r${join} ORDER BY ${grain.join(', ')}`,
    );
  }
  // The viewer rollups, with the viewer named by user_id as well; agg_session_length has no key, so every column orders it.
  const { AUDIENCE_DAY_COLUMNS, VIEWER_DAY_COLUMNS, SESSION_LENGTH_COLUMNS } = await import('@/db/viewer-rollup-sql');
  const named = (columns: readonly string[]) =>
    columns.map((c) => (c === 'content_key' ? 'c.content_id' : c === 'user_key' ? 'u.user_id' : `r.${c}`)).join(', ');
  const viewerKey = named(VIEWER_DAY_COLUMNS.slice(0, 4));
  rollups.agg_viewer_day = await warehouse.query(
    `SELECT ${named(VIEWER_DAY_COLUMNS)} FROM ${table('agg_viewer_day')} AS r INNER JOIN dim_content AS c ON c.content_key = r.content_key INNER JOIN dim_user AS u ON u.user_key = r.user_key ORDER BY ${viewerKey}`,
  );
  rollups.agg_audience_day = await warehouse.query(
    `SELECT ${named(AUDIENCE_DAY_COLUMNS)} FROM ${table('agg_audience_day')} AS r INNER JOIN dim_user AS u ON u.user_key = r.user_key ORDER BY ${named(AUDIENCE_DAY_COLUMNS.slice(0, 5))}`,
  );
  rollups.agg_session_length = await warehouse.query(
    `SELECT ${named(SESSION_LENGTH_COLUMNS)} FROM ${table('agg_session_length')} AS r INNER JOIN dim_content AS c ON c.content_key = r.content_key ORDER BY ${named(SESSION_LENGTH_COLUMNS)}`,
  );
  return rollups;
}

/** Rows whose foreign keys point nowhere, per constraint: the keys are informational, the ELT keeps them. */
export async function orphanedForeignKeys(warehouse: SqlRunner): Promise<Record<string, number>> {
  const { warehouseModel } = await import('@/db/schema');
  const orphans: Record<string, number> = {};
  for (const table of warehouseModel) {
    for (const fk of table.foreignKeys) {
      const on = fk.columns.map((c, i) => `ref.${fk.references.columns[i]} = t.${c}`).join(' AND ');
      const [row] = await warehouse.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM ${table.name} AS t LEFT JOIN ${fk.references.table} AS ref ON ${on} WHERE ref.${fk.references.columns[0]} IS NULL`,
      );
      orphans[`${table.name}(${fk.columns.join(', ')})`] = row?.n ?? -1;
    }
  }
  return orphans;
}
