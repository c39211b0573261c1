'use client';

import { useSyncExternalStore } from 'react';

/** Colours a chart needs, resolved from the design tokens of the current theme. */
export interface ChartPalette {
  text: string;
  muted: string;
  border: string;
  surface: string;
  series: string[];
}

const TOKENS = {
  text: '--color-text',
  muted: '--color-text-muted',
  border: '--color-border',
  surface: '--color-surface',
} as const;
const SERIES = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'];

const FALLBACK: ChartPalette = { text: '#161a23', muted: '#5a6275', border: '#e1e4ea', surface: '#ffffff', series: ['#4338ca', '#c2410c', '#0f766e', '#be123c', '#6d28d9', '#0369a1'] };

/**
 * The tokens are light-dark() pairs, which a canvas or SVG library cannot read; a probe element lets
 * the browser resolve them to the colour the current theme shows.
 */
function resolve(probe: HTMLElement, token: string): string {
  probe.style.color = `var(${token})`;
  return getComputedStyle(probe).color;
}

let cached: { key: string; palette: ChartPalette } | undefined;

function themeKey(): string {
  return `${document.documentElement.dataset.theme ?? ''}|${matchMedia('(prefers-color-scheme: dark)').matches}`;
}

function readPalette(): ChartPalette {
  const key = themeKey();
  if (cached?.key === key) return cached.palette;
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const palette: ChartPalette = {
    text: resolve(probe, TOKENS.text),
    muted: resolve(probe, TOKENS.muted),
    border: resolve(probe, TOKENS.border),
    surface: resolve(probe, TOKENS.surface),
    series: SERIES.map((token) => resolve(probe, token)),
  };
  probe.remove();
  cached = { key, palette };
  return palette;
}

function subscribe(onChange: () => void): () => void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

/** The palette of the theme on screen, updated when the theme toggle or the OS setting changes. */
export function useChartPalette(): ChartPalette {
  return useSyncExternalStore(subscribe, readPalette, () => FALLBACK);
}
