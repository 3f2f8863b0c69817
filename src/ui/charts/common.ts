/**
 * What every chart shares: the Chart.js parts registered (only those used, so the bundle keeps only
 * them), the fonts, and the value labels written on bars for a printed page.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Title,
  Tooltip,
  type Chart as ChartInstance,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import ChartDataLabels, { type Context } from 'chartjs-plugin-datalabels';
import { roundTo } from '../../core/numbers';
import { CHART_FONT, VALUE_FONT } from '../chartStyle';
import { formatNumber } from '../format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement);
Chart.register(Legend, Tooltip, Title);
// Tooltips, legends and value labels fall back to the global font: it too must name a CJK font.
Chart.defaults.font.family = CHART_FONT.family;
Chart.defaults.font.size = CHART_FONT.size;
Chart.defaults.color = '#1f2329';

/**
 * Given to each chart rather than registered: registered, it would write values on every chart of
 * the app, the report's and any added later, whether they want them or not.
 */
export const VALUE_LABELS: Plugin = ChartDataLabels as Plugin;

export const TICKS = { font: CHART_FONT, color: '#1f2329' };
export const GRID = { color: '#e6e8eb' };
export const LEGEND_LABELS = { font: CHART_FONT, boxWidth: 14, boxHeight: 14, color: '#1f2329' };

/** The value label of a bar: just past its end, in the small bold value font. */
export const BAR_END_LABEL = {
  anchor: 'end' as const,
  align: 'end' as const,
  offset: 2,
  clamp: true,
  font: VALUE_FONT,
  color: '#1f2329',
};

/**
 * The same chart with its title drawn above it: a downloaded or copied picture travels into a
 * document alone, without the card that names it on screen.
 */
export function withTitle(config: ChartConfiguration, title: string): ChartConfiguration {
  const options = config.options;
  return {
    ...config,
    options: {
      ...options,
      // A margin on paper: names and axis figures must not touch the picture's edge.
      layout: { ...options?.layout, padding: widened(options?.layout?.padding) },
      plugins: {
        ...options?.plugins,
        title: {
          display: true,
          text: title,
          font: { family: CHART_FONT.family, size: 16, weight: 'bold' },
          color: '#1f2329',
          padding: { top: 4, bottom: 12 },
        },
      },
    },
  };
}

const MARGIN = 10;

function widened(padding: unknown): { top: number; right: number; bottom: number; left: number } {
  if (typeof padding === 'number')
    return { top: padding, right: padding + MARGIN, bottom: padding + MARGIN, left: padding + MARGIN };
  const p = (padding ?? {}) as { top?: number; right?: number; bottom?: number; left?: number };
  return {
    top: p.top ?? 0,
    right: (p.right ?? 0) + MARGIN,
    bottom: (p.bottom ?? 0) + MARGIN,
    left: (p.left ?? 0) + MARGIN,
  };
}

export function formatValue(v: number, measure?: string): string {
  return formatNumber(v, measure);
}

/** A percent with one decimal (71.4%), or null without a denominator. */
export function percent(n: number, of: number): string | null {
  return of > 0 ? `${roundTo((n / of) * 100, 1)}%` : null;
}

/** The index of the topmost visible dataset of a stack: the one that carries the stack's total. */
function lastVisible(chart: ChartInstance): number {
  for (let i = chart.data.datasets.length - 1; i >= 0; i--) if (chart.isDatasetVisible(i)) return i;
  return -1;
}

/** The total of the visible series at one bar of a stacked chart. */
export function stackTotal(chart: ChartInstance, index: number): number {
  let sum = 0;
  chart.data.datasets.forEach((d, i) => {
    const v = d.data[index];
    if (chart.isDatasetVisible(i) && typeof v === 'number') sum += v;
  });
  return sum;
}

/**
 * The total written once above each stack, not a number on every slice of it: a stacked chart with
 * twelve months of ten categories labelled everywhere is unreadable on screen and on paper.
 */
export const STACK_TOTAL_LABEL = {
  ...BAR_END_LABEL,
  display: (c: Context) => c.datasetIndex === lastVisible(c.chart) && stackTotal(c.chart, c.dataIndex) > 0,
  formatter: (_v: unknown, c: Context) => formatValue(stackTotal(c.chart, c.dataIndex)),
};
