/**
 * A bar chart (ECharts, tree-shaken, SVG renderer) with its data as a table for screen readers and
 * for anyone who prefers numbers. Loaded lazily so pages without charts stay light.
 */
import { useEffect, useRef } from 'react';
import { BarChart as EBarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([EBarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export interface BarSeries {
  name: string;
  values: number[];
  kind?: 'bar' | 'line';
}

export default function BarChart({ categories, series, title }: { categories: string[]; series: BarSeries[]; title: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      textStyle: { fontFamily: 'Pretendard GOV, sans-serif' },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: categories },
      yAxis: series.map((_, i) => ({ type: 'value', position: i === 0 ? 'left' : 'right', splitLine: { show: i === 0 } })),
      series: series.map((s, i) => ({ name: s.name, type: s.kind ?? 'bar', data: s.values, yAxisIndex: Math.min(i, 1), itemStyle: { color: i === 0 ? '#256ef4' : '#08306b' } })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series]);
  return (
    <figure>
      <div ref={element} style={{ width: '100%', height: 320 }} aria-hidden="true" />
      <figcaption className="sr-only">{title}</figcaption>
      <details>
        <summary>{title}</summary>
        <div className="lc-table-wrap">
          <table className="lc-table">
            <thead><tr><th scope="col" />{series.map((s) => <th key={s.name} scope="col" className="num">{s.name}</th>)}</tr></thead>
            <tbody>
              {categories.map((category, i) => (
                <tr key={category}><th scope="row">{category}</th>{series.map((s) => <td key={s.name} className="num">{s.values[i]}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
