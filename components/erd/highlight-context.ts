'use client';

import { createContext, useContext } from 'react';

/** What the canvas currently highlights: join columns of the selected edge and search matches, as `table.column`. */
export interface ErdHighlight {
  joinColumns: ReadonlySet<string>;
  /** Tables matching the search, or null when there is no search. */
  matchedTables: ReadonlySet<string> | null;
  matchedColumns: ReadonlySet<string>;
}

export const EMPTY_HIGHLIGHT: ErdHighlight = { joinColumns: new Set(), matchedTables: null, matchedColumns: new Set() };

export const ErdHighlightContext = createContext<ErdHighlight>(EMPTY_HIGHLIGHT);

export function useErdHighlight(): ErdHighlight {
  return useContext(ErdHighlightContext);
}
