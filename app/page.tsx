import type { Metadata } from 'next';
import { Suspense } from 'react';

import { StatusErrorBoundary } from '@/components/status/status-error-boundary';
import { WarehouseStatusPanel } from '@/components/status/warehouse-status-panel';
import { WarehouseStatusSkeleton } from '@/components/status/warehouse-status-skeleton';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Dashboards' };

export default function DashboardsPage() {
  return (
    <>
      <PageHeader eyebrow="Engagement analytics" title="Dashboards">
        How StreamFlix members watch and rate content, served from the engagement warehouse.
      </PageHeader>
      <StatusErrorBoundary>
        <Suspense fallback={<WarehouseStatusSkeleton />}>
          <WarehouseStatusPanel />
        </Suspense>
      </StatusErrorBoundary>
    </>
  );
}
