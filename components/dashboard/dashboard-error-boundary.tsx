'use client';

import { catchError, type ErrorInfo } from 'next/error';

import { WarehouseError } from '@/components/ui/warehouse-error';

import styles from './dashboard.module.css';

function DashboardError(_props: object, { error, retry }: ErrorInfo) {
  return (
    <div className={styles.dashboard}>
      <WarehouseError title="The dashboards could not read the warehouse" error={error} retry={retry} />
    </div>
  );
}

/** Keeps a warehouse outage inside the dashboards instead of replacing the whole page. */
export const DashboardErrorBoundary = catchError(DashboardError);
