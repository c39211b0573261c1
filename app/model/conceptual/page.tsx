import type { Metadata } from 'next';

import { ConceptualDiagram } from '@/components/conceptual/conceptual-diagram';
import styles from '@/components/conceptual/conceptual.module.css';
import { EntityList } from '@/components/conceptual/entity-list';
import { RelationshipText } from '@/components/conceptual/relationship-text';
import { layoutConcepts } from '@/components/conceptual/to-flow';
import { ModelNav } from '@/components/model/model-nav';
import { PageHeader } from '@/components/ui/page-header';
import { conceptEntities, conceptRelationships } from '@/db/schema/conceptual';

export const metadata: Metadata = { title: 'Conceptual model' };

export default async function ConceptualPage() {
  const { nodes, edges } = await layoutConcepts(conceptEntities, conceptRelationships);

  return (
    <>
      <PageHeader eyebrow="Conceptual model" title="Users, content and viewing">
        What the warehouse is about, before any table: a user watches content through viewing sessions on a device, and
        rates it. Each end of a relationship says how many take part: 1, 0..1 (at most one), 1..N or 0..N.
      </PageHeader>
      <ModelNav />
      <ConceptualDiagram nodes={nodes} edges={edges} />
      <section aria-labelledby="concept-relationships" className={styles.section}>
        <h2 id="concept-relationships">Relationships</h2>
        <RelationshipText relationships={conceptRelationships} />
      </section>
      <section aria-labelledby="concept-entities" className={styles.section}>
        <h2 id="concept-entities">Entities and the tables that hold them</h2>
        <EntityList entities={conceptEntities} />
      </section>
    </>
  );
}
