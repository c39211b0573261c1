import type { ColumnModel, TableModel } from '@/db/schema/model-types';
import { InlineCode } from '@/components/ui/inline-code';

import { physicalRoles } from './catalog-format';
import styles from './model.module.css';

/** PK, FK, IDENTITY, DISTKEY and SORTKEY position as compact badges under the column name. */
function KeyBadges({ column }: { column: ColumnModel }) {
  const roles = physicalRoles(column);
  if (!column.primaryKey && !column.references && !column.identity && roles.length === 0) return null;

  return (
    <ul className={styles.markers} aria-label={`Keys of ${column.name}`}>
      {column.primaryKey ? (
        <li>
          <abbr className="badge badge--fact" title="Primary key">
            PK
          </abbr>
        </li>
      ) : null}
      {column.references ? (
        <li>
          <abbr className="badge badge--dimension" title="Foreign key">
            FK
          </abbr>
        </li>
      ) : null}
      {column.identity ? (
        <li>
          <span className="badge badge--outline">IDENTITY</span>
        </li>
      ) : null}
      {roles.map((role) => (
        <li key={role}>
          <span className="badge badge--mono badge--outline">{role}</span>
        </li>
      ))}
    </ul>
  );
}

export function ColumnTable({ table }: { table: TableModel }) {
  const captionId = `${table.name}-columns`;

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={`data-table ${styles.columns}`}>
        <caption id={captionId} className="visually-hidden">
          Columns of {table.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Redshift type</th>
            <th scope="col">Nullable</th>
            <th scope="col">Encode</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {table.columns.map((column) => (
            <tr key={column.name}>
              <th scope="row" className={`row-name ${styles.columnName}`}>
                <span className={styles.columnIdentifier}>{column.name}</span>
                <KeyBadges column={column} />
              </th>
              <td className={`mono ${styles.nowrap}`}>{column.redshiftType}</td>
              <td className={column.nullable ? undefined : 'muted'}>{column.nullable ? 'Yes' : 'No'}</td>
              <td className="mono">{column.encode}</td>
              <td className={styles.columnDescription}>
                <InlineCode text={column.description} />
                {column.references ? (
                  <span className={styles.note}>
                    References{' '}
                    <a href={`#${column.references.table}`} className="mono">
                      {column.references.table}.{column.references.column}
                    </a>
                  </span>
                ) : null}
                {column.encodeWhy ? (
                  <span className={styles.note}>
                    <span className={styles.noteLabel}>ENCODE {column.encode}:</span>{' '}
                    <InlineCode text={column.encodeWhy} />
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
