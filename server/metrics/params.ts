import 'server-only';

import { z } from 'zod';

import { CONTENT_TYPES, DEVICE_TYPES, PLANS } from '@/pipeline/contract/records';
import { isCalendarDate } from '@/pipeline/contract/timestamp';
import { CONTENT_FILTERS, FILTERS, METRIC_NAMES, type ContentFilterKey, type FilterKey, type MetricName } from '@/types/dashboard';
import { COMPARE, GRAINS, type Compare, type Grain } from '@/types/period';

/**
 * Request parameters of the metric API (shared/spec/api.md), parsed and checked before anything reaches
 * the warehouse. The first problem found is reported as a ParamError naming its parameter.
 */

export { METRIC_NAMES };
export type { MetricName };

export const WATCH_TIME_BY = ['user', 'genre', 'device_type', 'title'] as const;
/** Completion's levels of the content hierarchy (metric 8). */
export const COMPLETION_LEVELS = ['item', 'season', 'title'] as const;
export type CompletionLevel = (typeof COMPLETION_LEVELS)[number];
export type WatchTimeBy = (typeof WATCH_TIME_BY)[number];

export const FILTER_NAMES = [...FILTERS, ...CONTENT_FILTERS] as const;
export type FilterName = FilterKey | ContentFilterKey;
export type Filters = Partial<Record<FilterName, string[]>>;

/** Inferred members carry `Unknown` (metrics.md), so it is a valid value of every filter. */
export const UNKNOWN = 'Unknown';
export const FILTER_DOMAINS: Partial<Record<FilterName, readonly string[]>> = {
  device_type: [...DEVICE_TYPES, UNKNOWN],
  content_type: [...CONTENT_TYPES, UNKNOWN],
  subscription_plan: [...PLANS, UNKNOWN],
};

export const MAX_FILTER_VALUE_LENGTH = 64;
/** dim_content.season_number is a SMALLINT. */
export const MAX_SEASON_NUMBER = 32_767;
export const MAX_LIMIT = 10_000;
export const DEFAULT_LIMIT = 100;
export const DEFAULT_TOP_TITLES = 10;
export const DEFAULT_MIN_SESSIONS = 10;
export const DEFAULT_MIN_RATINGS = 5;
/** The longest period accepted, in days, both ends included. */
export const MAX_PERIOD_DAYS = 400;

export type Format = 'json' | 'csv';

export interface MetricParams {
  /** Both present or both absent (then the default period applies, see period.ts). */
  from?: string;
  to?: string;
  format: Format;
  filters: Filters;
  /** watch-time only (required there). */
  by?: WatchTimeBy;
  /** watch-time and completion: 1..10000; JSON defaults to 100, CSV without a limit has every row. */
  limit?: number;
  /** completion only. */
  min_sessions?: number;
  /** completion only: defaults to item. */
  level?: CompletionLevel;
  /** rating-popularity only. */
  min_ratings?: number;
  /** overview only: the comparison period, if any. */
  compare?: Compare;
  /** trend only: defaults to day. */
  grain?: Grain;
}

export class ParamError extends Error {
  readonly code = 'invalid_parameter' as const;
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParamError';
  }

  toJSON(): { code: 'invalid_parameter'; param: string; message: string } {
    return { code: this.code, param: this.param, message: this.message };
  }
}

const COMMON_PARAMS = ['from', 'to', 'format', ...FILTER_NAMES] as const;
const EXTRA_PARAMS: Record<MetricName, readonly string[]> = {
  'watch-time': ['by', 'limit'],
  'peak-hours': [],
  completion: ['level', 'min_sessions', 'limit'],
  'session-duration': [],
  'rating-popularity': ['min_ratings'],
  overview: ['compare'],
  'top-titles': ['limit'],
  trend: ['grain'],
};

export function allowedParams(metric: MetricName): readonly string[] {
  return [...COMMON_PARAMS, ...EXTRA_PARAMS[metric]];
}

export type RawParams = URLSearchParams | Record<string, string | readonly string[] | undefined>;

