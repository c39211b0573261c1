import { describe, expect, it } from 'vitest';

import { conceptEntities, conceptRelationships } from '@/db/schema/conceptual';

import { ENTITY_HEIGHT, ENTITY_WIDTH, facingSides, layoutConcepts, toConceptEdges } from './to-flow';

describe('conceptual diagram', () => {
  it('draws one node per entity and one edge per relationship and subtype', async () => {
    const { nodes, edges } = await layoutConcepts(conceptEntities, conceptRelationships);
    expect(nodes.map((n) => n.id)).toEqual(conceptEntities.map((e) => e.id));
    expect(edges).toHaveLength(conceptRelationships.length + 2);
    expect(edges.find((e) => e.id === 'rel:user->viewing-session')?.data).toMatchObject({ kind: 'relationship', verb: 'starts', fromMultiplicity: '1', toMultiplicity: '0..N' });
    expect(edges.find((e) => e.id === 'isa:movie->content')).toMatchObject({ source: 'content', target: 'movie', data: { kind: 'subtype' } });
  });

  it('places the entities without overlap, each "one" end above its "many" end', async () => {
    const { nodes } = await layoutConcepts(conceptEntities, conceptRelationships);
    nodes.forEach((a, i) => {
      for (const b of nodes.slice(i + 1)) {
        const overlap = a.position.x < b.position.x + ENTITY_WIDTH && b.position.x < a.position.x + ENTITY_WIDTH && a.position.y < b.position.y + ENTITY_HEIGHT && b.position.y < a.position.y + ENTITY_HEIGHT;
        expect(overlap, `${a.id}/${b.id}`).toBe(false);
      }
    });
    const y = (id: string) => nodes.find((n) => n.id === id)?.position.y ?? Number.NaN;
    for (const edge of toConceptEdges(conceptRelationships, conceptEntities)) expect(y(edge.source), edge.id).toBeLessThan(y(edge.target));
  });

  it('routes every edge and places its verb and both multiplicities', async () => {
    const { edges } = await layoutConcepts(conceptEntities, conceptRelationships);
    for (const edge of edges) {
      expect(edge.data?.route?.length, edge.id).toBeGreaterThanOrEqual(2);
      const texts = edge.data?.labels?.map((l) => l.text);
      if (edge.data?.kind === 'relationship') expect(texts, edge.id).toEqual([edge.data.verb, edge.data.fromMultiplicity, edge.data.toMultiplicity]);
      else expect(texts, edge.id).toEqual(['is a']);
    }
    const during = edges.find((e) => e.id === 'rel:viewing-session->rating');
    expect(during?.data?.labels?.map((l) => l.text)).toEqual(['may include', '0..1', '0..N']);
  });

  it('attaches edges on the sides that face each other', () => {
    expect(facingSides({ x: 0, y: 0 }, { x: 0, y: 300 })).toEqual(['bottom', 'top']);
    expect(facingSides({ x: 0, y: 300 }, { x: 50, y: 0 })).toEqual(['top', 'bottom']);
    expect(facingSides({ x: 0, y: 0 }, { x: 400, y: 20 })).toEqual(['right', 'left']);
    expect(facingSides({ x: 400, y: 0 }, { x: 0, y: 0 })).toEqual(['left', 'right']);
  });
});
