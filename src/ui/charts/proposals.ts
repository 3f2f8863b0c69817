/**
 * Proposal handling: how many proposals reached each stage, with the rate a summary quotes under
 * each (办结率 over all proposals, 满意率 over the answered ones, as the narrative computes them).
 */
import type { ChartConfiguration } from 'chart.js';
import type { CategoryTotals } from '../../core/aggregate';
import { proposalHandling, type ProposalHandling } from '../../core/breakdowns';
import { t } from '../../i18n/zh-CN';
import { MAIN_COLOR } from '../chartStyle';
import { BAR_END_LABEL, GRID, TICKS, VALUE_LABELS, formatValue, percent } from './common';

const STAGES = ['submitted', 'accepted', 'answered', 'done', 'satisfied'] as const;

function rate(h: ProposalHandling, stage: (typeof STAGES)[number]): string | null {
  if (stage === 'submitted') return null;
  return percent(h[stage], stage === 'satisfied' ? h.answered : h.submitted);
}

export function proposalsChartConfig(
  totals: readonly CategoryTotals[],
  options: { responsive: boolean },
): ChartConfiguration<'bar'> | null {
  const h = proposalHandling(totals);
  if (!h || h.submitted === 0) return null;
  return {
    type: 'bar',
    data: {
      labels: STAGES.map((s) => {
        const r = rate(h, s);
        return s === 'submitted' || r === null
          ? t.charts.stages[s]
          : [t.charts.stages[s], `${t.charts.rates[s]} ${r}`];
      }),
      datasets: [
        {
          label: t.charts.proposals(''),
          data: STAGES.map((s) => h[s]),
          backgroundColor: MAIN_COLOR,
          maxBarThickness: 64,
          datalabels: { ...BAR_END_LABEL, formatter: (v: number) => t.charts.pieces(formatValue(v)) },
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
        y: { beginAtZero: true, grace: '10%', ticks: { ...TICKS, precision: 0 }, grid: GRID },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => t.charts.stages[STAGES[items[0]?.dataIndex ?? 0] ?? 'submitted'],
            label: (c) => t.charts.pieces(formatValue(c.parsed.y ?? 0)),
          },
        },
      },
    },
  };
}
