import { describe, expect, it } from 'vitest';

import { warehouseModel } from '@/db/schema';
import type { TableModel } from '@/db/schema/model-types';

import { layoutTables, type ErdLayout } from './layout';
import { syntheticSchema } from './synthetic-schema';
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

  it('lays out a 60-table schema without overlap, the facts in one band between the dimensions', async () => {
    const tables = syntheticSchema();
    expect(tables).toHaveLength(60);
    const layout = await layoutTables(tables);
    expect(Object.keys(layout).sort()).toEqual(tables.map((t) => t.name).sort());
    expect(overlaps(layout)).toEqual([]);
    expectFactsInMiddleBand(tables, layout);
    expect(await layoutTables(tables)).toEqual(layout);
  });

  it('gives a large galaxy the proportions of a screen, not one long column', async () => {
    const layout = await layoutTables(syntheticSchema());
    const boxes = Object.values(layout);
    const width = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
    const height = Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y));
    expect(width / height).toBeGreaterThan(0.6);
    expect(width / height).toBeLessThan(2.5);
    // More than one layer of dimensions on each side of the facts.
    expect(new Set(boxes.map((b) => b.x)).size).toBeGreaterThan(3);
  });

  it('keeps the real galaxy in one layer of dimensions each side', async () => {
    const tables = selectTables(warehouseModel, false);
    const layout = await layoutTables(tables);
    expect(new Set(Object.values(layout).map((b) => b.x)).size).toBe(3);
  });

  it('keeps the real galaxy in the middle band as well', async () => {
    const tables = selectTables(warehouseModel, false);
    expectFactsInMiddleBand(tables, await layoutTables(tables));
  });
});

/** Every fact lies strictly right of the left-hand dimensions and left of the right-hand ones, and both sides are used. */
function expectFactsInMiddleBand(tables: readonly TableModel[], layout: ErdLayout) {
  const box = (name: string) => {
    const b = layout[name];
    if (!b) throw new Error(`no position for ${name}`);
    return b;
  };
  const facts = tables.filter((t) => t.kind === 'fact').map((t) => box(t.name));
  const bandLeft = Math.min(...facts.map((b) => b.x));
  const bandRight = Math.max(...facts.map((b) => b.x + b.width));
  const dims = tables.filter((t) => t.kind === 'dimension').map((t) => box(t.name));
  const left = dims.filter((b) => b.x + b.width <= bandLeft);
  const right = dims.filter((b) => b.x >= bandRight);
  expect(left.length + right.length).toBe(dims.length);
  expect(left.length).toBeGreaterThan(0);
  expect(right.length).toBeGreaterThan(0);
}
