import { describe, expect, it } from 'vitest';

import { warehouseModel } from '@/db/schema';
import type { ColumnModel, TableModel } from '@/db/schema/model-types';

import { layoutTables, type ErdLayout } from './layout';
import { selectTables } from './to-flow';

function overlaps(layout: ErdLayout): string[] {
  const entries = Object.entries(layout);
  const clashes: string[] = [];
  entries.forEach(([a, p], i) => {
    for (const [b, q] of entries.slice(i + 1)) {
      if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height) clashes.push(`${a}/${b}`);
    }
  });
  return clashes;
}

function column(name: string): ColumnModel {
  return { name, redshiftType: 'INTEGER', postgresType: 'integer', nullable: false, primaryKey: false, identity: false, isDistKey: false, description: name, encode: 'AZ64' };
}

/** 10 facts, 50 dimensions: each fact references 5 of them. */
function syntheticSchema(): TableModel[] {
  const dimensions: TableModel[] = Array.from({ length: 50 }, (_, i) => ({
    name: `dim_${i}`,
    kind: 'dimension',
    description: '',
    grain: '',
    distribution: { style: 'ALL', why: '' },
    columns: [column(`dim_${i}_key`), ...Array.from({ length: (i % 7) + 1 }, (_, c) => column(`attr_${c}`))],
    primaryKey: [`dim_${i}_key`],
    foreignKeys: [],
  }));
  const facts: TableModel[] = Array.from({ length: 10 }, (_, f) => {
    const refs = Array.from({ length: 5 }, (_, r) => (f * 5 + r * 7) % 50);
    return {
      name: `fact_${f}`,
      kind: 'fact',
      description: '',
      grain: '',
      distribution: { style: 'EVEN', why: '' },
      columns: refs.map((r) => column(`dim_${r}_key`)),
      primaryKey: [],
      foreignKeys: refs.map((r) => ({ columns: [`dim_${r}_key`], references: { table: `dim_${r}`, columns: [`dim_${r}_key`] }, cardinality: 'many-to-one' as const })),
    };
  });
  return [...dimensions, ...facts];
}

describe('layoutTables', () => {
  it('places every galaxy table without overlap', async () => {
    const tables = selectTables(warehouseModel, false);
    const layout = await layoutTables(tables);
    expect(Object.keys(layout).sort()).toEqual(tables.map((t) => t.name).sort());
    expect(overlaps(layout)).toEqual([]);
  });

  it('puts the facts in the middle band, with dimensions on both sides', async () => {
    const tables = selectTables(warehouseModel, false);
    const layout = await layoutTables(tables);
    const xs = (kind: string) => tables.filter((t) => t.kind === kind).map((t) => layout[t.name]?.x ?? Number.NaN);
    const dims = xs('dimension');
    const facts = xs('fact');
    expect(facts).toHaveLength(2);
    expect(new Set(facts).size).toBe(1);
    for (const x of facts) {
      expect(x).toBeGreaterThan(Math.min(...dims));
      expect(x).toBeLessThan(Math.max(...dims));
    }
  });

  it('is deterministic, with and without the plumbing tables', async () => {
    for (const includePlumbing of [false, true]) {
      const tables = selectTables(warehouseModel, includePlumbing);
      expect(await layoutTables(tables)).toEqual(await layoutTables(tables));
    }
    expect(overlaps(await layoutTables(warehouseModel))).toEqual([]);
  });

  it('lays out a 60-table schema quickly and without overlap', async () => {
    const started = performance.now();
    const layout = await layoutTables(syntheticSchema());
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(Object.keys(layout)).toHaveLength(60);
    expect(overlaps(layout)).toEqual([]);
  });
});
