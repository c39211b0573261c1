import type { TableModel } from '@/db/schema/model-types';
import { InlineCode } from '@/components/ui/inline-code';
import { KindBadge } from '@/components/ui/kind-badge';

import { FACT_TYPE_LABEL } from './catalog-format';
import { ColumnTable } from './column-table';
import styles from './model.module.css';
import { TableProperties } from './table-properties';

export function TableCard({ table }: { table: TableModel }) {
  const headingId = `${table.name}-heading`;

  return (
    <section id={table.name} aria-labelledby={headingId} className={`card card--flush ${styles.tableCard}`}>
      <div className={styles.tableHeader}>
        <div className={styles.titleRow}>
          <h3 id={headingId} className={styles.tableName}>
            <a href={`#${table.name}`}>{table.name}</a>
          </h3>
          <KindBadge kind={table.kind} />
          {table.factType ? (
            <span className="badge badge--outline">{FACT_TYPE_LABEL[table.factType.type]}</span>
          ) : null}
          <span className={styles.columnCount}>{table.columns.length} columns</span>
        </div>
        <p className={styles.description}>
          <InlineCode text={table.description} />
        </p>
      </div>
      <TableProperties table={table} />
      <ColumnTable table={table} />
    </section>
  );
}
