'use client';

import { createContext, useContext } from 'react';

import type { TraceHighlight } from './trace';

/** What the canvas currently highlights, columns as `table.column`. */
export interface ErdHighlight {
  /** Join columns of the selected edge. */
  joinColumns: ReadonlySet<string>;
  /** Tables matching the search, or null when there is no search. */
  matchedTables: ReadonlySet<string> | null;
  matchedColumns: ReadonlySet<string>;
  /** The traced metric's tables, columns and joins, or null when no metric is traced. */
  trace: TraceHighlight | null;
}

export const EMPTY_HIGHLIGHT: ErdHighlight = { joinColumns: new Set(), matchedTables: null, matchedColumns: new Set(), trace: null };

export const ErdHighlightContext = createContext<ErdHighlight>(EMPTY_HIGHLIGHT);

export function useErdHighlight(): ErdHighlight {
  return useContext(ErdHighlightContext);
}
