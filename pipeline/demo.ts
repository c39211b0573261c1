import { join } from 'node:path';

import { migrate } from '@/db/migrate';
import type { Warehouse } from '@/db/warehouse';

import { DEFAULTS, generateDataset, todayUtc } from './generate';
import { loadDataset } from './load/load-dataset';

export interface DemoOptions {
  /** Where the generated dataset is written (kept, so it can be inspected or reloaded). */
  dataDir: string;
  log: (line: string) => void;
  /** Last day of the demo period; today by default, so "last month" is always populated. */
  end?: string;
}

/**
 * Brings a warehouse up to date and, when it holds no events yet, fills it with the demo dataset: a few
 * thousand users over the last 60 days, generated deterministically and loaded like any user dataset.
 */
export async function ensureDemoData(warehouse: Warehouse, options: DemoOptions): Promise<'loaded' | 'present'> {
  await migrate(warehouse, { log: (line) => options.log(`migration: ${line}`) });
  const [existing] = await warehouse.query<{ n: number }>('SELECT COUNT(*) AS n FROM etl_load');
  if ((existing?.n ?? 0) > 0) return 'present';

  const dir = join(options.dataDir, 'demo');
  const end = options.end ?? todayUtc();
  options.log(`generating the demo dataset (${DEFAULTS.users} users, ${DEFAULTS.days} days to ${end}) in ${dir}`);
  const started = Date.now();
  const summary = await generateDataset({ outDir: dir, end });
  options.log(`generated ${summary.eventLines.toLocaleString('en-US')} event lines in ${((Date.now() - started) / 1000).toFixed(1)} s; loading…`);
  let lastLogged = 0;
  const report = await loadDataset(warehouse, dir, {
    onProgress: (p) => {
      if (p.phase === 'transforming') options.log('sessionizing in the warehouse…');
      else if (p.phase === 'reading' && p.linesRead - lastLogged >= 100_000) {
        lastLogged = p.linesRead;
        options.log(`reading ${p.file}: ${p.linesRead.toLocaleString('en-US')} lines`);
      }
    },
  });
  const e = report.events;
  options.log(
    `demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.sessionsRebuilt.toLocaleString('en-US')} sessions; ` +
      `${e.lines_read.toLocaleString('en-US')} event lines = ${e.events_kept.toLocaleString('en-US')} kept + ${e.duplicates} duplicates + ${e.rejected} rejected`,
  );
  return 'loaded';
}
