import type { z } from 'zod';

import { fastEvent } from './fast-event';
import { contentRecord, eventRecord, userRecord } from './records';

export type RecordKind = 'user' | 'content' | 'event';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const schemas = { user: userRecord, content: contentRecord, event: eventRecord } as const;

type Parsed<K extends RecordKind> = z.output<(typeof schemas)[K]>;

/** One JSON Lines record checked against the contract; a refusal carries a reason naming the field. */
export function parseLine<K extends RecordKind>(kind: K, line: string): ParseResult<Parsed<K>> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, reason: 'not a JSON object' };
  }
  if (kind === 'event') {
    const fast = fastEvent(json);
    if (fast) return { ok: true, value: fast as Parsed<K> };
  }
  const result = schemas[kind].safeParse(json);
  if (result.success) return { ok: true, value: result.data as Parsed<K> };
  const [issue] = result.error.issues;
  const path = issue?.path.join('.') || kind;
  return { ok: false, reason: `${path}: ${issue?.message ?? 'invalid'}` };
}
