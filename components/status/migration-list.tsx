import type { WarehouseStatus } from '@/server/warehouse-status';

import { formatUtcDateTime, formatVersion } from './status-format';

export function MigrationList({ migrations }: { migrations: WarehouseStatus['migrations'] }) {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);

  return (
    <div className="card card--flush">
      <div className="card__header">
        <h3 className="card__title" id="migrations-title">
          Applied migrations
        </h3>
      </div>
      {ordered.length === 0 ? (
        <p className="card__body muted">
          No migrations have been applied. Run <code>npm run db:migrate</code> to create the schema.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="migrations-title">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Migration</th>
                <th scope="col">Applied</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((migration) => (
                <tr key={migration.version}>
                  <td className="mono">{formatVersion(migration.version)}</td>
                  <th scope="row" className="row-name">
                    {migration.name}
                  </th>
                  <td>
                    <time dateTime={migration.appliedAt}>{formatUtcDateTime(migration.appliedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
