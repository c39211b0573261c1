import { conceptEntities, describeRelationship, type ConceptId, type ConceptRelationship } from '@/db/schema/conceptual';

import styles from './conceptual.module.css';

const name = (id: ConceptId) => conceptEntities.find((e) => e.id === id)?.name ?? id;

/** The relationships as sentences, read both ways, with the columns that carry them. */
export function RelationshipText({ relationships }: { relationships: readonly ConceptRelationship[] }) {
  return (
    <ul className={styles.sentences}>
      {relationships.map((r) => {
        const [forward, backward] = describeRelationship(r, name);
        const { table, columns, references } = r.implementedBy;
        return (
          <li key={`${r.from}-${r.to}`}>
            <p>
              {forward} {backward}
            </p>
            <p className={styles.implementation}>
              <span className="visually-hidden">Implemented by </span>
              <code>{`${table}.${columns.join(', ')}`}</code>
              {references ? (
                <>
                  {' '}
                  → <code>{`${references.table}.${references.columns.join(', ')}`}</code> (foreign key)
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
