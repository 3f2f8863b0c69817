/**
 * This period against the same period last year, per category. The categories count in different
 * units (走访 in 人次, 资金 in 万元, 提案 in 件), so one axis cannot hold them: each pair of bars is
 * scaled to its own larger value, the axis is left out, and every bar carries its real figure.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Context } from 'chartjs-plugin-datalabels';
import type { CategoryTotals } from '../../core/aggregate';
import { yearOverYear, type YearOverYearRow } from '../../core/breakdowns';
import { t } from '../../i18n/zh-CN';
import { MAIN_COLOR, PREVIOUS_COLOR } from '../chartStyle';
import { BAR_END_LABEL, LEGEND_LABELS, TICKS, VALUE_LABELS, formatValue } from './common';

/** A bar's height (percent of its pair's larger value) and the figure it stands for. */
export interface YoyPoint {
  /** The category's index: its label has two lines, which a category scale cannot look up. */
  x: number;
  y: number;
  value: number;
}

function change(row: YearOverYearRow): string {
  if (row.change === null) return t.charts.noBase;
  return t.dashboard.yoy(String(Math.abs(row.change)), row.change >= 0);
}

/** `2022年第一季度` for `2023年第一季度`: the same period named one year earlier. */
export function previousLabel(periodLabel: string, year: number | undefined): string {
  const prefix = `${year ?? ''}年`;
  return year !== undefined && periodLabel.startsWith(prefix)
    ? `${year - 1}年${periodLabel.slice(prefix.length)}`
    : t.charts.previousSeries;
}

export function yoyChartConfig(
  input: {
    totals: readonly CategoryTotals[];
    previous: readonly CategoryTotals[] | null;
    year: number | undefined;
    periodLabel: string;
  },
  options: { responsive: boolean },
): ChartConfiguration<'bar', YoyPoint[]> | null {
  if (!input.previous || input.previous.length === 0 || input.totals.length === 0) return null;
  const rows = yearOverYear(input.totals, input.previous);
  const labels = rows.map((r) => `${r.category}（${r.unit}）`);
  const points = (pick: (r: YearOverYearRow) => number): YoyPoint[] =>
    rows.map((r, i) => {
      const top = Math.max(r.current, r.previous);
      return { x: i, y: top > 0 ? (pick(r) / top) * 100 : 0, value: pick(r) };
    });
  const figure = (c: Context): string => {
    const p = c.dataset.data[c.dataIndex] as unknown as YoyPoint | undefined;
    const row = rows[c.dataIndex];
    return p && row ? formatValue(p.value, row.measure) : '';
  };
  return {
    type: 'bar',
    data: {
      labels: rows.map((r, i) => [labels[i] ?? '', change(r)]),
      datasets: [
        {
          label: previousLabel(input.periodLabel, input.year),
          data: points((r) => r.previous),
          backgroundColor: PREVIOUS_COLOR,
          maxBarThickness: 48,
          datalabels: { ...BAR_END_LABEL, formatter: (_v: unknown, c: Context) => figure(c) },
        },
        {
          label: input.year === undefined ? t.charts.currentSeries : input.periodLabel,
          data: points((r) => r.current),
          backgroundColor: MAIN_COLOR,
          maxBarThickness: 48,
          datalabels: { ...BAR_END_LABEL, formatter: (_v: unknown, c: Context) => figure(c) },
        },
      ],
    },
    plugins: [VALUE_LABELS],
    options: {
      responsive: options.responsive,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { ticks: TICKS, grid: { display: false } },
        // Heights are shares of each pair, not figures: an axis would mislead.
        y: { display: false, beginAtZero: true, max: 115 },
      },
      plugins: {
        legend: { position: 'bottom', labels: LEGEND_LABELS },
        tooltip: {
          callbacks: {
            title: (items) => rows[items[0]?.dataIndex ?? 0]?.category ?? '',
            label: (c) => {
              const row = rows[c.dataIndex];
              const p = c.raw as YoyPoint;
              return row
                ? t.charts.tooltip(c.dataset.label ?? '', formatValue(p.value, row.measure), row.unit)
                : '';
            },
          },
        },
      },
    },
  };
}
