/**
 * Every chart the app draws, by id: the dashboard shows them, the report prints the chosen ones
 * re-rendered at print size, and each can be downloaded as a PNG.
 */
import type { ChartConfiguration } from 'chart.js';
import type { CategoryTotals } from '../../core/aggregate';
import { monthlyCounts } from '../../core/aggregate';
import {
  chartBreakdowns,
  fundsGroupedByPlace,
  quartersOf,
  type ChartBreakdowns,
} from '../../core/breakdowns';
import type { LedgerRecord } from '../../core/schema';
import { t } from '../../i18n/zh-CN';
import { fundsChartConfig } from './funds';
import { membersChartConfig } from './members';
import { monthlyChartConfig } from './monthly';
import { placesChartConfig } from './places';
import { proposalsChartConfig } from './proposals';
import { quarterlyChartConfig } from './quarterly';
import { sharesChartConfig } from './shares';
import { yoyChartConfig } from './yoy';

export interface ChartInput {
  /** Records of the current filters. */
  records: readonly LedgerRecord[];
  totals: readonly CategoryTotals[];
  /** Totals of the same period a year earlier, when there are any. */
  previous: readonly CategoryTotals[] | null;
  /** The year the monthly charts show (the period's year, or the latest year with data). */
  year: number | undefined;
  periodLabel: string;
  /** The member chosen in the filters, if any: the members chart then shows that member alone. */
  member?: string;
}

export interface ChartKind {
  id: string;
  title: (input: ChartInput) => string;
  /** The chart's configuration, or null when there is nothing to draw (an empty state is shown). */
  build: (input: ChartInput, options: { responsive: boolean }) => ChartConfiguration | null;
  /** What the empty state says, when the chart has a better reason than "no data". */
  emptyText?: string;
  /** Drawn across the whole width of the dashboard: many bars, or labels that need the room. */
  wide?: boolean;
}

/**
 * The figures the charts draw from the records (by month, member, place, funds), made in one pass
 * over them when the first chart of an input asks, instead of one pass per chart. The views make a
 * new ChartInput whenever the records or filters change, and never change one, so an input's
 * figures stay its own.
 */
const breakdowns = new WeakMap<ChartInput, ChartBreakdowns>();

function breakdownsOf(input: ChartInput): ChartBreakdowns {
  let b = breakdowns.get(input);
  if (!b) {
    b = chartBreakdowns(input.records, input.year);
    breakdowns.set(input, b);
  }
  return b;
}

function monthlyOf(input: ChartInput, year: number): { category: string; months: number[] }[] {
  const b = breakdownsOf(input);
  return b.monthly && input.year === year ? b.monthly : monthlyCounts(input.records, year);
}

const yearLabel = (input: ChartInput) => (input.year === undefined ? '' : t.period.year(input.year));
// Chart.js types each chart kind apart; the registry holds them side by side.
const erase = (c: ChartConfiguration<'bar' | 'doughnut', unknown[]> | null) => c as ChartConfiguration | null;

export const CHART_KINDS: readonly ChartKind[] = [
  {
    id: 'monthly',
    title: (input) => t.dashboard.monthlyChart(yearLabel(input)),
    build: (input, options) =>
      input.year === undefined || input.records.length === 0
        ? null
        : erase(monthlyChartConfig(monthlyOf(input, input.year), options)),
    wide: true,
  },
  {
    id: 'quarterly',
    title: (input) => t.charts.quarterly(yearLabel(input)),
    build: (input, options) =>
      input.year === undefined
        ? null
        : erase(quarterlyChartConfig(quartersOf(monthlyOf(input, input.year)), options)),
  },
  {
    id: 'shares',
    title: (input) => t.charts.shares(input.periodLabel),
    build: (input, options) => erase(sharesChartConfig(input.totals, options)),
  },
  {
    id: 'members',
    title: (input) =>
      input.member
        ? t.charts.memberByCategory(input.member, input.periodLabel)
        : t.charts.members(input.periodLabel),
    build: (input, options) =>
      erase(membersChartConfig(input, options, input.member ? undefined : breakdownsOf(input).members)),
    emptyText: t.charts.empty.members,
  },
  {
    id: 'places',
    title: (input) => t.charts.places(input.periodLabel),
    build: (input, options) => erase(placesChartConfig(input.records, options, breakdownsOf(input).places)),
    emptyText: t.charts.empty.places,
  },
  {
    id: 'proposals',
    title: (input) => t.charts.proposals(input.periodLabel),
    build: (input, options) => erase(proposalsChartConfig(input.totals, options)),
    emptyText: t.charts.empty.proposals,
  },
  {
    id: 'funds',
    title: (input) => t.charts.funds(input.periodLabel, fundsGroupedByPlace(input.records)),
    build: (input, options) => erase(fundsChartConfig(input.records, options, breakdownsOf(input).funds)),
    emptyText: t.charts.empty.funds,
  },
  {
    id: 'yoy',
    title: (input) => t.charts.yoy(input.periodLabel),
    build: (input, options) => erase(yoyChartConfig(input, options)),
    emptyText: t.charts.empty.yoy,
    wide: true,
  },
];

export function chartKind(id: string): ChartKind | undefined {
  return CHART_KINDS.find((k) => k.id === id);
}
