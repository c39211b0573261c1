import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';

import type { TableModel } from '@/db/schema/model-types';

/** Node geometry shared with table-node.tsx and erd.module.css, so estimated sizes match the rendered ones. */
export const NODE_WIDTH = 420;
export const HEADER_HEIGHT = 58;
export const ROW_HEIGHT = 22;
export const NODE_PADDING_BOTTOM = 6;

export interface LayoutBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ErdLayout = Record<string, LayoutBox>;

export function estimateNodeHeight(table: TableModel): number {
  return HEADER_HEIGHT + table.columns.length * ROW_HEIGHT + NODE_PADDING_BOTTOM;
}

/** Gaps ELK leaves between nodes in a layer and between layers, shared with LAYOUT_OPTIONS. */
const NODE_GAP = 40;
const LAYER_GAP = 140;
/**
 * The tallest a layer of dimensions grows before a side takes another layer, unless the facts are taller:
 * a large galaxy then keeps the proportions of a screen instead of becoming one long column.
 */
const MIN_BAND_HEIGHT = 1600;

const stackHeight = (tables: readonly TableModel[]) => tables.reduce((sum, t) => sum + estimateNodeHeight(t) + NODE_GAP, 0);

/** Splits a side's dimensions into `layers` layers of similar height, the most shared ones nearest the facts. */
function splitSide(side: readonly TableModel[], layers: number, sharing: ReadonlyMap<string, number>): TableModel[][] {
  const ordered = side
    .map((table, index) => ({ table, index }))
    .sort((a, b) => (sharing.get(b.table.name) ?? 0) - (sharing.get(a.table.name) ?? 0) || a.index - b.index)
    .map(({ table }) => table);
  const budget = stackHeight(side) / layers;
  const result: TableModel[][] = Array.from({ length: layers }, () => []);
  let layer = 0;
  let height = 0;
  for (const table of ordered) {
    const h = estimateNodeHeight(table) + NODE_GAP;
    if (layer < layers - 1 && height > 0 && height + h / 2 > budget) {
      layer++;
      height = 0;
    }
    result[layer]?.push(table);
    height += h;
  }
  return result;
}

/**
 * ELK partitions, left to right: the dimensions of the left side (outermost first), the facts in one
 * middle layer, the right side's dimensions (innermost first), then the plumbing. The dimensions are
 * balanced between the sides by estimated height; a side taller than the band takes more layers.
 * Input order decides ties, so the result is stable.
 */
export function assignPartitions(tables: readonly TableModel[]): Map<string, number> {
  const facts = tables.filter((t) => t.kind === 'fact');
  const sides: [TableModel[], TableModel[]] = [[], []];
  const heights = [0, 0];
  const dimensions = tables
    .filter((t) => t.kind === 'dimension')
    .map((table, index) => ({ table, index }))
    .sort((a, b) => estimateNodeHeight(b.table) - estimateNodeHeight(a.table) || a.index - b.index);
  for (const { table } of dimensions) {
    const side = (heights[0] ?? 0) <= (heights[1] ?? 0) ? 0 : 1;
    heights[side] = (heights[side] ?? 0) + estimateNodeHeight(table);
    sides[side].push(table);
  }

  const sharing = new Map<string, number>();
  for (const fact of facts) for (const fk of new Set(fact.foreignKeys.map((k) => k.references.table))) sharing.set(fk, (sharing.get(fk) ?? 0) + 1);
  const band = Math.max(MIN_BAND_HEIGHT, stackHeight(facts));
  const layers = Math.max(1, ...sides.map((side) => Math.ceil(stackHeight(side) / band)));
  const left = splitSide(sides[0], layers, sharing).reverse();
  const right = splitSide(sides[1], layers, sharing);

  const partitions = new Map<string, number>();
  left.forEach((layer, i) => layer.forEach((t) => partitions.set(t.name, i)));
  for (const fact of facts) partitions.set(fact.name, layers);
  right.forEach((layer, i) => layer.forEach((t) => partitions.set(t.name, layers + 1 + i)));
  for (const table of tables) if (!partitions.has(table.name)) partitions.set(table.name, 2 * layers + 1);
  return partitions;
}

/** ELK edges point left to right, so an edge to a left-hand dimension runs from the dimension to the fact. */
function toElkEdges(tables: readonly TableModel[], partitions: ReadonlyMap<string, number>): ElkExtendedEdge[] {
  const shown = new Set(tables.map((t) => t.name));
  return tables.flatMap((table) =>
    table.foreignKeys
      .filter((fk) => shown.has(fk.references.table))
      .map((fk, index) => {
        const target = fk.references.table;
        const reversed = (partitions.get(target) ?? 0) < (partitions.get(table.name) ?? 0);
        return {
          id: `${table.name}#${index}`,
          sources: [reversed ? target : table.name],
          targets: [reversed ? table.name : target],
        };
      }),
  );
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.partitioning.activate': 'true',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.spacing.componentComponent': '80',
  // One graph, not one per connected component: a table no fact references still takes its side of the band.
  'elk.separateConnectedComponents': 'false',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.randomSeed': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
};

/** Computes node positions with ELK's layered algorithm; deterministic for the same input. */
export async function layoutTables(tables: readonly TableModel[]): Promise<ErdLayout> {
  const partitions = assignPartitions(tables);
  const graph: ElkNode = {
    id: 'erd',
    layoutOptions: LAYOUT_OPTIONS,
    children: tables.map((table) => ({
      id: table.name,
      width: NODE_WIDTH,
      height: estimateNodeHeight(table),
      layoutOptions: { 'elk.partitioning.partition': String(partitions.get(table.name) ?? 0) },
    })),
    edges: toElkEdges(tables, partitions),
  };
  const result = await new ELK().layout(graph);
  const layout: ErdLayout = {};
  for (const child of result.children ?? []) {
    layout[child.id] = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? NODE_WIDTH, height: child.height ?? 0 };
  }
  return layout;
}
