'use client';

import type { TableModel } from '@/db/schema/model-types';
import { KindBadge } from '@/components/ui/kind-badge';

import styles from './erd.module.css';
import { columnFlags, formatDistribution, formatSortKey } from './table-format';

interface TablePanelProps {
  table: TableModel;
  onClose: () => void;
}

/** The selected table's documentation: grain, fact type, physical design and the reasons, every column. */
export function TablePanel({ table, onClose }: TablePanelProps) {
  const sortKey = formatSortKey(table);
  return (
    <aside className={styles.panel} aria-labelledby="erd-panel-title">
      <div className={styles.panelHeader}>
        <h2 id="erd-panel-title" className={styles.panelTitle}>
          {table.name}
        </h2>
        <KindBadge kind={table.kind} />
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p>{table.description}</p>
      <dl className={styles.panelFacts}>
        <dt>Grain</dt>
        <dd>{table.grain}</dd>
        {table.factType ? (
          <>
            <dt>Fact type</dt>
            <dd>
              <strong>{table.factType.type}</strong>: {table.factType.why}
            </dd>
          </>
        ) : null}
        <dt>Distribution</dt>
        <dd>
          <code>{formatDistribution(table)}</code>: {table.distribution.why}
        </dd>
        {sortKey && table.sortKey ? (
          <>
            <dt>Sort key</dt>
            <dd>
              <code>{sortKey}</code>: {table.sortKey.why}
            </dd>
          </>
        ) : null}
      </dl>
      <h3 className={styles.panelSubtitle}>Columns</h3>
      <ul className={styles.panelColumns}>
        {table.columns.map((column) => (
          <li key={column.name}>
            <div className={styles.panelColumnHead}>
              <code>{column.name}</code> <span className={styles.columnType}>{column.redshiftType}</span>{' '}
              <span className={styles.panelFlags}>{[column.primaryKey ? 'PK' : '', ...columnFlags(column)].filter(Boolean).join(' · ')}</span>
            </div>
            <p>{column.description}</p>
            {column.references ? (
              <p className={styles.panelRef}>
                References <code>{`${column.references.table}.${column.references.column}`}</code>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
