/**
 * A radar chart (ECharts, SVG) of scores on the same 0–100 scale, e.g. a city against its peers' median
 * in the four areas; with its numbers as a table and downloads. Loaded lazily.
 */
import { useMemo } from 'react';
import { RadarChart as ERadarChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { ChartFrame } from './ChartFrame.tsx';
import { useEChart } from './useEChart.ts';

echarts.use([ERadarChart, LegendComponent, TooltipComponent]);

export interface RadarSeries {
  name: string;
  values: (number | null)[];
}

const colours = ['#256ef4', '#8a949e', '#08306b'];

export default function RadarChart({ axes, series, title, max = 100 }: { axes: string[]; series: RadarSeries[]; title: string; max?: number }) {
  const element = useEChart(useMemo(() => ({
    tooltip: {},
    legend: { bottom: 0 },
    radar: { indicator: axes.map((name) => ({ name, max })), radius: '62%', axisName: { color: '#1e2124', fontSize: 13 } },
    series: [{
      type: 'radar',
      data: series.map((s, i) => ({
        name: s.name, value: s.values.map((v) => v ?? 0),
        lineStyle: { color: colours[i % colours.length], type: i === 0 ? 'solid' : 'dashed' },
        itemStyle: { color: colours[i % colours.length] }, areaStyle: i === 0 ? { opacity: 0.15 } : undefined,
      })),
    }],
  }), [axes, series, max]));
  return (
    <ChartFrame
      title={title} chart={element} height={340}
      table={{ columns: series.map((s) => s.name), rows: axes.map((axis, i) => ({ label: axis, cells: series.map((s) => round(s.values[i])) })) }}
    />
  );
}

const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);
