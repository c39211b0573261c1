import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Warehouse } from '@/db/warehouse';
import { loadDataset } from '@/pipeline/load/load-dataset';
import { writeDataset } from '@/test/support/dataset';
import { content, events, NOW, users } from '@/test/support/metric-cases';
import { testEngines } from '@/test/support/test-warehouse';

import { handleMetricRequest } from './http';
import { allowedParams, METRIC_NAMES, type MetricName } from './params';

/**
 * Hostile requests against every parameter of every metric: whatever arrives, the answer is a 400 that
 * names a parameter, or a 200 whose statement does not depend on the values sent (they travel as bind
 * values only) and whose rows are those of harmless stand-in values. Never a 500.
 */

const ALL_PARAMS = [...new Set(METRIC_NAMES.flatMap((m) => allowedParams(m)))];
/** The filters without a fixed domain: any text up to 64 characters passes validation and reaches the warehouse. */
const FREE_TEXT = ['genre', 'country'] as const;
/** The dataset's own values, so a request naming one may rightly get rows its stand-in would not. */
const REAL_VALUES = new Set(['Drama', 'Comedy', 'Sci-Fi', 'Unknown', 'US', 'JP', 'GB']);

const INJECTIONS = [
  "' OR '1'='1",
  "Drama' OR '1'='1",
  "'; DROP TABLE dim_user; --",
  '1; SELECT pg_sleep(10)',
  "Drama') UNION SELECT usename, passwd, 1, 1 FROM pg_shadow --",
  '$1',
  '$$ || $$',
  "\\'",
  '"; --',
  '/* */',
  ':load_id',
  '%27%20OR%201=1',
  '\u0000',
  "US'::text --",
  '${7*7}',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  ' Drama ',
  'Drama,Drama',
];
const NUMBERS = [
  '9'.repeat(40), '99999999999', '1e308', '-1', '0', '1.5', '0x10', ' 10', '10 ', 'Infinity', 'NaN', '-0', '٣', '１０',
  '10000', '10001', '9007199254740993', '1', '5', '100',
];
const DATES = [
  '2026-10-01', '2026-10-31', '2026-11-02', '2025-09-01', '2026-02-29', '2024-02-29', '2026-13-01', '2026-10-1',
  '2026-10-01T00:00:00Z', '+002026-10-01', '0000-01-01', '9999-12-31', '2026-10-01\n', '', '2026/10/01',
];
const VALID = [
  'user', 'genre', 'device_type', 'json', 'csv', 'tv', 'mobile', 'web', 'movie', 'episode', 'premium', 'basic',
  'Drama', 'Comedy,Sci-Fi', 'US', 'JP,GB', 'Unknown',
];

const value = fc.oneof(
  { arbitrary: fc.constantFrom(...VALID, ...DATES, ...NUMBERS), weight: 6 },
  { arbitrary: fc.constantFrom(...INJECTIONS), weight: 5 },
  { arbitrary: fc.array(fc.constantFrom(...VALID, ...INJECTIONS), { minLength: 1, maxLength: 4 }).map((l) => l.join(',')), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 70 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 70 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 60, maxLength: 3000 }), weight: 1 },
);
const name = fc.oneof(
  { arbitrary: fc.constantFrom(...ALL_PARAMS), weight: 6 },
  // The parameters whose text reaches the warehouse get a larger share of the hostile values.
  { arbitrary: fc.constantFrom(...FREE_TEXT), weight: 4 },
  { arbitrary: fc.constantFrom('BY', 'from ', 'limit[]', 'sql', 'id', '__proto__', 'constructor', 'toString'), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 1 },
);
const metric = fc.constantFrom(...METRIC_NAMES);

