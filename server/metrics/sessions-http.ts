import 'server-only';

import { Readable } from 'node:stream';

import { getWarehouse } from '@/db';
import type { SqlRunner } from '@/db/warehouse';

import { metricCsv } from './csv';
import { warehouseErrorResponse } from './errors';
import { ParamError, type MetricParams } from './params';
import { resolvePeriod } from './period';
import { encodeCursor, parseSessionParams, sessionExportQuery, sessionPageQuery, type Keyset, type SessionParams } from './sessions';

/** The parameters as understood (api.md `params`): the period resolved, defaults filled in, no cursor. */
function echo(params: SessionParams, period: { from: string; to: string }): Record<string, unknown> {
  const { format: _format, filters, cursor: _cursor, ...rest } = params;
  return { ...rest, from: period.from, to: period.to, ...filters };
}

/**
 * GET /api/sessions (metric 10): one page as JSON with the exact total and the next page's cursor, or
 * every matching session as CSV. A bad request never reaches the warehouse; a tampered cursor is a 400.
 */
export async function handleSessionsRequest(url: URL, warehouse?: SqlRunner, options: { now?: Date } = {}): Promise<Response> {
  let params: SessionParams;
  try {
    params = parseSessionParams(url.searchParams);
  } catch (error) {
    if (error instanceof ParamError) return Response.json({ error: error.toJSON() }, { status: 400 });
    throw error;
  }
  try {
    warehouse ??= await getWarehouse();
    const period = await resolvePeriod(params as MetricParams, warehouse, options.now);
    if (params.format === 'csv') {
      const body = await metricCsv({ query: sessionExportQuery(params, period), warehouse });
      return new Response(Readable.toWeb(body) as ReadableStream, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="sessions_${period.from}_${period.to}.csv"`,
        },
      });
    }
    const query = sessionPageQuery(params, period);
    const answer = query.read(await warehouse.query(query.sql, query.values));
    const limit = params.limit ?? answer.rows.length;
    const keysets = (answer.extra?.keysets ?? []) as Keyset[];
    const last = keysets[limit - 1];
    const next = answer.rows.length > limit && last ? encodeCursor(last, params) : null;
    return Response.json({
      params: echo(params, period),
      columns: query.columns,
      rows: answer.rows.slice(0, limit),
      total: answer.summary.total,
      next_cursor: next,
      sql: query.sql,
      sql_params: query.values,
    });
  } catch (error) {
    const mapped = warehouseErrorResponse(error);
    if (mapped.status === 500) console.error('sessions failed', error);
    return Response.json(mapped.body, { status: mapped.status });
  }
}
