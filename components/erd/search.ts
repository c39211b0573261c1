import type { TableModel } from '@/db/schema/model-types';

export interface SearchMatches {
  tables: Set<string>;
  /** Matching columns as `table.column`. */
  columns: Set<string>;
}

/** Tables whose name, or one of whose columns' names, contains the query (case-insensitive). Null for an empty query. */
export function searchTables(tables: readonly TableModel[], query: string): SearchMatches | null {
  const needle = query.trim().toLowerCase();
  if (!needle) return null;
  const matches: SearchMatches = { tables: new Set(), columns: new Set() };
  for (const table of tables) {
    const columns = table.columns.filter((c) => c.name.toLowerCase().includes(needle));
    for (const column of columns) matches.columns.add(`${table.name}.${column.name}`);
    if (columns.length > 0 || table.name.toLowerCase().includes(needle)) matches.tables.add(table.name);
  }
  return matches;
}
