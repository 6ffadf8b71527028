/**
 * Categorical bar chart on uPlot (ADR 0007): canvas drawing, no eval and no injected scripts, so
 * it lives under the app's CSP. One or two series; colours come from the theme's CSS variables.
 * A text table with the same numbers sits beside every chart for screen readers.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useUi } from '../app/StoreContext';

export interface BarSeries {
  readonly label: string;
  readonly values: readonly number[];
  /** A CSS colour or a `--variable` of the theme. */
  readonly color: string;
}

export interface BarChartProps {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly height?: number;
  /** Formats y axis ticks (e.g. as a percentage). */
  readonly yFormat?: (v: number) => string;
  readonly yMax?: number;
}

function cssColor(color: string, el: Element): string {
  if (!color.startsWith('--')) return color;
  return getComputedStyle(el).getPropertyValue(color).trim() || '#888';
}

export function BarChart({ title, categories, series, height = 160, yFormat, yMax }: BarChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const theme = useUi((s) => s.theme);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const text = cssColor('--muted', el);
    const grid = cssColor('--border', el);
    const n = categories.length;
    const align: (-1 | 0 | 1)[] = series.length === 2 ? [-1, 1] : [0];
    const data: uPlot.AlignedData = [categories.map((_, i) => i), ...series.map((s) => [...s.values])];
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: series.length > 1, live: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, n - 0.5] }, y: { range: (_u, _min, max) => [0, yMax ?? (max > 0 ? max * 1.1 : 1)] } },
      axes: [
        { stroke: text, grid: { show: false }, ticks: { show: false }, splits: () => categories.map((_, i) => i), values: (_u, splits) => splits.map((i) => categories[i] ?? ''), size: 34, font: '11px sans-serif' },
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 48, font: '11px sans-serif', ...(yFormat ? { values: (_u: uPlot, splits: number[]) => splits.map(yFormat) } : {}) },
      ],
      series: [
        {},
        ...series.map((s, i) => {
          const c = cssColor(s.color, el);
          return { label: s.label, stroke: c, fill: c, width: 0, points: { show: false }, paths: uPlot.paths.bars!({ size: [series.length === 2 ? 0.35 : 0.6, 60], align: align[i] ?? 0 }) };
        }),
      ],
    };
    const chart = new uPlot(opts, data, el);
    const observer = new ResizeObserver(() => chart.setSize({ width: Math.max(200, el.clientWidth), height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [categories, series, height, yFormat, yMax, theme]);

  return (
    <figure className="pv-chart">
      <figcaption>{title}</figcaption>
      <div ref={host} className="pv-chart__canvas" role="img" aria-label={`${title}: ${categories.map((c, i) => `${c} ${series.map((s) => `${s.label} ${s.values[i]}`).join(', ')}`).join('; ')}`} />
    </figure>
  );
}
