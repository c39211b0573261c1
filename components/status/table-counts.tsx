import Link from 'next/link';

import { KIND_GROUP_LABEL, groupByKind } from '@/components/ui/table-kind';
import type { WarehouseStatus } from '@/server/warehouse-status';

import { formatCount } from './status-format';

export function TableCounts({ tables }: { tables: WarehouseStatus['tables'] }) {
  const groups = groupByKind(tables);

  return (
    <div className="card card--flush">
      <div className="card__header">
        <h3 className="card__title" id="table-counts-title">
          Tables
        </h3>
        <Link href="/model" className="section-header__meta">
          Open the model
        </Link>
      </div>
      {groups.length === 0 ? (
        <p className="card__body muted">
          The warehouse has no tables yet. Run <code>npm run db:migrate</code> to create them.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="table-counts-title">
            <thead>
              <tr>
                <th scope="col">Table</th>
                <th scope="col" className="num">
                  Rows
                </th>
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.kind}>
                <tr>
                  <th scope="rowgroup" colSpan={2} className="group-row">
                    {KIND_GROUP_LABEL[group.kind]}
                  </th>
                </tr>
                {group.items.map((table) => (
                  <tr key={table.name}>
                    <th scope="row" className="row-name">
                      <Link href={`/model#${table.name}`} className="mono">
                        {table.name}
                      </Link>
                    </th>
                    <td className={table.rows === 0 ? 'num muted' : 'num'}>{formatCount(table.rows)}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </div>
  );
}
