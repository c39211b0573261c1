import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import type { RecordKind } from '../contract/parse-line';

export interface DatasetFile {
  name: string;
  path: string;
  kind: RecordKind;
}

function kindOf(name: string): RecordKind | undefined {
  if (name === 'users.jsonl') return 'user';
  if (name === 'content.jsonl') return 'content';
  if (/^events.*\.jsonl$/.test(name)) return 'event';
  return undefined;
}

const ORDER: Record<RecordKind, number> = { user: 0, content: 1, event: 2 };

/**
 * The dataset files of a directory: dimensions first (so this load's facts find their members), then the
 * event files in name order, which is how a stream consumer names them (one per hour or per day).
 */
export async function listDatasetFiles(dir: string): Promise<{ files: DatasetFile[]; ignored: string[] }> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`${dir} is not a directory`);
  const files: DatasetFile[] = [];
  const ignored: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const kind = kindOf(name);
    if (kind) files.push({ name, path: join(dir, name), kind });
    else ignored.push(name);
  }
  if (files.length === 0) throw new Error(`${dir} holds no users.jsonl, content.jsonl or events*.jsonl`);
  files.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.name < b.name ? -1 : 1));
  return { files, ignored };
}
