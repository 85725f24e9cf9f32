import { useEffect, useRef, useSyncExternalStore } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * uPlot is loaded when the first chart is drawn, not when the screen's module is imported: it
 * touches matchMedia as it loads, and it is only needed on the Progress screen.
 */
type UPlotLib = typeof uPlot;
let library: Promise<UPlotLib> | null = null;
export const loadUPlot = (): Promise<UPlotLib> => (library ??= import('uplot').then((m) => m.default));

/**
 * uPlot in React. uPlot draws on a canvas and sizes its elements through element.style
 * (CSSOM), which the strict CSP (style-src 'self') allows: no inline style attributes or
 * <style> elements are involved. Colours come from the design tokens, read from the page, so
 * the charts follow light and dark themes.
 */

export interface ChartColors {
  text: string;
  grid: string;
  accent: string;
  accentSoft: string;
  due: string;
  quiet: string;
  warm: string;
  surface: string;
  font: string;
}

const FALLBACK: ChartColors = {
  text: '#59615d',
  grid: '#e1ddd3',
  accent: '#0e7268',
  accentSoft: '#ddf2ee',
  due: '#a34c06',
  quiet: '#7d8581',
  warm: '#c2410c',
  surface: '#ffffff',
  font: 'system-ui, sans-serif',
};

function readColors(): ChartColors {
  if (typeof document === 'undefined') return FALLBACK;
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text-muted', FALLBACK.text),
    grid: v('--border', FALLBACK.grid),
    accent: v('--accent', FALLBACK.accent),
    accentSoft: v('--accent-soft', FALLBACK.accentSoft),
    due: v('--due', FALLBACK.due),
    quiet: v('--quiet', FALLBACK.quiet),
    warm: v('--warm', FALLBACK.warm),
    surface: v('--surface', FALLBACK.surface),
    font: v('--font', FALLBACK.font),
  };
}

let cached: { key: string; colors: ChartColors } | null = null;
function snapshot(): string {
  const colors = readColors();
  const key = JSON.stringify(colors);
  if (!cached || cached.key !== key) cached = { key, colors };
  return cached.key;
}

function subscribe(onChange: () => void): () => void {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener?.('change', onChange);
  // The theme chosen in Settings is a class on <html>.
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme'] });
  return () => {
    media?.removeEventListener?.('change', onChange);
    observer.disconnect();
  };
}

/** The chart colours of the current theme; a new object when the theme changes. */
export function useChartColors(): ChartColors {
  const key = useSyncExternalStore(subscribe, snapshot, () => '');
  return key && cached ? cached.colors : FALLBACK;
}

/** "#0e7268" -> "rgba(14, 114, 104, 0.25)"; other colour forms are returned as they are. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!hex) return color;
  let h = hex[1]!;
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const n = Number.parseInt(h, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export const CHART_HEIGHT = 190;

/** Options shared by every progress chart: weeks along x (0…n-1), no legend or cursor (the key and the table say it). */
export function baseOptions(
  width: number,
  labels: readonly string[],
  colors: ChartColors,
  y: { range: [number, number]; unit: string },
): uPlot.Options {
  const font = `12px ${colors.font}`;
  return {
    width,
    height: CHART_HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    padding: [12, 8, 0, 0],
    scales: {
      x: { time: false, range: [-0.5, labels.length - 0.5] },
      y: { range: y.range },
    },
    axes: [
      {
        stroke: colors.text,
        font,
        grid: { show: false },
        ticks: { stroke: colors.grid, width: 1, size: 4 },
        incrs: [1, 2, 3, 4, 6, 12],
        space: 52,
        values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')),
      },
      {
        stroke: colors.text,
        font,
        size: 44,
        grid: { stroke: colors.grid, width: 1 },
        ticks: { show: false },
        values: (_u, splits) => splits.map((v) => `${v}${y.unit}`),
      },
    ],
    series: [{}],
  };
}

export function UPlotChart({
  makeOptions,
  data,
}: {
  /** Built for a width; memoise it, a new function rebuilds the chart. */
  makeOptions: (width: number, lib: UPlotLib) => uPlot.Options;
  data: uPlot.AlignedData;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let plot: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let alive = true;
    const width = () => Math.max(220, Math.floor(el.clientWidth || 600));
    void loadUPlot().then((UPlot) => {
      if (!alive) return;
      const chart = new UPlot(makeOptions(width(), UPlot), data, el);
      plot = chart;
      if (typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(() => {
          const w = width();
          if (w !== chart.width) chart.setSize({ width: w, height: chart.height });
        });
        observer.observe(el);
      }
    });
    return () => {
      alive = false;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [makeOptions, data]);
  // The numbers are in the figure's caption and table; the drawing is decoration for screen readers.
  return <div ref={ref} className="ms-chart-canvas" aria-hidden="true" />;
}

export const barsPath = (lib: UPlotLib, size = 0.62) => lib.paths.bars!({ size: [size, 40], align: 0 });
