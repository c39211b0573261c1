import type { TableKind, TableModel } from '@/db/schema/model-types';
import { KIND_GROUP_LABEL, groupByKind } from '@/components/ui/table-kind';

import styles from './model.module.css';
import { TableCard } from './table-card';

const KIND_INTRO: Record<TableKind, string> = {
  fact: 'The measurements of each business process, one row per event at the stated grain.',
  dimension: 'Descriptive context shared by the fact tables, so every metric slices the same way.',
  aggregate: 'Sums of a fact at a coarser grain that the dashboards read instead of the fact when one answers a request exactly; every load keeps them exact.',
  staging: 'Landing tables for raw events before they are transformed into facts and dimensions.',
  audit: 'Bookkeeping on the warehouse itself: loads, rejected records and schema changes.',
};

export function TableGroups({ tables }: { tables: readonly TableModel[] }) {
  return (
    <div className="stack-lg">
      {groupByKind(tables).map((group) => (
        <section key={group.kind} aria-labelledby={`group-${group.kind}`} className={styles.group}>
          <div className={styles.groupHeader}>
            <h2 id={`group-${group.kind}`}>{KIND_GROUP_LABEL[group.kind]}</h2>
            <p className={styles.groupIntro}>{KIND_INTRO[group.kind]}</p>
          </div>
          {group.items.map((table) => (
            <TableCard key={table.name} table={table} />
          ))}
        </section>
      ))}
    </div>
  );
}