/** One value per name; a name given twice is ambiguous and rejected. */
function toRecord(raw: RawParams): { values: Map<string, string>; repeated?: string } {
  const values = new Map<string, string>();
  let repeated: string | undefined;
  const add = (name: string, value: string) => {
    if (values.has(name)) repeated ??= name;
    else values.set(name, value);
  };
  if (raw instanceof URLSearchParams) {
    for (const [name, value] of raw) add(name, value);
  } else {
    for (const [name, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      if (typeof value === 'string') add(name, value);
      else for (const v of value) add(name, v);
    }
  }
  return { values, repeated };
}

const date = (name: string) =>
  z.string().refine(isCalendarDate, { error: `${name} must be a date YYYY-MM-DD` });

const integer = (name: string, min: number, max?: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: `${name} must be an integer` })
    .transform(Number)
    .refine((n) => n >= min && (max === undefined || n <= max), {
      error: max === undefined ? `${name} must be at least ${min}` : `${name} must be between ${min} and ${max}`,
    });

export const DAY_TYPES = ['weekday', 'weekend'] as const;
/** Metric 4's histogram buckets as metric 10 names them, in order. */
export const LENGTH_BUCKETS = ['0-5m', '5-15m', '15-30m', '30-60m', '60-120m', '120m+'] as const;
export type LengthBucket = (typeof LENGTH_BUCKETS)[number];

const text = (name: string) =>
  z
    .string()
    .min(1, { error: `${name} must not be empty` })
    .max(MAX_FILTER_VALUE_LENGTH, { error: `${name} must be at most ${MAX_FILTER_VALUE_LENGTH} characters` })
    .refine((value) => !value.includes('\u0000'), { error: `${name} must not contain a NUL character` });

