import type { ReactNode } from 'react';

import styles from './glossary.module.css';

/** One defined term: its name is the anchor others link to. */
export function Term({ id, name, children }: { id: string; name: string; children: ReactNode }) {
  return (
    <div className={styles.term} id={id}>
      <dt>
        <a href={`#${id}`}>{name}</a>
      </dt>
      <dd>{children}</dd>
    </div>
  );
}
