import type { Metadata } from 'next';
import { Suspense } from 'react';

import { DashboardSection } from '@/components/dashboard/dashboard-section';
import { StatusErrorBoundary } from '@/components/status/status-error-boundary';
import { WarehouseStatusPanel } from '@/components/status/warehouse-status-panel';
import { WarehouseStatusSkeleton } from '@/components/status/warehouse-status-skeleton';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Dashboards' };

export default function DashboardsPage() {
  return (
    <>
      <PageHeader eyebrow="Engagement analytics" title="Dashboards">
        How StreamFlix members watch and rate content, served from the engagement warehouse. Every figure follows the definitions in the glossary.
      </PageHeader>
      <DashboardSection />
      <StatusErrorBoundary>
        <Suspense fallback={<WarehouseStatusSkeleton />}>
          <WarehouseStatusPanel />
        </Suspense>
      </StatusErrorBoundary>
    </>
  );
}
