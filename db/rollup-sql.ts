import type { GrainColumn, RollupDeclaration, RollupMeasure } from './schema/rollups';

/** Each grain column as the fact and its dimensions give it (aliases fixed here, never from a request). */
const GRAIN_SOURCE: Record<GrainColumn, { expression: string; join?: 'time' | 'content' | 'device' | 'user' }> = {
  start_date_key: { expression: 'f.start_date_key' },
  hour_of_day: { expression: 't.hour_of_day', join: 'time' },
  content_key: { expression: 'f.content_key' },
  genre: { expression: 'c.genre', join: 'content' },
  content_type: { expression: 'c.content_type', join: 'content' },
  device_type: { expression: 'd.device_type', join: 'device' },
  subscription_plan: { expression: 'u.subscription_plan', join: 'user' },
  country: { expression: 'u.country', join: 'user' },
};

const JOINS = {
  time: 'JOIN dim_time_of_day AS t ON t.time_of_day_key = f.start_time_of_day_key',
  content: 'JOIN dim_content AS c ON c.content_key = f.content_key',
  device: 'JOIN dim_device AS d ON d.device_key = f.device_key',
  user: 'JOIN dim_user AS u ON u.user_key = f.user_key',
} as const;

export const MEASURE_FROM_FACT: Record<RollupMeasure, string> = {
  sessions: 'COUNT(*)',
  watch_seconds: 'SUM(f.watch_seconds)',
  completed_sessions: 'SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END)',
};

/** The rollup's columns in table order: the grain, then the measures. */
export function rollupColumns(rollup: RollupDeclaration): string[] {
  return [...rollup.grain, ...rollup.measures];
}

/**
 * The rollup's rows computed from fact_viewing_session (the definition every copy must equal), optionally
 * restricted by a condition on the fact (alias f). Used to fill the tables when they are created and by
 * the tests that check the ELT's incremental maintenance against it.
 */
export function rollupFromFactSelect(rollup: RollupDeclaration, where?: string): string {
  const grain = rollup.grain.map((c) => GRAIN_SOURCE[c]);
  const joins = (Object.keys(JOINS) as (keyof typeof JOINS)[]).filter((j) => grain.some((g) => g.join === j)).map((j) => JOINS[j]);
  return [
    `SELECT ${[...rollup.grain.map((c) => `${GRAIN_SOURCE[c].expression} AS ${c}`), ...rollup.measures.map((m) => `${MEASURE_FROM_FACT[m]} AS ${m}`)].join(', ')}`,
    'FROM fact_viewing_session AS f',
    ...joins,
    ...(where ? [`WHERE ${where}`] : []),
    `GROUP BY ${grain.map((g) => g.expression).join(', ')}`,
  ].join('\n');
}

/** INSERT of the rollup's rows from the fact. */
export function rollupFillStatement(rollup: RollupDeclaration): string {
  return `INSERT INTO ${rollup.name} (${rollupColumns(rollup).join(', ')})\n${rollupFromFactSelect(rollup)}`;
}
