'use client';

import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
// Pinned at 1.11.11: later versions drop the edges' SVG from the picture.
import { toPng, toSvg } from 'html-to-image';

export type ImageFormat = 'png' | 'svg';

const EXPORT_MAX_SIDE = 2400;
const MARGIN = 64;

export const EXPORT_FILE: Record<ImageFormat, string> = { png: 'streamflix-erd.png', svg: 'streamflix-erd.svg' };

/**
 * Renders every node (not just the visible part of the canvas) into an image and downloads it: the
 * viewport element is re-framed on the copy html-to-image takes, so the page itself does not move.
 */
export async function downloadDiagram(format: ImageFormat, canvas: HTMLElement, nodes: readonly Node[]): Promise<void> {
  const viewport = canvas.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) return;
  const bounds = getNodesBounds([...nodes]);
  const scale = Math.min(1, EXPORT_MAX_SIDE / Math.max(bounds.width, bounds.height));
  const width = Math.round(bounds.width * scale) + MARGIN;
  const height = Math.round(bounds.height * scale) + MARGIN;
  const transform = getViewportForBounds(bounds, width, height, 0.05, 2, 0.02);
  const options = {
    backgroundColor: getComputedStyle(canvas).backgroundColor,
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})` },
  };
  const dataUrl = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  const link = document.createElement('a');
  link.download = EXPORT_FILE[format];
  link.href = dataUrl;
  link.click();
}
