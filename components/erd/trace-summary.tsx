'use client';

import type { MetricLineage } from '@/server/metric-lineage-types';

import styles from './erd.module.css';

interface TraceSummaryProps {
  lineage: MetricLineage;
  onClear: () => void;
}

function columnsByTable(lineage: MetricLineage, role: 'used' | 'filter'): [string, string[]][] {
  const byTable = new Map<string, string[]>();
  for (const c of lineage.columns.filter((col) => col.role === role)) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.column]);
  return [...byTable];
}

/** The traced metric's lineage in words: what the diagram highlights, readable without it. */
export function TraceSummary({ lineage, onClear }: TraceSummaryProps) {
  const used = columnsByTable(lineage, 'used');
  const filters = columnsByTable(lineage, 'filter');
  return (
    <section className={styles.traceSummary} aria-labelledby="trace-summary-title" aria-live="polite" data-metric={lineage.metric}>
      <div className={styles.traceHeader}>
        <h2 id="trace-summary-title" className={styles.traceTitle}>
          Tracing: {lineage.question}
        </h2>
        <a href={`/glossary#metric-${lineage.metric}`}>Definition</a>
        <button type="button" className="button button--secondary" onClick={onClear}>
          Stop tracing
        </button>
      </div>
      <p className="muted">
        Read from the statement <code>GET /api/metrics/{lineage.metric}</code> sends: {lineage.tables.length} tables joined on{' '}
        {lineage.joins.length} foreign keys. <span className={styles.legendUsed}>Highlighted</span> columns are read with no filter;{' '}
        <span className={styles.legendFilter}>outlined</span> ones only when a filter is set.
      </p>
      <dl className={styles.traceFacts}>
        <dt>Joins</dt>
        <dd>
          <ul>
            {lineage.joins.map((j) => (
              <li key={`${j.table}.${j.columns.join(',')}`}>
                <code>{`${j.table}.${j.columns.join(', ')}`}</code> → <code>{`${j.references.table}.${j.references.columns.join(', ')}`}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Columns read</dt>
        <dd>
          <ul>
            {used.map(([table, columns]) => (
              <li key={table}>
                <code>{table}</code>: {columns.join(', ')}
              </li>
            ))}
          </ul>
        </dd>
        {filters.length > 0 ? (
          <>
            <dt>Only with a filter</dt>
            <dd>
              <ul>
                {filters.map(([table, columns]) => (
                  <li key={table}>
                    <code>{table}</code>: {columns.join(', ')}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
