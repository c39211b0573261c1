/**
 * The sessions behind a figure (/api/sessions) as the drawer pages them: for each selection, page 1, then
 * the cursor followed to page 50 (100 sessions a page); p50 and p95 of page 1 and of page 50 over the
 * selections and rounds, warm, one request at a time against the production server.
 */
import { percentile, startAppServer } from '../support/app-server';

const SELECTIONS = ['', 'device_type=tv', 'day_type=weekend&hour=21', 'length_bucket=15-30m', 'completed=true&content_type=movie', 'subscription_plan=premium,standard'];

interface Page {
  ms: number;
  next: string | null;
}

async function page(base: string, query: string): Promise<Page> {
  const started = performance.now();
  const response = await fetch(`${base}/api/sessions?${query}`);
  const body = (await response.json()) as { next_cursor: string | null };
  if (!response.ok) throw new Error(`/api/sessions?${query} answered ${response.status}`);
  return { ms: performance.now() - started, next: body.next_cursor };
}

export interface SessionsPagesRun {
  selections: number;
  first: { p50: number; p95: number };
  fiftieth: { p50: number; p95: number };
}

export async function measureSessionsPages(env: Record<string, string>, { rounds = 3, port = 3303 } = {}): Promise<SessionsPagesRun> {
  const server = await startAppServer(port, env);
  try {
    const first: number[] = [];
    const fiftieth: number[] = [];
    for (let round = 0; round <= rounds; round++) {
      for (const selection of SELECTIONS) {
        let current = await page(server.base, selection);
        if (round > 0) first.push(current.ms); // round 0 warms
        for (let n = 2; n <= 50 && current.next; n++) {
          current = await page(server.base, `${selection}${selection ? '&' : ''}cursor=${encodeURIComponent(current.next)}`);
          if (n === 50 && round > 0) fiftieth.push(current.ms);
        }
      }
    }
    const stats = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
    };
    return { selections: SELECTIONS.length, first: stats(first), fiftieth: stats(fiftieth) };
  } finally {
    await server.stop();
  }
}

export function printSessionsPages(label: string, run: SessionsPagesRun): void {
  console.log(`\nThe sessions behind a figure, ${label} (${run.selections} selections, 100 a page, warm, ms):`);
  console.log('page        p50 ms     p95 ms');
  console.log(`1      ${run.first.p50.toFixed(1).padStart(11)}${run.first.p95.toFixed(1).padStart(11)}`);
  console.log(`50     ${run.fiftieth.p50.toFixed(1).padStart(11)}${run.fiftieth.p95.toFixed(1).padStart(11)}`);
}
