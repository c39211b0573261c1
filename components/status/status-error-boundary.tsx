'use client';

import { catchError, type ErrorInfo } from 'next/error';

import { WarehouseError } from '@/components/ui/warehouse-error';

import { StatusSection } from './status-section';

function StatusError(_props: object, { error, retry }: ErrorInfo) {
  return (
    <StatusSection state="error">
      <WarehouseError title="The warehouse could not be reached" error={error} retry={retry} />
    </StatusSection>
  );
}

/** Keeps a warehouse outage inside the status section instead of replacing the whole page. */
export const StatusErrorBoundary = catchError(StatusError);
