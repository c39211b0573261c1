import { connection } from 'next/server';
import { Suspense } from 'react';

import { getDashboardOptions } from '@/server/dashboard-options';

import { Dashboard } from './dashboard';
import { DashboardErrorBoundary } from './dashboard-error-boundary';
import { DashboardSkeleton } from './dashboard-skeleton';

async function DashboardWithOptions() {
  // Read at request time, never during `next build`: the filter values are the warehouse's.
  await connection();
  const options = await getDashboardOptions();
  return <Dashboard options={options} />;
}

export function DashboardSection() {
  return (
    <DashboardErrorBoundary>
      <Suspense fallback={<DashboardSkeleton />}>
        <DashboardWithOptions />
      </Suspense>
    </DashboardErrorBoundary>
  );
}