/** A valid request for the metric, before the hostile edits: most edits then hit one parameter at a time. */
function validBase(m: MetricName) {
  return fc
    .record(
      {
        period: fc.constantFrom(['2026-10-01', '2026-10-31'], ['2026-09-01', '2026-11-30'], ['2026-10-05', '2026-10-05']),
        format: fc.constantFrom('json', 'csv'),
        device_type: fc.constantFrom('tv', 'mobile,web', 'Unknown'),
        genre: fc.constantFrom('Drama', 'Comedy,Sci-Fi'),
        content_type: fc.constantFrom('movie', 'episode'),
        subscription_plan: fc.constantFrom('premium', 'basic,standard'),
        country: fc.constantFrom('US', 'JP,GB'),
        limit: fc.constantFrom('1', '2', '10000'),
        min_sessions: fc.constantFrom('1', '2'),
        min_ratings: fc.constantFrom('1', '3'),
      },
      { requiredKeys: [] },
    )
    .map((r) => {
      const allowed = allowedParams(m);
      const sent: [string, string][] = m === 'watch-time' ? [['by', 'genre']] : [];
      for (const [key, v] of Object.entries(r)) {
        if (key === 'period' && Array.isArray(v)) sent.push(['from', v[0] ?? ''], ['to', v[1] ?? '']);
        else if (allowed.includes(key) && typeof v === 'string') sent.push([key, v]);
      }
      return sent;
    });
}

const edit = fc.record({ name, value, repeat: fc.boolean() });

/** The metric, and a valid request with zero to three parameters replaced, added or repeated. */
const request = metric.chain((m) =>
  fc.tuple(fc.constant(m), validBase(m), fc.array(edit, { maxLength: 3 })).map(([, base, edits]) => {
    const sent = [...base];
    for (const e of edits) {
      const at = sent.findIndex(([n]) => n === e.name);
      if (at === -1 || e.repeat) sent.push([e.name, e.value]);
      else sent[at] = [e.name, e.value];
    }
    return { m, sent };
  }),
);

function urlOf(m: string, params: readonly (readonly [string, string])[]): URL {
  const url = new URL(`http://localhost/api/metrics/${encodeURIComponent(m)}`);
  for (const [n, v] of params) url.searchParams.append(n, v);
  return url;
}

interface Answer {
  status: number;
  contentType: string | null;
  body: {
    error?: { code?: unknown; param?: unknown; message?: unknown };
    metric?: string;
    params?: Record<string, unknown>;
    rows?: unknown[];
    summary?: unknown;
    sql?: string;
    sql_params?: unknown[];
  } | string;
}

