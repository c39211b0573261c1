import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll } from 'vitest';

export type Line = object | string;

export interface DatasetParts {
  users?: Line[];
  content?: Line[];
  /** file name (events*.jsonl) → lines; raw strings are written as they are. */
  events?: Record<string, Line[]>;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const toText = (lines: Line[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';

/** Writes a dataset directory in the contract's shape; removed after the test file. */
export function writeDataset(parts: DatasetParts): string {
  const dir = mkdtempSync(join(tmpdir(), 'streamflix-dataset-'));
  dirs.push(dir);
  if (parts.users) writeFileSync(join(dir, 'users.jsonl'), toText(parts.users));
  if (parts.content) writeFileSync(join(dir, 'content.jsonl'), toText(parts.content));
  for (const [name, lines] of Object.entries(parts.events ?? {})) writeFileSync(join(dir, name), toText(lines));
  return dir;
}

export const device = { device_id: 'd_tv', device_type: 'tv', os: 'tizen', app_version: '5.2.1' };

/** A playback or rate event with the contract's fields; override what the case is about. */
export function event(fields: Record<string, unknown>): Record<string, unknown> {
  return { user_id: 'u_ny', content_id: 'm_long', device, ...fields };
}
