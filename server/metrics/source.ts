import { rollupDeclarations, type GrainColumn, type RollupDeclaration, type RollupMeasure } from '@/db/schema/rollups';

import { FILTER_NAMES, type FilterName, type Filters } from './params';

/**
 * Where a metric reads its sessions: `auto` takes the smallest rollup that answers the request exactly and
 * the fact table when none does; `fact` always reads fact_viewing_session (the equivalence tests and the
 * benchmark's baseline). Set in code only: the HTTP API has no such parameter.
 */
export type MetricSource = 'auto' | 'fact';

export interface QueryOptions {
  source?: MetricSource;
}

/** What a request needs from a rollup: the metric's grouping and measures, and every filter it was given. */
export interface RollupNeed {
  groupBy: readonly GrainColumn[];
  measures: readonly RollupMeasure[];
  filters: readonly FilterName[];
}

/** Attributes of content_key: a rollup that keeps the item answers them through a join to dim_content. */
const CONTENT_ATTRIBUTES: readonly string[] = ['genre', 'content_type', 'title_id', 'season_number'];

/** How a rollup gives a column: as its own column, through dim_content, or not at all. */
export function columnAccess(grain: readonly GrainColumn[], column: GrainColumn | FilterName): 'own' | 'content' | undefined {
  if ((grain as readonly string[]).includes(column)) return 'own';
  if (CONTENT_ATTRIBUTES.includes(column) && grain.includes('content_key')) return 'content';
  return undefined;
}

/**
 * The first declared rollup (they are listed smallest first) that holds the measures and gives every
 * grouping and filter column; undefined when none does, and the metric reads the fact. Pure.
 */
export function chooseRollup(need: RollupNeed, candidates: readonly RollupDeclaration[] = rollupDeclarations): RollupDeclaration | undefined {
  return candidates.find(
    (rollup) =>
      need.measures.every((m) => rollup.measures.includes(m)) &&
      [...need.groupBy, ...need.filters].every((c) => columnAccess(rollup.grain, c) !== undefined),
  );
}

/** The filters a request restricts by (a filter with no value restricts nothing), in their fixed order. */
export function givenFilters(filters: Filters): FilterName[] {
  return FILTER_NAMES.filter((name) => (filters[name]?.length ?? 0) > 0);
}

/** The rollup for a request, or undefined for the fact table. */
export function rollupFor(need: Omit<RollupNeed, 'filters'>, filters: Filters, options: QueryOptions = {}): RollupDeclaration | undefined {
  if (options.source === 'fact') return undefined;
  return chooseRollup({ ...need, filters: givenFilters(filters) });
}
