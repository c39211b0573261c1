'use client';

import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';

import type { ApiErrorBody, MetricAnswer } from '@/types/dashboard';

import { metricUrl, type MetricName } from './dashboard-state';

/** An answer the API refused or could not give, with its error shape (api.md). */
export class MetricError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'MetricError';
  }
}

async function fetchMetric<R>(metric: MetricName, query: string, signal: AbortSignal): Promise<MetricAnswer<R>> {
  const response = await fetch(metricUrl(metric, new URLSearchParams(query)), { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new MetricError(response.status, body?.error.code ?? 'error', body?.error.message ?? `The server answered ${response.status}.`, body?.error.param);
  }
  return (await response.json()) as MetricAnswer<R>;
}

/**
 * One metric request. The key is the metric and its full query string, so every filter is part of it and
 * two panels asking the same thing share one request. A refused request (400) is not retried: it will be
 * refused again; a busy or unreachable warehouse (503) is retried once. A null query waits: a request
 * that depends on another answer (the trend's comparison dates) is not sent before it.
 */
export function useMetric<R = Record<string, unknown>>(metric: MetricName, query: URLSearchParams | null) {
  const text = query === null ? null : query.toString();
  return useQuery({
    queryKey: ['metric', metric, text],
    queryFn: text === null ? skipToken : ({ signal }) => fetchMetric<R>(metric, text, signal),
    placeholderData: keepPreviousData,
    retry: (failures, error) => failures < 1 && error instanceof MetricError && error.status === 503,
  });
}
