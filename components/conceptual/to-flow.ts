import type { Edge, Node } from '@xyflow/react';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkLabel } from 'elkjs/lib/elk-api';

import type { ConceptEntity, ConceptId, ConceptRelationship, Multiplicity } from '@/db/schema/conceptual';

export type Side = 'top' | 'right' | 'bottom' | 'left';

export type EntityNodeData = { entity: ConceptEntity; supertype?: string };
export type EntityNode = Node<EntityNodeData, 'entity'>;

export type EdgeLabelKind = 'verb' | 'multiplicity';
export interface PlacedLabel {
  text: string;
  kind: EdgeLabelKind;
  /** Centre of the label, in flow coordinates. */
  x: number;
  y: number;
}

export type ConceptEdgeData = (
  | { kind: 'relationship'; verb: string; fromMultiplicity: Multiplicity; toMultiplicity: Multiplicity }
  | { kind: 'subtype' }
) & {
  /** ELK's orthogonal route, start to end, and its labels: the edge is drawn exactly as laid out. */
  route?: Point[];
  labels?: PlacedLabel[];
};
export type ConceptEdge = Edge<ConceptEdgeData, 'concept'>;

/** Node geometry shared with entity-node.tsx and conceptual.module.css. */
export const ENTITY_WIDTH = 240;
export const ENTITY_HEIGHT = 96;

export function handleId(side: Side, type: 'source' | 'target'): string {
  return `${side}:${type}`;
}

/** One edge per relationship (one end to many end), and one per subtype, from the supertype. */
export function toConceptEdges(relationships: readonly ConceptRelationship[], entities: readonly ConceptEntity[]): ConceptEdge[] {
  const edges: ConceptEdge[] = relationships.map((r) => ({
    id: `rel:${r.from}->${r.to}`,
    type: 'concept',
    source: r.from,
    target: r.to,
    data: { kind: 'relationship', verb: r.verb, fromMultiplicity: r.multiplicity.from, toMultiplicity: r.multiplicity.to },
  }));
  for (const e of entities) {
    if (e.subtypeOf) edges.push({ id: `isa:${e.id}->${e.subtypeOf}`, type: 'concept', source: e.subtypeOf, target: e.id, data: { kind: 'subtype' } });
  }
  return edges;
}

export type Point = { x: number; y: number };

/** The sides of two boxes that face each other: top/bottom when they sit above each other, else left/right. */
export function facingSides(source: Point, target: Point): [Side, Side] {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  if (Math.abs(dy) >= ENTITY_HEIGHT && Math.abs(dy) * 2 >= Math.abs(dx)) return dy > 0 ? ['bottom', 'top'] : ['top', 'bottom'];
  return dx >= 0 ? ['right', 'left'] : ['left', 'right'];
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.layered.spacing.edgeNodeBetweenLayers': '30',
  'elk.spacing.nodeNode': '60',
  'elk.spacing.edgeLabel': '4',
  'elk.randomSeed': '1',
};

/** Text widths are estimated (11 px type); ELK only needs room enough, not the exact glyphs. */
function labelBox(text: string, kind: EdgeLabelKind): ElkLabel {
  return {
    text,
    width: text.length * (kind === 'verb' ? 6 : 7) + 8,
    height: 16,
    layoutOptions: kind === 'verb' ? { 'elk.edgeLabels.placement': 'CENTER' } : {},
  };
}

function edgeLabels(edge: ConceptEdge): { labels: ElkLabel[]; kinds: EdgeLabelKind[] } {
  const data = edge.data;
  if (data?.kind !== 'relationship') return { labels: [labelBox('is a', 'verb')], kinds: ['verb'] };
  return {
    labels: [
      labelBox(data.verb, 'verb'),
      { ...labelBox(data.fromMultiplicity, 'multiplicity'), layoutOptions: { 'elk.edgeLabels.placement': 'TAIL' } },
      { ...labelBox(data.toMultiplicity, 'multiplicity'), layoutOptions: { 'elk.edgeLabels.placement': 'HEAD' } },
    ],
    kinds: ['verb', 'multiplicity', 'multiplicity'],
  };
}

function route(edge: ElkExtendedEdge | undefined): Point[] | undefined {
  const section = edge?.sections?.[0];
  if (!section) return undefined;
  return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x, y: p.y }));
}

/** Lays the entities out top to bottom (the "one" ends above the "many" ends) and attaches each edge on facing sides. */
export async function layoutConcepts(
  entities: readonly ConceptEntity[],
  relationships: readonly ConceptRelationship[],
): Promise<{ nodes: EntityNode[]; edges: ConceptEdge[] }> {
  const edges = toConceptEdges(relationships, entities);
  const labelled = new Map(edges.map((e) => [e.id, edgeLabels(e)]));
  const result = await new ELK().layout({
    id: 'concepts',
    layoutOptions: LAYOUT_OPTIONS,
    children: entities.map((e) => ({ id: e.id, width: ENTITY_WIDTH, height: ENTITY_HEIGHT })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target], labels: labelled.get(e.id)?.labels ?? [] })),
  });
  const laidOut = new Map((result.edges ?? []).map((e) => [e.id, e]));
  const positions = new Map<string, Point>((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const nameOf = new Map<ConceptId, string>(entities.map((e) => [e.id, e.name]));
  const nodes: EntityNode[] = entities.map((entity) => ({
    id: entity.id,
    type: 'entity',
    position: positions.get(entity.id) ?? { x: 0, y: 0 },
    data: { entity, ...(entity.subtypeOf ? { supertype: nameOf.get(entity.subtypeOf) } : {}) },
  }));
  const center = (id: string): Point => {
    const p = positions.get(id) ?? { x: 0, y: 0 };
    return { x: p.x + ENTITY_WIDTH / 2, y: p.y + ENTITY_HEIGHT / 2 };
  };
  return {
    nodes,
    edges: edges.map((edge) => {
      const [from, to] = facingSides(center(edge.source), center(edge.target));
      const elk = laidOut.get(edge.id);
      const kinds = labelled.get(edge.id)?.kinds ?? [];
      const labels = (elk?.labels ?? []).map((l, i) => ({
        text: l.text ?? '',
        kind: kinds[i] ?? 'verb',
        x: (l.x ?? 0) + (l.width ?? 0) / 2,
        y: (l.y ?? 0) + (l.height ?? 0) / 2,
      }));
      const points = route(elk);
      return {
        ...edge,
        sourceHandle: handleId(from, 'source'),
        targetHandle: handleId(to, 'target'),
        ...(edge.data ? { data: { ...edge.data, labels, ...(points ? { route: points } : {}) } } : {}),
      };
    }),
  };
}
