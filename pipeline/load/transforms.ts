import { rollupDeclarations } from '@/db/schema/rollups';
import { bindNamed, readSqlFolder } from '@/db/sql-files';
import type { SqlRunner } from '@/db/warehouse';

export interface TransformParams {
  load_id: number;
  loaded_at: string;
}

let cached: { file: string; statements: string[] }[] | undefined;

/** LOAD_TIMINGS=1 logs each warehouse step's duration to stderr: where a load's time goes, per statement. */
const timingsOn = process.env.LOAD_TIMINGS === '1';

export async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  if (!timingsOn) return step();
  const started = performance.now();
  try {
    return await step();
  } finally {
    // Resident memory too: on DuckDB the warehouse's memory is the loader's own.
    const rss = Math.round(process.memoryUsage.rss() / 1024 / 1024);
    process.stderr.write(`  [timing] ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s ${String(rss).padStart(6)} MB  ${label}\n`);
  }
}

/** The statement's first line that is not a comment, short enough for a log line. */
function labelOf(file: string, statement: string): string {
  const line = statement.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('--')) ?? '';
  return `${file} ${line.trim().slice(0, 60)}`;
}

/**
 * PostgreSQL keeps no statistics on a fresh temporary table, and a load can grow a table many times over
 * inside its transaction, before autovacuum could notice: either way the next joins would be planned blind
 * (nested loops over millions of rows). Redshift's planner does not need this.
 */
const ANALYZE_AFTER: Record<string, string[]> = {
  '020_upsert_users.sql': ['dim_user'],
  '030_upsert_content.sql': ['dim_content'],
  '045_insert_staged_events.sql': ['stg_player_event'],
  '050_dimension_members.sql': ['dim_user', 'dim_content', 'dim_device'],
  '060_rebuild_sessions.sql': ['fact_viewing_session'],
  // The metrics read the rollups as soon as the load commits, before autovacuum would have looked at them.
  '075_rollups.sql': rollupDeclarations.map((r) => r.name),
  '076_viewer_rollups.sql': ['agg_viewer_day', 'agg_session_length', 'agg_audience_day'],
  '080_ratings.sql': ['fact_content_rating'],
};

/** sql/transforms/, the ELT every load runs: the same statements on Redshift, PostgreSQL and DuckDB. */
export function transformFiles(): { file: string; statements: string[] }[] {
  cached ??= readSqlFolder('transforms');
  return cached;
}

/**
 * Refreshes PostgreSQL's statistics on tables a step just filled or grew (see ANALYZE_AFTER). DuckDB keeps
 * its statistics as it writes, and Redshift's planner does not need this.
 */
export async function analyzeForPostgres(runner: SqlRunner, tables: readonly string[]): Promise<void> {
  if (runner.engine !== 'postgres') return;
  for (const table of tables) await timed(`analyze ${table}`, () => runner.query(`ANALYZE ${table}`, [], { translated: true }));
}

/** Runs the transform files whose names satisfy `select`, in order. */
export async function runTransforms(
  runner: SqlRunner,
  params: TransformParams,
  select: (file: string) => boolean,
): Promise<void> {
  for (const { file, statements } of transformFiles()) {
    if (!select(file)) continue;
    for (const statement of statements) {
      const bound = bindNamed(statement, params as unknown as Record<string, unknown>);
      try {
        await timed(labelOf(file, statement), () => runner.query(bound.text, bound.params));
        const created = /^\s*create\s+temp\s+table\s+(\w+)\s+as\b/i.exec(statement.replace(/^\s*--.*$/gm, ''));
        if (created?.[1]) await analyzeForPostgres(runner, [created[1]]);
      } catch (error) {
        throw new Error(`transform ${file} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    await analyzeForPostgres(runner, ANALYZE_AFTER[file] ?? []);
  }
}
