import type { ConceptEntity } from '@/db/schema/conceptual';

import styles from './conceptual.module.css';

/** Each entity with its description and the physical columns that implement it, linked to the table list. */
export function EntityList({ entities }: { entities: readonly ConceptEntity[] }) {
  const nameOf = new Map(entities.map((e) => [e.id, e.name]));
  return (
    <dl className={styles.entities}>
      {entities.map((entity) => (
        <div key={entity.id} className={styles.entityItem}>
          <dt>
            {entity.name}
            {entity.subtypeOf ? <span className={styles.entityMeta}> (a kind of {nameOf.get(entity.subtypeOf)})</span> : null}
          </dt>
          <dd>
            <p>{entity.description}</p>
            <ul className={styles.implementation}>
              {entity.implementedBy.map((ref) => (
                <li key={ref.table}>
                  <a href={`/model/tables#${ref.table}`} className="mono">
                    {ref.table}
                  </a>
                  : {ref.columns.join(', ')}
                  {ref.note ? ` (${ref.note})` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
