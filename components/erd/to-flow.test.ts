import { describe, expect, it } from 'vitest';

import { warehouseModel } from '@/db/schema';

import { columnHandleId, orientEdges, selectTables, toFlow } from './to-flow';

const galaxy = selectTables(warehouseModel, false);

describe('toFlow', () => {
  it('makes one table node per table, keyed by table name, carrying the table', () => {
    const { nodes } = toFlow(galaxy);
    expect(nodes.map((n) => n.id)).toEqual(galaxy.map((t) => t.name));
    for (const node of nodes) {
      expect(node.type).toBe('table');
      expect(node.data.table.name).toBe(node.id);
    }
  });

  it('makes one edge per foreign key, from the referencing table to the referenced one, at the column rows', () => {
    const { edges } = toFlow(galaxy);
    expect(edges).toHaveLength(10);
    const edge = edges.find((e) => e.id === 'fk:fact_viewing_session.start_date_key->dim_date.date_key');
    expect(edge).toMatchObject({
      source: 'fact_viewing_session',
      target: 'dim_date',
      sourceHandle: columnHandleId('start_date_key', 'right', 'source'),
      targetHandle: columnHandleId('date_key', 'left', 'target'),
      data: { cardinality: 'many-to-one', sourceColumns: ['start_date_key'], targetColumns: ['date_key'] },
    });
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });

  it('shows only facts and dimensions by default, and everything with the plumbing', () => {
    expect(galaxy.map((t) => t.kind).every((k) => k === 'fact' || k === 'dimension')).toBe(true);
    expect(galaxy).toHaveLength(7);
    const all = toFlow(selectTables(warehouseModel, true));
    expect(all.nodes).toHaveLength(warehouseModel.length);
    expect(all.edges.map((e) => e.id)).toContain('fk:etl_reject.load_id->etl_load.load_id');
  });

  it('drops edges whose referenced table is hidden', () => {
    const factsOnly = warehouseModel.filter((t) => t.kind === 'fact');
    expect(toFlow(factsOnly).edges).toEqual([]);
  });
});

describe('orientEdges', () => {
  it('attaches edges on the sides that face each other', () => {
    const { edges } = toFlow(galaxy);
    const edge = edges.find((e) => e.target === 'dim_user' && e.source === 'fact_viewing_session');
    if (!edge) throw new Error('missing edge');
    const boxes = new Map([
      ['fact_viewing_session', { x: 500, y: 0, width: 300 }],
      ['dim_user', { x: 0, y: 0, width: 300 }],
    ]);
    const [oriented] = orientEdges([edge], boxes);
    expect(oriented?.sourceHandle).toBe(columnHandleId('user_key', 'left', 'source'));
    expect(oriented?.targetHandle).toBe(columnHandleId('user_key', 'right', 'target'));
  });
});
