import type { TableModel } from '@/db/schema/model-types';
import { InlineCode } from '@/components/ui/inline-code';

import { FACT_TYPE_LABEL, describeDistribution, describeSortKey } from './catalog-format';
import styles from './model.module.css';
import { ON_DUCKDB } from './on-duckdb';

function Reasoned({ value, why, code = false }: { value: string; why: string; code?: boolean }) {
  return (
    <>
      <span className={code ? `${styles.propertyValue} mono` : styles.propertyValue}>{value}</span>
      <span className={styles.why}>
        <InlineCode text={why} />
      </span>
    </>
  );
}

function OnDuckdb({ text }: { text: string }) {
  return (
    <span className={styles.note}>
      <span className={styles.noteLabel}>On DuckDB:</span> {text}
    </span>
  );
}

/** Grain, fact type and the Redshift physical design of one table, each with its reason and its DuckDB counterpart. */
export function TableProperties({ table }: { table: TableModel }) {
  return (
    <dl className={styles.properties}>
      <div className={styles.property}>
        <dt>Grain</dt>
        <dd>
          <InlineCode text={table.grain} />
        </dd>
      </div>
      {table.factType ? (
        <div className={styles.property}>
          <dt>Fact type</dt>
          <dd>
            <Reasoned value={FACT_TYPE_LABEL[table.factType.type]} why={table.factType.why} />
          </dd>
        </div>
      ) : null}
      <div className={styles.property}>
        <dt>Distribution</dt>
        <dd>
          <Reasoned value={describeDistribution(table.distribution)} why={table.distribution.why} code />
          <OnDuckdb text={ON_DUCKDB.distribution} />
        </dd>
      </div>
      <div className={styles.property}>
        <dt>Sort key</dt>
        <dd>
          {table.sortKey ? (
            <>
              <Reasoned value={describeSortKey(table.sortKey)} why={table.sortKey.why} code />
              <OnDuckdb text={ON_DUCKDB.sortKey} />
            </>
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
      </div>
      <div className={styles.property}>
        <dt>Primary key</dt>
        <dd className="mono">{table.primaryKey.length > 0 ? table.primaryKey.join(', ') : 'None'}</dd>
      </div>
      {table.naturalKey ? (
        <div className={styles.property}>
          <dt>Natural key</dt>
          <dd className="mono">{table.naturalKey.columns.join(', ')}</dd>
        </div>
      ) : null}
    </dl>
  );
}
