/**
 * Horizontal bars, largest on top: members, places, funds. Names read along the side without being
 * turned, however many there are, and each bar carries its value at its end.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Ranking } from '../../core/breakdowns';
import { t } from '../../i18n/zh-CN';
import { MAIN_COLOR, PREVIOUS_COLOR } from '../chartStyle';
import { BAR_END_LABEL, GRID, TICKS, VALUE_LABELS, formatValue } from './common';

/** Characters of a name shown beside its bar. */
const MAX_LABEL = 14;

export interface RankingRow {
  name: string;
  value: number;
  /** 其他: the names beyond the ranking, drawn grey so it is not read as one more name. */
  others?: boolean;
}

/** The rows of a ranking, its rest as one last 其他 row. */
export function rankingRows(
  ranking: Ranking,
  name: (raw: string) => string,
  others: (n: number) => string,
): RankingRow[] {
  const rows: RankingRow[] = ranking.ranked.map((r) => ({ name: name(r.name), value: r.value }));
  if (ranking.others)
    rows.push({ name: others(ranking.others.names), value: ranking.others.value, others: true });
  return rows;
}

export function rankingChartConfig(
  rows: readonly RankingRow[],
  options: { responsive: boolean; seriesLabel: string; unit: string; money?: boolean },
): ChartConfiguration<'bar'> | null {
  if (rows.length === 0 || rows.every((r) => r.value === 0)) return null;
  const measure = options.money ? 'amount' : undefined;
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.name),
      datasets: [
        {
          label: options.seriesLabel,
          data: rows.map((r) => r.value),
          backgroundColor: rows.map((r) => (r.others ? PREVIOUS_COLOR : MAIN_COLOR)),
          maxBarThickness: 26,
          datalabels: { ...BAR_END_LABEL, formatter: (v: number) => formatValue(v, measure) },
        },
      ],
    },
    plugins: [VALUE_LABELS],
    options: {
      indexAxis: 'y',
      responsive: options.responsive,
      maintainAspectRatio: false,
      animation: false,
      // Room at the right for the value written past the longest bar.
      layout: { padding: { right: 12 } },
      scales: {
        x: {
          beginAtZero: true,
          grace: '12%',
          ticks: { ...TICKS, precision: options.money ? 2 : 0 },
          grid: GRID,
        },
        y: {
          ticks: {
            ...TICKS,
            autoSkip: false,
            // A long project name would squeeze its bar to nothing; the tooltip gives it in full.
            callback(value) {
              const label = this.getLabelForValue(Number(value));
              return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
            },
          },
          grid: { display: false },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (c) =>
              t.charts.tooltip(options.seriesLabel, formatValue(c.parsed.x ?? 0, measure), options.unit),
          },
        },
      },
    },
  };
}
