import { describe, expect, it } from 'vitest';

import { warehouseModel } from '@/db/schema';
import { getMetricLineages, metricLineage } from '@/server/metric-lineage';

import { selectTables, toFlow } from './to-flow';
import { findLineage, toTraceHighlight, traceHref } from './trace';

describe('toTraceHighlight', () => {
  const galaxy = toFlow(selectTables(warehouseModel, false));
  const nodeIds = new Set(galaxy.nodes.map((n) => n.id));
  const edgeIds = new Set(galaxy.edges.map((e) => e.id));

  it('names only nodes and edges the galaxy diagram draws, for every metric', () => {
    for (const lineage of getMetricLineages()) {
      const trace = toTraceHighlight(lineage);
      expect([...trace.tables.keys()].filter((t) => !nodeIds.has(t))).toEqual([]);
      expect([...trace.edges.keys()].filter((e) => !edgeIds.has(e))).toEqual([]);
      expect(trace.edges.size).toBe(lineage.joins.length);
    }
  });

  it('marks peak hours: the calendar and clock joins in, the rating fact out, filter columns apart', () => {
    const trace = toTraceHighlight(metricLineage('peak-hours'));
    expect(trace.edges.get('fk:fact_viewing_session.start_time_of_day_key->dim_time_of_day.time_of_day_key')).toBe('used');
    expect(trace.edges.has('fk:fact_content_rating.rating_date_key->dim_date.date_key')).toBe(false);
    expect(trace.tables.has('fact_content_rating')).toBe(false);
    expect(trace.columns.get('dim_date.day_type')).toBe('used');
    expect(trace.columns.get('dim_user.country')).toBe('filter');
    expect(trace.columns.has('dim_user.age_band')).toBe(false);
  });
});

describe('trace in the URL', () => {
  const lineages = getMetricLineages();

  it('finds the metric the trace parameter names, and nothing for none or an unknown name', () => {
    expect(findLineage(lineages, 'completion')?.question).toBe('Completion rate per movie or episode');
    expect(findLineage(lineages, null)).toBeUndefined();
    expect(findLineage(lineages, 'no-such-metric')).toBeUndefined();
  });

  it('builds /model?trace=<metric>, keeping other parameters and dropping trace when cleared', () => {
    expect(traceHref('/model', '', 'watch-time')).toBe('/model?trace=watch-time');
    expect(traceHref('/model', 'trace=completion&x=1', 'peak-hours')).toBe('/model?trace=peak-hours&x=1');
    expect(traceHref('/model', 'trace=completion', null)).toBe('/model');
  });
});
