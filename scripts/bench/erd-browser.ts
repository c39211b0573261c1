/**
 * How soon the diagram at /model answers a person, in Debian's Chromium against the production server:
 * from navigation to every table drawn, and to the side panel opened by a click on the viewing fact.
 * A fresh page each time, so each navigation loads and lays out the diagram anew.
 */
import { chromium } from '@playwright/test';

import { percentile } from '../support/app-server';

export interface ErdBrowserTiming {
  runs: number;
  drawnMs: { p50: number; max: number };
  interactiveMs: { p50: number; max: number };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function measureErdInBrowser(base: string, runs = 5): Promise<ErdBrowserTiming> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const drawn: number[] = [];
    const interactive: number[] = [];
    // One navigation first, so that the timed ones meet a warm server, as a returning analyst does.
    for (let run = 0; run <= runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const started = performance.now();
      await page.goto(`${base}/model`);
      await page.locator('.react-flow__node[data-id="fact_viewing_session"]').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length >= 7);
      const drawnAt = performance.now();
      await page.locator('.react-flow__node[data-id="fact_viewing_session"]').getByText('fact_viewing_session', { exact: true }).click();
      await page.getByRole('complementary', { name: 'fact_viewing_session' }).waitFor();
      const interactiveAt = performance.now();
      if (run > 0) {
        drawn.push(drawnAt - started);
        interactive.push(interactiveAt - started);
      }
      await page.close();
    }
    const summary = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), max: sorted.at(-1) ?? NaN };
    };
    return { runs, drawnMs: summary(drawn), interactiveMs: summary(interactive) };
  } finally {
    await browser.close();
  }
}

export function printErdInBrowser(timing: ErdBrowserTiming): void {
  console.log(
    `\nERD in Chromium (/model, ${timing.runs} fresh navigations): every table drawn after ${timing.drawnMs.p50.toFixed(0)} ms ` +
      `(max ${timing.drawnMs.max.toFixed(0)}), the fact's panel open after a click at ${timing.interactiveMs.p50.toFixed(0)} ms (max ${timing.interactiveMs.max.toFixed(0)})`,
  );
}