describe('hostile requests to the metrics API [duckdb]', () => {
  let warehouse: Warehouse;
  const duckdb = testEngines.find((h) => h.engine === 'duckdb')!;

  beforeAll(async () => {
    warehouse = await duckdb.migrated();
    await loadDataset(warehouse, writeDataset({ users, content, events }), { now: NOW });
  });
  afterAll(async () => {
    await warehouse.close();
  });

  async function ask(m: string, url: URL): Promise<Answer> {
    const response = await handleMetricRequest(m, url, warehouse, { now: NOW });
    const contentType = response.headers.get('content-type');
    const body = contentType?.startsWith('application/json') ? ((await response.json()) as Answer['body']) : await response.text();
    return { status: response.status, contentType, body };
  }

  /** A 400 names one parameter of the request or of the metric, in the API's error shape. */
  function expectBadRequest(answer: Answer, m: MetricName, sent: readonly (readonly [string, string])[]): void {
    expect(typeof answer.body).toBe('object');
    const error = (answer.body as Exclude<Answer['body'], string>).error;
    expect(error?.code).toBe('invalid_parameter');
    expect(typeof error?.message).toBe('string');
    // A parameter with an empty name (`?=x`) is refused as unknown, but http.ts only names a non-empty param.
    if (error?.param === undefined) expect(sent.map(([n]) => n)).toContain('');
    else expect([...sent.map(([n]) => n), ...allowedParams(m)]).toContain(error.param);
  }

  it('answers every combination of parameters with a 400 naming a parameter or a correct 200, never a 500', { timeout: 60_000 }, async () => {
    const seen: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(request, async ({ m, sent }) => {
        const url = urlOf(m, sent);
        const answer = await ask(m, url);
        seen[answer.status] = (seen[answer.status] ?? 0) + 1;
        expect([200, 400], JSON.stringify({ url: url.search, answer })).toContain(answer.status);
        if (answer.status === 400) return expectBadRequest(answer, m, sent);
        if (typeof answer.body === 'string') {
          expect(answer.contentType).toBe('text/csv; charset=utf-8');
          return;
        }
        const body = answer.body;
        expect(body.metric).toBe(m);
        expect(typeof body.sql).toBe('string');

        // The same request with every free-text value swapped for a harmless stand-in must send the very
        // same statement: the values are bind values and nothing else.
        const standIn = new URL(url);
        const originalOf = new Map<string, string>();
        for (const filter of FREE_TEXT) {
          const list = body.params?.[filter];
          if (!Array.isArray(list)) continue;
          const names = list.map((_, i) => `stand_in_${filter}_${i}`);
          standIn.searchParams.set(filter, names.join(','));
          names.forEach((n, i) => originalOf.set(n, String(list[i])));
        }
        if (originalOf.size === 0) return;
        const control = await ask(m, standIn);
        expect(control.status).toBe(200);
        const controlBody = control.body as Exclude<Answer['body'], string>;
        expect(body.sql).toBe(controlBody.sql);
        expect(controlBody.sql_params?.map((p) => (typeof p === 'string' ? (originalOf.get(p) ?? p) : p))).toEqual(body.sql_params);
        if (![...originalOf.values()].some((v) => REAL_VALUES.has(v))) {
          expect(body.rows).toEqual(controlBody.rows);
          expect(body.summary).toEqual(controlBody.summary);
        }
      }),
      { numRuns: 500 },
    );
    // Not a vacuous pass: a fair share of the hostile requests was valid enough to reach the warehouse.
    expect(seen[200] ?? 0).toBeGreaterThan(100);
    expect(seen[400] ?? 0).toBeGreaterThan(100);
  });

  it('keeps injection payloads in the free-text filters out of the statement, and matches nothing with them', async () => {
    for (const m of METRIC_NAMES) {
      // `$1` is in every statement as a placeholder; the swap test above covers it.
      for (const payload of INJECTIONS.filter((p) => !p.includes(',') && !['', 'Drama', '$1', '\u0000'].includes(p.trim()))) {
        const sent = [['genre', payload], ['country', payload], ...(m === 'watch-time' ? [['by', 'genre'] as const] : [])] as const;
        const answer = await ask(m, urlOf(m, sent));
        expect(answer.status, payload).toBe(200);
        const body = answer.body as Exclude<Answer['body'], string>;
        expect(body.sql).not.toContain(payload.trim());
        expect(body.sql_params).toContain(payload.trim());
        // Peak hours, session duration and the trend answer every hour, bucket or day, empty or not.
        if (m === 'trend') expect((body.rows as { sessions: number }[]).every((r) => r.sessions === 0), payload).toBe(true);
        else if (m === 'overview') expect(body.summary, payload).toMatchObject({ sessions: 0, ratings: 0 });
        else if (m !== 'peak-hours' && m !== 'session-duration') expect(body.rows, payload).toEqual([]);
      }
    }
  });

  it('refuses a NUL character in a filter (the warehouse cannot store or compare one) with a 400, not a 500', async () => {
    for (const filter of ['genre', 'country', 'device_type']) {
      const answer = await ask('peak-hours', urlOf('peak-hours', [[filter, 'Drama\u0000']]));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'invalid_parameter', param: filter } });
    }
  });

  it('answers 404 for any name that is not a metric', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('../etc/passwd', 'watch-time/', 'WATCH-TIME', '%00', 'peak-hours;')), async (m) => {
        fc.pre(!(METRIC_NAMES as readonly string[]).includes(m));
        const answer = await ask(m, urlOf(m, []));
        expect(answer.status).toBe(404);
        expect((answer.body as Exclude<Answer['body'], string>).error?.code).toBe('not_found');
      }),
      { numRuns: 100 },
    );
  });

  it('answers raw query strings (broken percent-encoding, stray separators) with a 400 or a 200', async () => {
    const raw = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
      fc.array(fc.constantFrom('%', '%zz', '%E2%82', '&', '=', '==', '+', '#', 'from=2026-10-01', 'to=2026-10-31', 'by=user', 'limit=%31', 'genre=%27'), { maxLength: 10 }).map((a) => a.join('')),
    );
    await fc.assert(
      fc.asyncProperty(metric, raw, async (m, query) => {
        const url = new URL(`http://localhost/api/metrics/${m}?${query}`);
        const answer = await ask(m, url);
        expect([200, 400], url.search).toContain(answer.status);
        if (answer.status === 400) expectBadRequest(answer, m, [...url.searchParams.keys()].map((n) => [n, ''] as const));
      }),
      { numRuns: 150 },
    );
  });
});
