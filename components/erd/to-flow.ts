import type { Edge, Node } from '@xyflow/react';

import type { ForeignKeyModel, TableModel } from '@/db/schema/model-types';

/** Node data: the table as the catalog describes it, untouched. */
export type TableNodeData = { table: TableModel };
export type TableNode = Node<TableNodeData, 'table'>;

export type EdgeSide = 'left' | 'right';

/** Edge data: the foreign key and the columns it joins on both ends. */
export type ForeignKeyEdgeData = {
  cardinality: ForeignKeyModel['cardinality'];
  sourceColumns: readonly string[];
  targetColumns: readonly string[];
};
export type ForeignKeyEdge = Edge<ForeignKeyEdgeData, 'foreign-key'>;

/** The galaxy: facts and the conformed dimensions they share. Staging and audit tables are plumbing. */
export function isGalaxyTable(table: TableModel): boolean {
  return table.kind === 'fact' || table.kind === 'dimension';
}

export function selectTables(tables: readonly TableModel[], includePlumbing: boolean): TableModel[] {
  return includePlumbing ? [...tables] : tables.filter(isGalaxyTable);
}

/** Handle id for one column row; every row has a source and a target handle on each side. */
export function columnHandleId(column: string, side: EdgeSide, type: 'source' | 'target'): string {
  return `${column}:${side}:${type}`;
}

/** The edge id of a foreign key; also how a metric's lineage names the joins it follows. */
export function foreignKeyEdgeId(table: string, fk: Pick<ForeignKeyModel, 'columns' | 'references'>): string {
  return `fk:${table}.${fk.columns.join(',')}->${fk.references.table}.${fk.references.columns.join(',')}`;
}

export function toTableNode(table: TableModel): TableNode {
  return { id: table.name, type: 'table', position: { x: 0, y: 0 }, data: { table } };
}

/**
 * One edge per foreign key whose two ends are both shown: from the referencing table (the
 * "many" end) to the referenced table (the "one" end), attached at the first join column's row.
 * Sides default to source-right → target-left; `orientEdges` flips them once positions are known.
 */
export function toForeignKeyEdges(tables: readonly TableModel[]): ForeignKeyEdge[] {
  const shown = new Set(tables.map((t) => t.name));
  return tables.flatMap((table) =>
    table.foreignKeys
      .filter((fk) => shown.has(fk.references.table))
      .map((fk): ForeignKeyEdge => {
        const sourceColumn = fk.columns[0] ?? '';
        const targetColumn = fk.references.columns[0] ?? '';
        return {
          id: foreignKeyEdgeId(table.name, fk),
          type: 'foreign-key',
          source: table.name,
          target: fk.references.table,
          sourceHandle: columnHandleId(sourceColumn, 'right', 'source'),
          targetHandle: columnHandleId(targetColumn, 'left', 'target'),
          data: { cardinality: fk.cardinality, sourceColumns: fk.columns, targetColumns: fk.references.columns },
        };
      }),
  );
}

export function toFlow(tables: readonly TableModel[]): { nodes: TableNode[]; edges: ForeignKeyEdge[] } {
  return { nodes: tables.map(toTableNode), edges: toForeignKeyEdges(tables) };
}

export interface Box {
  x: number;
  y: number;
  width: number;
}

/** Attaches each edge on the sides that face each other, given where the nodes sit. */
export function orientEdges(edges: readonly ForeignKeyEdge[], boxes: ReadonlyMap<string, Box>): ForeignKeyEdge[] {
  return edges.map((edge) => {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (!source || !target || !edge.data) return edge;
    const targetIsLeft = target.x + target.width / 2 < source.x + source.width / 2;
    const sourceSide: EdgeSide = targetIsLeft ? 'left' : 'right';
    const targetSide: EdgeSide = targetIsLeft ? 'right' : 'left';
    return {
      ...edge,
      sourceHandle: columnHandleId(edge.data.sourceColumns[0] ?? '', sourceSide, 'source'),
      targetHandle: columnHandleId(edge.data.targetColumns[0] ?? '', targetSide, 'target'),
    };
  });
}
