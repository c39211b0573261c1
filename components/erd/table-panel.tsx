'use client';

import type { TableModel } from '@/db/schema/model-types';
import { ON_DUCKDB } from '@/components/model/on-duckdb';
import { KindBadge } from '@/components/ui/kind-badge';

import styles from './erd.module.css';
import { columnFlags, formatDistribution, formatSortKey } from './table-format';

interface TablePanelProps {
  table: TableModel;
  onClose: () => void;
}

/**
 * The selected table's documentation: grain, fact type, physical design with the reasons and what each
 * choice becomes on DuckDB, every column.
 */
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
          <span className={styles.panelDuckdb}>On DuckDB: {ON_DUCKDB.distribution}</span>
        </dd>
        {sortKey && table.sortKey ? (
          <>
            <dt>Sort key</dt>
            <dd>
              <code>{sortKey}</code>: {table.sortKey.why}
              <span className={styles.panelDuckdb}>On DuckDB: {ON_DUCKDB.sortKey}</span>
            </dd>
          </>
        ) : null}
      </dl>
      <h3 className={styles.panelSubtitle}>Columns</h3>
      <p className={styles.panelDuckdb}>The encodings are Redshift&apos;s ENCODE; {ON_DUCKDB.encode}</p>
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
