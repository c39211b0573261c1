import { describe, expect, it } from 'vitest';

import { conceptEntities, conceptRelationships, describeRelationship, type ColumnsRef, type ConceptId } from './conceptual';
import { warehouseModel } from './index';

const missingColumns = (ref: ColumnsRef): string[] => {
  const table = warehouseModel.find((t) => t.name === ref.table);
  if (!table) return [`table ${ref.table}`];
  return ref.columns.filter((c) => !table.columns.some((col) => col.name === c)).map((c) => `${ref.table}.${c}`);
};

const ids = new Set(conceptEntities.map((e) => e.id));
const name = (id: ConceptId) => conceptEntities.find((e) => e.id === id)?.name ?? id;

describe('the conceptual model', () => {
  it('has the entities of the brief, Content with its Movie and Episode subtypes', () => {
    expect(conceptEntities.map((e) => e.name)).toEqual(['User', 'Device', 'Content', 'Movie', 'Series', 'Season', 'Episode', 'Viewing Session', 'Rating']);
    expect(conceptEntities.filter((e) => e.subtypeOf === 'content').map((e) => e.id)).toEqual(['movie', 'episode']);
  });

  it('maps every entity to tables and columns the schema holds', () => {
    for (const entity of conceptEntities) {
      expect(entity.implementedBy.length, entity.name).toBeGreaterThan(0);
      expect(entity.implementedBy.flatMap(missingColumns), entity.name).toEqual([]);
    }
  });

  it('joins known entities through existing columns, each declared foreign key real', () => {
    for (const r of conceptRelationships) {
      expect(ids.has(r.from) && ids.has(r.to), `${r.from} → ${r.to}`).toBe(true);
      expect(missingColumns(r.implementedBy)).toEqual([]);
      const { references } = r.implementedBy;
      if (!references) continue;
      expect(missingColumns(references)).toEqual([]);
      const table = warehouseModel.find((t) => t.name === r.implementedBy.table);
      const declared = table?.foreignKeys.some(
        (k) => k.references.table === references.table && k.columns.join() === r.implementedBy.columns.join() && k.references.columns.join() === references.columns.join(),
      );
      expect(declared, `${r.implementedBy.table}.${r.implementedBy.columns.join()} → ${references.table}`).toBe(true);
    }
  });

  it('shows a user reaching content through viewing sessions on devices', () => {
    const toSession = conceptRelationships.filter((r) => r.to === 'viewing-session').map((r) => r.from);
    expect(toSession.sort()).toEqual(['content', 'device', 'user']);
  });

  it('reads each relationship both ways with its cardinalities', () => {
    const starts = conceptRelationships.find((r) => r.from === 'user' && r.to === 'viewing-session');
    if (!starts) throw new Error('no User → Viewing Session');
    expect(describeRelationship(starts, name)).toEqual(['A User starts zero or more Viewing Sessions.', 'A Viewing Session is started by exactly one User.']);
    const during = conceptRelationships.find((r) => r.from === 'viewing-session' && r.to === 'rating');
    if (!during) throw new Error('no Viewing Session → Rating');
    expect(describeRelationship(during, name)[1]).toBe('A Rating may be given during at most one Viewing Session.');
  });
});
