/**
 * Charts for documents (PDF reports): ECharts rendered on the server to SVG strings, which pdfmake draws
 * as vectors, Korean labels included (the document's font is used for the text).
 */
import type * as Echarts from 'echarts';

const FONT = 'Pretendard';
/** Okabe–Ito colours, as on the web: told apart with any common colour-vision deficiency. */
const palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#000000'];

// Loaded on first use: ECharts takes about 0.6 s to import, and only reports draw charts on the server.
let echartsModule: Promise<typeof Echarts> | undefined;

async function render(option: Echarts.EChartsCoreOption, width: number, height: number): Promise<string> {
  const echarts = await (echartsModule ??= import('echarts'));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, color: palette, textStyle: { fontFamily: FONT, fontSize: 11 }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export async function barChartSvg(categories: string[], series: ChartSeries[], options: { width?: number; height?: number; line?: boolean } = {}): Promise<string> {
  return render({
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 32, bottom: 48 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ name: s.name, type: options.line ? 'line' : 'bar', data: s.values })),
  }, options.width ?? 520, options.height ?? 260);
}

export async function radarChartSvg(axes: string[], series: ChartSeries[], max = 100): Promise<string> {
  return render({
    legend: { bottom: 0 },
    radar: { indicator: axes.map((name) => ({ name, max })), radius: '60%' },
    series: [{ type: 'radar', data: series.map((s, i) => ({ name: s.name, value: s.values.map((v) => v ?? 0), areaStyle: i === 0 ? { opacity: 0.15 } : undefined })) }],
  }, 360, 300);
}
