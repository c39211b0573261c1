import { normalizeSlice, SESSION_FILTER_ATTRIBUTES, type SliceAttribute } from '@/db/schema/viewer-rollups';

import { rollupConditions, type Binds } from './filters';
import type { FilterName, Filters } from './params';

/** The filters agg_viewer_day and agg_session_length answer from their own columns; genre and type are dim_content's. */
const OWN_COLUMNS: readonly FilterName[] = ['device_type', 'subscription_plan', 'country'];

/**
 * The slice in which agg_viewer_day's previous dates count a request's viewers per `key`, or undefined
 * when the viewers must be counted as (key, user) groups. A viewer belongs to one plan and one country, so
 * those filters take any values; a filter on a session's genre, type or device with several values would
 * let one viewer be first in several slices, so only a single value joins the slice. Pure.
 */
export function viewerSlice(key: SliceAttribute, filters: Filters): SliceAttribute[] | undefined {
  // A title or season filter drops rows inside a slice, one of which may be a viewer's first: only the
  // title's own slice is whole under a title filter, and no slice is whole under a season filter.
  if ((filters.season_number?.length ?? 0) > 0) return undefined;
  if ((filters.title_id?.length ?? 0) > 0 && key !== 'title_id') return undefined;
  const restricted: SliceAttribute[] = [];
  for (const attribute of SESSION_FILTER_ATTRIBUTES) {
    const values = filters[attribute]?.length ?? 0;
    if (values > 1) return undefined;
    if (values === 1) restricted.push(attribute);
  }
  return normalizeSlice([key, ...restricted]);
}

/** The filter conditions on agg_viewer_day or agg_session_length (alias a): see rollupConditions. */
export function viewerRollupConditions(filters: Filters, binds: Binds): string[] {
  return rollupConditions(filters, binds, OWN_COLUMNS);
}

/** Whole milliseconds summed as integers, back to seconds as an exact DECIMAL with three places. */
export const secondsFromMilliseconds = (sum: string) => `${sum} * 0.001`;
