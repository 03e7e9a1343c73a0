/**
 * A bar chart (ECharts, tree-shaken, SVG renderer) with its numbers as a table and downloads (ChartFrame).
 * Loaded lazily so pages without charts stay light.
 */
import { useMemo } from 'react';
import { BarChart as EBarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { ChartFrame } from './ChartFrame.tsx';
import { useEChart } from './useEChart.ts';

echarts.use([EBarChart, LineChart, GridComponent, TooltipComponent, LegendComponent]);

export interface BarSeries {
  name: string;
  /** null: no value (a gap in a line). */
  values: (number | null)[];
  kind?: 'bar' | 'line';
}

/** Okabe–Ito colours: told apart by people with any common colour-vision deficiency. */
const palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#000000'];

/**
 * `axes: 'two'` (the default) puts the second series on its own scale at the right (e.g. people and hours);
 * 'one' draws every series on one scale (e.g. the same score for several areas).
 */
export default function BarChart({ categories, series, title, axes = 'two' }: { categories: string[]; series: BarSeries[]; title: string; axes?: 'one' | 'two' }) {
  const element = useEChart(useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: categories },
    yAxis: (axes === 'one' ? series.slice(0, 1) : series.slice(0, 2)).map((_, i) => ({ type: 'value', position: i === 0 ? 'left' : 'right', splitLine: { show: i === 0 } })),
    series: series.map((s, i) => ({
      name: s.name, type: s.kind ?? 'bar', data: s.values, yAxisIndex: axes === 'one' ? 0 : Math.min(i, 1), itemStyle: { color: palette[i % palette.length] },
      ...(s.kind === 'line' ? { connectNulls: false, symbolSize: 7 } : {}),
    })),
  }), [categories, series, axes]));
  return (
    <ChartFrame
      title={title} chart={element}
      table={{ columns: series.map((s) => s.name), rows: categories.map((category, i) => ({ label: category, cells: series.map((s) => s.values[i] ?? null) })) }}
    />
  );
}
