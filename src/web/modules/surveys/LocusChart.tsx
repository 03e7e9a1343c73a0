/**
 * The Locus for Focus chart (ECharts scatter, SVG): each need item at (mean required level, mean gap), the
 * items' means drawn as the lines that make the quadrants; its numbers as a table and downloads (ChartFrame).
 */
import { useMemo } from 'react';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { NeedItemResult, NeedsAnalysis } from '../../../shared/contracts/surveys.ts';
import { ChartFrame } from '../../ui/ChartFrame.tsx';
import { useEChart } from '../../ui/useEChart.ts';

echarts.use([ScatterChart, GridComponent, TooltipComponent, MarkLineComponent]);

export default function LocusChart({ items, split, title, labels }: {
  items: NeedItemResult[];
  split: NonNullable<NeedsAnalysis['split']>;
  title: string;
  labels: { item(i: NeedItemResult): string; required: string; gap: string; quadrant(i: NeedItemResult): string; quadrantTitle: string; rank: string };
}) {
  const element = useEChart(useMemo(() => ({
    tooltip: { trigger: 'item', formatter: (p: { data: [number, number, string] }) => `${p.data[2]}<br>${labels.required} ${p.data[0].toFixed(2)} · ${labels.gap} ${p.data[1].toFixed(2)}` },
    grid: { left: 48, right: 24, top: 24, bottom: 48 },
    xAxis: { type: 'value', name: labels.required, nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: { type: 'value', name: labels.gap, nameLocation: 'middle', nameGap: 32, scale: true },
    series: [{
      type: 'scatter', symbolSize: 12, itemStyle: { color: '#0072b2' },
      data: items.map((i) => [i.meanRequired, i.meanGap, labels.item(i)]),
      label: { show: items.length <= 20, formatter: (p: { data: [number, number, string] }) => p.data[2], position: 'right', fontSize: 11 },
      markLine: {
        silent: true, symbol: 'none', lineStyle: { color: '#000', type: 'dashed' },
        data: [{ xAxis: split.meanRequired }, { yAxis: split.meanGap }],
      },
    }],
  }), [items, split, labels]));
  return (
    <ChartFrame title={title} chart={element} height={360}
      table={{
        corner: labels.rank,
        columns: [labels.required, labels.gap, labels.quadrantTitle],
        rows: items.map((i) => ({ label: `${i.rank}. ${labels.item(i)}`, cells: [Number(i.meanRequired.toFixed(2)), Number(i.meanGap.toFixed(2)), labels.quadrant(i)] })),
      }} />
  );
}