const filterList = (name: FilterName) => {
  const domain = FILTER_DOMAINS[name];
  return z.string().refine((text) => !text.includes('\u0000'), { error: `${name} must not contain a NUL character` }).transform((text, ctx) => {
    const items = text.split(',').map((v) => v.trim());
    for (const item of items) {
      if (item === '') {
        ctx.addIssue({ code: 'custom', message: `${name} must be a comma-separated list of non-empty values` });
        return z.NEVER;
      }
      if (item.length > MAX_FILTER_VALUE_LENGTH) {
        ctx.addIssue({ code: 'custom', message: `${name} values must be at most ${MAX_FILTER_VALUE_LENGTH} characters` });
        return z.NEVER;
      }
      if (name === 'season_number' && !(/^\d{1,5}$/.test(item) && Number(item) >= 1 && Number(item) <= MAX_SEASON_NUMBER)) {
        ctx.addIssue({ code: 'custom', message: `season_number must be a comma-separated list of integers between 1 and ${MAX_SEASON_NUMBER}` });
        return z.NEVER;
      }
      if (domain && !domain.includes(item)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be one of ${domain.join(', ')}` });
        return z.NEVER;
      }
    }
    return [...new Set(name === 'season_number' ? items.map((item) => String(Number(item))) : items)];
  });
};

// Keys in the order they are checked: the first failing one is reported.
const schema = z.object({
  by: z.enum(WATCH_TIME_BY, { error: `by must be one of ${WATCH_TIME_BY.join(', ')}` }).optional(),
  from: date('from').optional(),
  to: date('to').optional(),
  format: z.enum(['json', 'csv'], { error: 'format must be json or csv' }).optional(),
  limit: integer('limit', 1, MAX_LIMIT).optional(),
  min_sessions: integer('min_sessions', 1).optional(),
  min_ratings: integer('min_ratings', 1).optional(),
  level: z.enum(COMPLETION_LEVELS, { error: `level must be one of ${COMPLETION_LEVELS.join(', ')}` }).optional(),
  compare: z.enum(COMPARE, { error: `compare must be one of ${COMPARE.join(', ')}` }).optional(),
  grain: z.enum(GRAINS, { error: `grain must be one of ${GRAINS.join(', ')}` }).optional(),
  device_type: filterList('device_type').optional(),
  genre: filterList('genre').optional(),
  content_type: filterList('content_type').optional(),
  subscription_plan: filterList('subscription_plan').optional(),
  country: filterList('country').optional(),
  title_id: filterList('title_id').optional(),
  season_number: filterList('season_number').optional(),
  // /api/sessions only (sessions-params.ts): the selection behind a figure, and the page.
  content_id: text('content_id').optional(),
  user_id: text('user_id').optional(),
  day_type: z.enum(DAY_TYPES, { error: `day_type must be one of ${DAY_TYPES.join(', ')}` }).optional(),
  hour: integer('hour', 0, 23).optional(),
  completed: z.enum(['true', 'false'], { error: 'completed must be true or false' }).optional(),
  length_bucket: z.enum(LENGTH_BUCKETS, { error: `length_bucket must be one of ${LENGTH_BUCKETS.join(', ')}` }).optional(),
  cursor: z.string().max(1024, { error: 'cursor is not a cursor this API gave' }).optional(),
});

type ParsedQuery = z.infer<typeof schema>;

const DAY_MS = 86_400_000;
/** Days from `from` to `to`, both included. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * The checks every endpoint shares, in order: names it accepts, each given once, the values' own rules,
 * then the period. Returns the parsed values; throws ParamError on the first problem.
 */
export function parseQuery(endpoint: string, allowed: readonly string[], raw: RawParams, required?: { name: string; message: string }): ParsedQuery & { format: Format; filters: Filters } {
  const { values, repeated } = toRecord(raw);
  for (const name of values.keys()) {
    if (!allowed.includes(name)) {
      throw new ParamError(name, `unknown parameter ${name}; ${endpoint} accepts ${allowed.join(', ')}`);
    }
  }
  if (repeated !== undefined) throw new ParamError(repeated, `${repeated} must be given at most once`);
  if (required && !values.has(required.name)) throw new ParamError(required.name, required.message);

  const parsed = schema.safeParse(Object.fromEntries(values));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue?.path[0] ?? 'query');
    throw new ParamError(param, issue?.message ?? `${param} is invalid`);
  }
  const p = parsed.data;

  if ((p.from === undefined) !== (p.to === undefined)) {
    const missing = p.from === undefined ? 'from' : 'to';
    throw new ParamError(missing, 'from and to must be given together, or both left out for the default period');
  }
  if (p.from !== undefined && p.to !== undefined) {
    if (p.from > p.to) throw new ParamError('from', 'from must not be after to');
    if (periodDays(p.from, p.to) > MAX_PERIOD_DAYS) {
      throw new ParamError('to', `the period must not be longer than ${MAX_PERIOD_DAYS} days`);
    }
  }

  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const list = p[name];
    if (list) filters[name] = list;
  }
  return { ...p, format: p.format ?? 'json', filters };
}

/** Parses the query parameters of one metric endpoint; throws ParamError on the first problem. */
export function parseMetricParams(metric: MetricName, raw: RawParams): MetricParams {
  const by = metric === 'watch-time' ? { name: 'by', message: `by is required: one of ${WATCH_TIME_BY.join(', ')}` } : undefined;
  const p = parseQuery(metric, allowedParams(metric), raw, by);
  const { format, filters } = p;
  const result: MetricParams = { format, filters };
  if (p.from !== undefined && p.to !== undefined) {
    result.from = p.from;
    result.to = p.to;
  }
  if (metric === 'watch-time') result.by = p.by;
  if (metric === 'watch-time' || metric === 'completion' || metric === 'top-titles') {
    // CSV without a limit holds every row (api.md); JSON defaults to 100 (top titles: 10).
    const limit = p.limit ?? (format === 'json' ? (metric === 'top-titles' ? DEFAULT_TOP_TITLES : DEFAULT_LIMIT) : undefined);
    if (limit !== undefined) result.limit = limit;
  }
  if (metric === 'completion') {
    result.level = p.level ?? 'item';
    result.min_sessions = p.min_sessions ?? DEFAULT_MIN_SESSIONS;
  }
  if (metric === 'rating-popularity') result.min_ratings = p.min_ratings ?? DEFAULT_MIN_RATINGS;
  if (metric === 'overview' && p.compare !== undefined) result.compare = p.compare;
  if (metric === 'trend') result.grain = p.grain ?? 'day';
  return result;
}
