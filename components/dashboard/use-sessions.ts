'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';

import type { ApiErrorBody, MetricColumn } from '@/types/dashboard';

import { sessionsUrl } from './session-selection';
import { MetricError } from './use-metric';

/** One session of /api/sessions (metrics.md, metric 10). */
export interface SessionRow {
  session_id: string;
  user_id: string;
  content_id: string;
  title: string | null;
  device_type: string;
  /** Local date and time in the viewer's zone, YYYY-MM-DDTHH:MM:SS.sss. */
  local_start: string;
  session_length_seconds: number;
  watch_seconds: number;
  is_completed: boolean;
  status: 'open' | 'closed';
}

/** One page of the sessions behind a figure, and how many there are in all. */
export interface SessionsAnswer {
  columns: MetricColumn[];
  rows: SessionRow[];
  total: number;
  next_cursor: string | null;
  params: Record<string, string | number | string[]>;
  sql: string;
  sql_params: unknown[];
}

/** Sessions per page of the drawer; the API's default, sent so that the page's first row number is known. */
export const SESSIONS_PAGE_SIZE = 100;

/** A page as the drawer shows it: the answer, and how many sessions come before its first row. */
export interface SessionsPage extends SessionsAnswer {
  offset: number;
}

async function fetchSessions(url: string, signal: AbortSignal): Promise<SessionsAnswer> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new MetricError(response.status, body?.error.code ?? 'error', body?.error.message ?? `The server answered ${response.status}.`, body?.error.param);
  }
  return (await response.json()) as SessionsAnswer;
}

/**
 * One page of sessions: the selection's query, the page's cursor (null for the first) and its number from
 * 0. The previous page stays on screen, dimmed and numbered as it was, while the next one is read, so
 * the paging buttons do not jump.
 */
export function useSessions(query: URLSearchParams, cursor: string | null, page: number) {
  const search = new URLSearchParams(query);
  search.set('limit', String(SESSIONS_PAGE_SIZE));
  const url = sessionsUrl(search, { cursor });
  return useQuery({
    queryKey: ['sessions', url],
    queryFn: async ({ signal }): Promise<SessionsPage> => ({ ...(await fetchSessions(url, signal)), offset: page * SESSIONS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
    retry: (failures, error) => failures < 1 && error instanceof MetricError && error.status === 503,
  });
}
