'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useOptimistic, useTransition } from 'react';

import { readState, writeState, type DashboardState } from './dashboard-state';

/**
 * The dashboard state read from the URL, and a setter that pushes a history entry per change. The new
 * state shows at once (a ticked box stays ticked, the panels start loading) while the router catches up.
 */
export function useDashboardState(): [DashboardState, (next: DashboardState) => void] {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => readState(new URLSearchParams(search.toString())), [search]);
  const [shown, show] = useOptimistic(state);
  const [, startTransition] = useTransition();
  const setState = useCallback(
    (next: DashboardState) => {
      const query = writeState(next).toString();
      startTransition(() => {
        show(next);
        router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
      });
    },
    [router, pathname, show],
  );
  return [shown, setState];
}
