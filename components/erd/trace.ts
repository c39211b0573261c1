import type { LineageRole, MetricLineage } from '@/server/metric-lineage-types';

import { foreignKeyEdgeId } from './to-flow';

/** A traced metric as the canvas highlights it: tables by name, columns as `table.column`, joins by edge id. */
export interface TraceHighlight {
  metric: string;
  question: string;
  tables: ReadonlyMap<string, LineageRole>;
  columns: ReadonlyMap<string, LineageRole>;
  edges: ReadonlyMap<string, LineageRole>;
}

export function toTraceHighlight(lineage: MetricLineage): TraceHighlight {
  return {
    metric: lineage.metric,
    question: lineage.question,
    tables: new Map(lineage.tables.map((t) => [t.table, t.role])),
    columns: new Map(lineage.columns.map((c) => [`${c.table}.${c.column}`, c.role])),
    edges: new Map(lineage.joins.map((j) => [foreignKeyEdgeId(j.table, j), j.role])),
  };
}

/** The lineage the `trace` URL parameter names, or undefined for none or an unknown name. */
export function findLineage(lineages: readonly MetricLineage[], trace: string | null): MetricLineage | undefined {
  return trace ? lineages.find((l) => l.metric === trace) : undefined;
}

/** `/model?trace=<metric>`: the URL every dashboard panel links to. Other parameters are kept. */
export function traceHref(pathname: string, search: string, metric: string | null): string {
  const params = new URLSearchParams(search);
  if (metric) params.set('trace', metric);
  else params.delete('trace');
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
