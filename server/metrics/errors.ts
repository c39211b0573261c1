import 'server-only';

import { WarehouseBusyError } from '@/db/limiter';

/** The API's error answer (api.md): never a stack trace. */
export interface ApiError {
  status: 400 | 404 | 500 | 503 | 504;
  body: { error: { code: string; param?: string; message: string } };
  /** Retry-After on a 503: when a client's retry has a fair chance. */
  headers?: Record<string, string>;
}

/** A queue slot frees within a statement or two; a warehouse that is down takes longer to come back. */
const RETRY_BUSY_SECONDS = 1;
const RETRY_UNAVAILABLE_SECONDS = 5;

// PostgreSQL SQLSTATEs: 57014 query_canceled (statement_timeout), class 08 connection exceptions,
// 57P01..57P03 the server shutting down or not yet accepting connections.
const UNAVAILABLE_CODES = /^(08|57P0[123]$|53300$)/;
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Maps a failure of the warehouse to 504 (the statement timeout cut the query) or 503 (every connection
 * is busy and the wait queue is full, or the warehouse cannot be reached); anything else is a 500 that
 * says no more than that.
 */
export function warehouseErrorResponse(error: unknown): ApiError {
  if (error instanceof WarehouseBusyError || codeOf(error) === 'warehouse_busy') {
    return {
      status: 503,
      body: { error: { code: 'warehouse_busy', message: 'The warehouse is busy with other requests; try again in a moment.' } },
      headers: { 'Retry-After': String(RETRY_BUSY_SECONDS) },
    };
  }
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : '';
  if (code === '57014') {
    return { status: 504, body: { error: { code: 'timeout', message: 'The query took longer than the warehouse statement timeout.' } } };
  }
  const unreachable =
    (code !== undefined && (UNAVAILABLE_CODES.test(code) || NETWORK_ERRORS.has(code))) ||
    // The embedded file is held by another process (a load from the command line): back once it exits.
    code === 'database_in_use' ||
    // "Query read timeout": no answer long after the statement timeout, so the server or the network is gone.
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Query read timeout/i.test(message);
  if (unreachable) {
    return {
      status: 503,
      body: { error: { code: 'warehouse_unavailable', message: 'The warehouse cannot be reached right now; try again shortly.' } },
      headers: { 'Retry-After': String(RETRY_UNAVAILABLE_SECONDS) },
    };
  }
  return { status: 500, body: { error: { code: 'internal_error', message: 'The request failed unexpectedly.' } } };
}
