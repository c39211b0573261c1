'use client';

import { BarChart, LineChart, ScatterChart, type BarSeriesOption, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type MarkPointComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerEcharts, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

import { useChartPalette, type ChartPalette } from './chart-palette';
import styles from './dashboard.module.css';

// Only what the five panels draw is bundled (tree-shaken echarts/core); SVG keeps text crisp at any
// zoom and lets the browser tests find the marks.
registerEcharts([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | MarkPointComponentOption
>;

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex?: number;
  /** `series` for a bar or point, `markPoint` for a pin drawn on it. */
  componentType: string;
  /** Where the click was, in pixels from the chart's top left: a menu of what to do opens there. */
  x: number;
  y: number;
}

interface EChartProps {
  /** Builds the option for the palette of the current theme. */
  option: (palette: ChartPalette) => ChartOption;
  /** What the chart shows, for screen readers; the table view carries the numbers. */
  label: string;
  height?: number;
  onSelect?: (click: ChartClick) => void;
}

export function EChart({ option, label, height = 320, onSelect }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const select = useRef(onSelect);
  const palette = useChartPalette();

  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const instance = init(node, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      select.current?.({ name: String(params.name), dataIndex: params.dataIndex, seriesIndex: params.seriesIndex, componentType: params.componentType, x: params.event?.offsetX ?? 0, y: params.event?.offsetY ?? 0 });
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(node);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: 'inherit' }, animationDuration: 300, ...option(palette) }, { notMerge: true });
  }, [option, palette]);

  return <div ref={element} className={styles.chart} style={{ height }} role="img" aria-label={label} data-clickable={onSelect ? 'true' : undefined} />;
}

/** Grid, tooltip and legend styling shared by the panels. */
export function baseOption(palette: ChartPalette): ChartOption {
  return {
    color: palette.series,
    // Room beyond the tick labels for axis names set in the middle of an axis.
    grid: { left: 28, right: 24, top: 36, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis', backgroundColor: palette.surface, borderColor: palette.border, textStyle: { color: palette.text } },
    legend: { top: 0, textStyle: { color: palette.text } },
  };
}

/** An axis in the theme's colours; `extra` says what kind of axis it is. */
export function axis<T extends object>(palette: ChartPalette, extra: T) {
  return {
    axisLine: { lineStyle: { color: palette.border } },
    axisTick: { lineStyle: { color: palette.border } },
    axisLabel: { color: palette.muted },
    splitLine: { lineStyle: { color: palette.border } },
    nameTextStyle: { color: palette.muted },
    ...extra,
  };
}
