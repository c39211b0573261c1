import type { TableModel } from '@/db/schema/model-types';

import styles from './model.module.css';

/** Every foreign key as a row: the diagram's edges, readable by keyboard and screen reader. */
export function RelationshipList({ tables }: { tables: readonly TableModel[] }) {
  const relationships = tables.flatMap((table) => table.foreignKeys.map((fk) => ({ table: table.name, fk })));
  return (
    <section aria-labelledby="relationships" className={styles.group}>
      <div className={styles.groupHeader}>
        <h2 id="relationships">Relationships</h2>
        <p className={styles.groupIntro}>
          One per foreign key: each row of the referencing table points at exactly one row of the referenced table, which
          many rows may share. Redshift keeps them informational; the loader guarantees them.
        </p>
      </div>
      <div className="card card--flush table-scroll" role="region" aria-labelledby="relationships-caption" tabIndex={0}>
        <table className="data-table">
          <caption id="relationships-caption" className="visually-hidden">
            Relationships between the tables
          </caption>
          <thead>
            <tr>
              <th scope="col">Referencing (many)</th>
              <th scope="col">Referenced (one)</th>
              <th scope="col">Cardinality</th>
            </tr>
          </thead>
          <tbody>
            {relationships.map(({ table, fk }) => (
              <tr key={`${table}.${fk.columns.join(',')}`}>
                {/* The whole table.column is the link: a link inside other text would need an underline to be told apart. */}
                <th scope="row" className="row-name mono">
                  <a href={`#${table}`}>{`${table}.${fk.columns.join(', ')}`}</a>
                </th>
                <td className="mono">
                  <a href={`#${fk.references.table}`}>{`${fk.references.table}.${fk.references.columns.join(', ')}`}</a>
                </td>
                <td>Many to one (N:1)</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
