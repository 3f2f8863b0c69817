/**
 * A chart's figures as a table: what a screen reader reads instead of the canvas, and what tests
 * read to know what a chart shows.
 */
import type { ChartConfiguration } from 'chart.js';
import { formatNumber } from '../format';

export interface ChartTable {
  /** Series names (one per column after the label column). */
  series: string[];
  rows: { label: string; cells: string[] }[];
}

function cell(point: unknown): string {
  if (typeof point === 'number') return formatNumber(point);
  // Points that are drawn at one height and stand for another figure (the yoy chart) say so.
  if (point && typeof point === 'object' && 'value' in point && typeof point.value === 'number')
    return formatNumber(point.value);
  return '';
}

export function chartTable(config: ChartConfiguration): ChartTable {
  const labels = (config.data.labels ?? []) as unknown[];
  const datasets = config.data.datasets;
  return {
    series: datasets.map((d) => d.label ?? ''),
    rows: labels.map((label, i) => ({
      label: Array.isArray(label) ? label.join(' ') : String(label),
      cells: datasets.map((d) => cell((d.data as unknown[])[i])),
    })),
  };
}
