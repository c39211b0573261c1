import type { TableModel } from '@/db/schema/model-types';
import { KIND_GROUP_LABEL, groupByKind } from '@/components/ui/table-kind';

import styles from './model.module.css';

export function ModelToc({ tables }: { tables: readonly TableModel[] }) {
  return (
    <nav aria-labelledby="model-toc-title" className={styles.toc}>
      <h2 id="model-toc-title" className={styles.tocTitle}>
        Tables
      </h2>
      {groupByKind(tables).map((group) => (
        <div key={group.kind} className={styles.tocGroup}>
          <h3 className={styles.tocGroupTitle} id={`toc-${group.kind}`}>
            {KIND_GROUP_LABEL[group.kind]}
          </h3>
          <ul aria-labelledby={`toc-${group.kind}`} className={styles.tocList}>
            {group.items.map((table) => (
              <li key={table.name}>
                <a href={`#${table.name}`} className={styles.tocLink}>
                  {table.name}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
