import 'server-only';

import { Readable } from 'node:stream';

import type { SqlRunner } from '@/db/warehouse';

import { metricCsv } from './csv';
import { warehouseErrorResponse } from './errors';
import { METRIC_NAMES, ParamError, parseMetricParams, prepareMetric, runMetric, type EchoedParams, type MetricName, type PreparedMetric, type RunOptions } from '.';

function isMetricName(name: string): name is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(name);
}

function errorResponse(status: number, code: string, message: string, param?: string): Response {
  return Response.json({ error: { code, ...(param ? { param } : {}), message } }, { status });
}

/** `<metric>[_<by>]_<from>_<to>.csv`, from validated values only. */
export function csvFilename(metric: MetricName, params: EchoedParams): string {
  const by = typeof params.by === 'string' ? `_${params.by}` : '';
  return `${metric}${by}_${params.from}_${params.to}.csv`;
}

function csvResponse(prepared: PreparedMetric, body: Readable): Response {
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFilename(prepared.metric, prepared.echo)}"`,
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
  try {
    if (format === 'json') return Response.json(await runMetric(name, url.searchParams, warehouse, options));
    const prepared = await prepareMetric(name, url.searchParams, warehouse, options);
    return csvResponse(prepared, await metricCsv(prepared));
  } catch (error) {
    const mapped = warehouseErrorResponse(error);
    if (mapped.status === 500) console.error(`metric ${name} failed`, error);
    return Response.json(mapped.body, { status: mapped.status });
  }
}
