/** Quarters compared: one stacked bar per quarter, a series per category, the total on top. */
import type { ChartConfiguration } from 'chart.js';
import type { Context } from 'chartjs-plugin-datalabels';
import { t } from '../../i18n/zh-CN';
import { VALUE_FONT, categoryColor, textOn } from '../chartStyle';
import {
  GRID,
  LEGEND_LABELS,
  STACK_TOTAL_LABEL,
  TICKS,
  VALUE_LABELS,
  formatValue,
  stackTotal,
} from './common';

/** A slice shorter than this share of the tallest stack has no room for its number. */
const MIN_SLICE = 0.12;

/** The chart of quarterlyCounts' series (or quartersOf the monthly chart's). */
export function quarterlyChartConfig(
  series: readonly { category: string; quarters: number[] }[],
  options: { responsive: boolean },
): ChartConfiguration<'bar'> | null {
  const tallest = Math.max(
    0,
    ...[0, 1, 2, 3].map((q) => series.reduce((a, s) => a + (s.quarters[q] ?? 0), 0)),
  );
  if (tallest === 0) return null;
  return {
    type: 'bar',
    data: {
      labels: [1, 2, 3, 4].map((q) => t.charts.quarter(q)),
      datasets: series.map((s) => {
        const color = categoryColor(s.category);
        return {
          label: s.category,
          data: s.quarters,
          backgroundColor: color,
          borderColor: '#fff',
          borderWidth: 1,
          datalabels: {
            labels: {
              // Quarters are few and wide: each slice can carry its own number, the big ones only.
              value: {
                display: (c: Context) => {
                  const v = c.dataset.data[c.dataIndex];
                  return (
                    typeof v === 'number' &&
                    v / tallest >= MIN_SLICE &&
                    c.chart.isDatasetVisible(c.datasetIndex)
                  );
                },
                color: textOn(color),
                font: { ...VALUE_FONT, weight: 'normal' as const },
                formatter: (v: number) => formatValue(v),
              },
              total: STACK_TOTAL_LABEL,
            },
          },
        };
      }),
    },
    plugins: [VALUE_LABELS],
    options: {
      responsive: options.responsive,
      maintainAspectRatio: false,
      animation: false,
      // Room above the tallest stack for its total.
      layout: { padding: { top: 18 } },
      scales: {
        x: { stacked: true, ticks: TICKS, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, grace: '8%', ticks: { ...TICKS, precision: 0 }, grid: GRID },
      },
      plugins: {
        legend: { position: 'bottom', labels: LEGEND_LABELS },
        tooltip: {
          callbacks: {
            label: (c) => t.dashboard.tooltipCount(c.dataset.label ?? '', c.parsed.y ?? 0),
            footer: (items) =>
              items[0]
                ? t.charts.stackTotal(formatValue(stackTotal(items[0].chart, items[0].dataIndex)))
                : '',
          },
        },
      },
    },
  };
}
