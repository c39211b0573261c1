import { KIND_LABEL, groupByKind } from '@/components/ui/table-kind';
import type { WarehouseStatus } from '@/server/warehouse-status';

import { LoadDataCallout } from './load-data-callout';
import { MigrationList } from './migration-list';
import { StatusSection } from './status-section';
import {
  ENGINE_DETAIL,
  ENGINE_LABEL,
  formatCount,
  formatUtcTime,
  formatVersion,
  plural,
  summarizeStatus,
} from './status-format';
import { TableCounts } from './table-counts';

interface WarehouseStatusViewProps {
  status: WarehouseStatus;
  checkedAt: Date;
}

export function WarehouseStatusView({ status, checkedAt }: WarehouseStatusViewProps) {
  const summary = summarizeStatus(status);
  const kindBreakdown = groupByKind(status.tables)
    .map((group) => `${formatCount(group.items.length)} ${KIND_LABEL[group.kind].toLowerCase()}`)
    .join(' · ');

  return (
    <StatusSection
      state="ready"
      meta={
        <>
          Checked <time dateTime={checkedAt.toISOString()}>{formatUtcTime(checkedAt)}</time>
        </>
      }
    >
      <div className="stack">
        {summary.factsEmpty ? <LoadDataCallout /> : null}
        <dl className="grid grid--stats">
          <div className="card stat">
            <dt className="stat__label">Engine</dt>
            <dd className="stat__value">{ENGINE_LABEL[status.engine]}</dd>
            <dd className="stat__hint">{ENGINE_DETAIL[status.engine]}</dd>
          </div>
          <div className="card stat">
            <dt className="stat__label">Fact rows</dt>
            <dd className="stat__value">{formatCount(summary.factRows)}</dd>
            <dd className="stat__hint">Across {plural(summary.factTables, 'fact table')}</dd>
          </div>
          <div className="card stat">
            <dt className="stat__label">Tables</dt>
            <dd className="stat__value">{formatCount(status.tables.length)}</dd>
            <dd className="stat__hint">{kindBreakdown || 'None created yet'}</dd>
          </div>
          <div className="card stat">
            <dt className="stat__label">Schema version</dt>
            <dd className="stat__value">
              {summary.latestMigration ? formatVersion(summary.latestMigration.version) : 'None'}
            </dd>
            <dd className="stat__hint">{plural(status.migrations.length, 'migration')} applied</dd>
          </div>
        </dl>
        <div className="grid grid--halves">
          <TableCounts tables={status.tables} />
          <MigrationList migrations={status.migrations} />
        </div>
      </div>
    </StatusSection>
  );
}
