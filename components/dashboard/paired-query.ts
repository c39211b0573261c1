import type { PanelQuery } from './panel';

/**
 * A panel drawn from two requests (the trend and its comparison series) as one query for `Panel`: loading
 * until both are in for the current settings, in error when either failed. The data shown is the
 * primary's; the companion's is read beside it. Retry asks again only what failed.
 */
export function pairQueries<R, C>(primary: PanelQuery<R>, companion: PanelQuery<C> | null): PanelQuery<R> {
  if (!companion) return primary;
  return {
    data: primary.data,
    error: primary.error ?? companion.error,
    isError: primary.isError || companion.isError,
    isPending: primary.isPending || companion.isPending,
    isFetching: primary.isFetching || companion.isFetching,
    isPlaceholderData: primary.isPlaceholderData || companion.isPlaceholderData,
    refetch: () => {
      if (primary.isError) primary.refetch();
      if (companion.isError) companion.refetch();
    },
  };
}
