/**
 * How soon the diagram answers a person and how smoothly it moves, in Debian's Chromium against the
 * production server, for the warehouse at /model and the synthetic 60-table galaxy at /model/synthetic:
 * from navigation to every table drawn, to the side panel opened by a click on a fact, and the frame
 * intervals while a table is dragged, the canvas panned and zoomed.
 * A fresh page each time, so each navigation loads and lays out the diagram anew.
 */
import { chromium, type Page } from '@playwright/test';

import { percentile } from '../support/app-server';

interface Spread {
  p50: number;
  max: number;
}

export interface ErdBrowserTiming {
  path: string;
  tables: number;
  runs: number;
  drawnMs: Spread;
  interactiveMs: Spread;
  /** requestAnimationFrame intervals over the gestures. */
  frames: { count: number; p50Ms: number; p95Ms: number; over50Ms: number };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const DIAGRAMS = [
  { path: '/model', tables: 7, fact: 'fact_viewing_session' },
  { path: '/model/synthetic', tables: 60, fact: 'fact_0' },
] as const;

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), max: sorted.at(-1) ?? NaN };
}

/** Drags the fact across the canvas, pans the canvas and zooms it, recording every frame drawn meanwhile. */
async function gestureFrames(page: Page, fact: string): Promise<number[]> {
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`(() => {
    window.framesSeen = [];
    window.recording = true;
    let last = performance.now();
    function tick(now) {
      window.framesSeen.push(now - last);
      last = now;
      if (window.recording) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  // The mouse works in viewport coordinates: bring the canvas on screen first.
  await page.locator('.react-flow').scrollIntoViewIfNeeded();
  const header = page.locator(`.react-flow__node[data-id="${fact}"]`).getByText(fact, { exact: true });
  const box = await header.boundingBox();
  if (!box) throw new Error(`${fact} has no box`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 200, { steps: 40 });
  await page.mouse.up();
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no pane');
  // Empty canvas near the top left corner, clear of the controls and the minimap.
  await page.mouse.move(pane.x + 20, pane.y + 20);
  await page.mouse.down();
  await page.mouse.move(pane.x + 320, pane.y + 220, { steps: 40 });
  await page.mouse.up();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -120 : 120);
  return page.evaluate<number[]>('window.recording = false, window.framesSeen.slice(1)');
}

async function measureDiagram(browser: Awaited<ReturnType<typeof chromium.launch>>, base: string, diagram: (typeof DIAGRAMS)[number], runs: number) {
  const drawn: number[] = [];
  const interactive: number[] = [];
  let frames: number[] = [];
  // One navigation first, so that the timed ones meet a warm server, as a returning analyst does.
  for (let run = 0; run <= runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const started = performance.now();
    await page.goto(`${base}${diagram.path}`);
    const fact = page.locator(`.react-flow__node[data-id="${diagram.fact}"]`);
    await fact.waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, diagram.tables);
    const drawnAt = performance.now();
    await fact.getByText(diagram.fact, { exact: true }).click();
    await page.getByRole('complementary', { name: diagram.fact }).waitFor();
    const interactiveAt = performance.now();
    if (run > 0) {
      drawn.push(drawnAt - started);
      interactive.push(interactiveAt - started);
    }
    if (run === runs) frames = await gestureFrames(page, diagram.fact);
    await page.close();
  }
  const sortedFrames = [...frames].sort((a, b) => a - b);
  return {
    path: diagram.path,
    tables: diagram.tables,
    runs,
    drawnMs: spread(drawn),
    interactiveMs: spread(interactive),
    frames: { count: frames.length, p50Ms: percentile(sortedFrames, 50), p95Ms: percentile(sortedFrames, 95), over50Ms: frames.filter((f) => f > 50).length },
  };
}

export async function measureErdInBrowser(base: string, runs = 5): Promise<ErdBrowserTiming[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const timings: ErdBrowserTiming[] = [];
    for (const diagram of DIAGRAMS) timings.push(await measureDiagram(browser, base, diagram, runs));
    return timings;
  } finally {
    await browser.close();
  }
}

export function printErdInBrowser(timings: readonly ErdBrowserTiming[]): void {
  for (const t of timings) {
    console.log(
      `\nERD in Chromium (${t.path}, ${t.tables} tables, ${t.runs} fresh navigations): every table drawn after ${t.drawnMs.p50.toFixed(0)} ms ` +
        `(max ${t.drawnMs.max.toFixed(0)}), the fact's panel open after a click at ${t.interactiveMs.p50.toFixed(0)} ms (max ${t.interactiveMs.max.toFixed(0)}); ` +
        `dragging a table, panning and zooming: ${t.frames.count} frames, interval p50 ${t.frames.p50Ms.toFixed(1)} ms, p95 ${t.frames.p95Ms.toFixed(1)} ms, ${t.frames.over50Ms} over 50 ms`,
    );
  }
}
