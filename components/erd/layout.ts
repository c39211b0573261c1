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

/** ELK partitions, left to right: dimensions, facts, dimensions, then the plumbing. */
const LEFT = 0;
const FACTS = 1;
const RIGHT = 2;
const PLUMBING = 3;

/**
 * Puts the facts in one middle layer and splits the dimensions between a layer on each side,
 * balancing the two sides by estimated height. Input order decides ties, so the result is stable.
 */
export function assignPartitions(tables: readonly TableModel[]): Map<string, number> {
  const partitions = new Map<string, number>();
  const heights = { [LEFT]: 0, [RIGHT]: 0 };
  for (const table of tables) {
    if (table.kind === 'fact') partitions.set(table.name, FACTS);
    else if (table.kind !== 'dimension') partitions.set(table.name, PLUMBING);
  }
  const dimensions = tables
    .filter((t) => t.kind === 'dimension')
    .map((table, index) => ({ table, index }))
    .sort((a, b) => estimateNodeHeight(b.table) - estimateNodeHeight(a.table) || a.index - b.index);
  for (const { table } of dimensions) {
    const side = heights[LEFT] <= heights[RIGHT] ? LEFT : RIGHT;
    heights[side] += estimateNodeHeight(table);
    partitions.set(table.name, side);
  }
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
  'elk.layered.spacing.nodeNodeBetweenLayers': '140',
  'elk.spacing.nodeNode': '40',
  'elk.spacing.componentComponent': '80',
  // One graph, not one per connected component: a table no fact references still takes its side of the band.
  'elk.separateConnectedComponents': 'false',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.randomSeed': '1',
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
      layoutOptions: { 'elk.partitioning.partition': String(partitions.get(table.name) ?? PLUMBING) },
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
