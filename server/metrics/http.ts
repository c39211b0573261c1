import 'server-only';

import { Readable } from 'node:stream';

import { stringify } from 'csv-stringify';

import type { SqlRunner } from '@/db/warehouse';

import { warehouseErrorResponse } from './errors';
import { METRIC_NAMES, ParamError, parseMetricParams, runMetric, type MetricName, type MetricResult, type RunOptions } from '.';

function isMetricName(name: string): name is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(name);
}

function errorResponse(status: number, code: string, message: string, param?: string): Response {
  return Response.json({ error: { code, ...(param ? { param } : {}), message } }, { status });
}

/** `<metric>[_<by>]_<from>_<to>.csv`, from validated values only. */
export function csvFilename(result: MetricResult): string {
  const by = typeof result.params.by === 'string' ? `_${result.params.by}` : '';
  return `${result.metric}${by}_${result.params.from}_${result.params.to}.csv`;
}

/** RFC 4180 CSV of the answer's rows, encoded as a stream. */
function csvResponse(result: MetricResult): Response {
  const columns = result.columns.map((c) => c.name);
  const csv = Readable.from(result.rows).pipe(stringify({ header: true, columns, record_delimiter: 'windows', cast: { boolean: (v) => String(v) } }));
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFilename(result)}"`,
    },
  });
}

/**
 * GET /api/metrics/<metric>: validates (a bad request never reaches the warehouse), runs the metric and
 * answers JSON or CSV, or the error shape of api.md.
 */
export async function handleMetricRequest(name: string, url: URL, warehouse?: SqlRunner, options?: RunOptions): Promise<Response> {
  if (!isMetricName(name)) return errorResponse(404, 'not_found', `no metric ${name}; metrics: ${METRIC_NAMES.join(', ')}`);
  let format: 'json' | 'csv';
  try {
    format = parseMetricParams(name, url.searchParams).format;
  } catch (error) {
    if (error instanceof ParamError) return errorResponse(400, error.code, error.message, error.param);
    throw error;
  }
  let result: MetricResult;
  try {
    result = await runMetric(name, url.searchParams, warehouse, options);
  } catch (error) {
    const mapped = warehouseErrorResponse(error);
    if (mapped.status === 500) console.error(`metric ${name} failed`, error);
    return Response.json(mapped.body, { status: mapped.status });
  }
  return format === 'csv' ? csvResponse(result) : Response.json(result);
}
