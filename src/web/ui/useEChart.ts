/**
 * An ECharts chart (tree-shaken, SVG renderer) in a div: drawn when the option changes, resized with the
 * window, disposed with the component. The chart modules a caller needs are registered by the caller.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([SVGRenderer]);

export function useEChart(option: echarts.EChartsCoreOption) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({ textStyle: { fontFamily: 'Pretendard GOV, sans-serif' }, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return element;
}
