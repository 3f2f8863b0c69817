/**
 * Members ranked by the events they took part in. With one member chosen in the filters a ranking
 * of one says nothing, so the chart shows that member's events per category instead.
 */
import type { ChartConfiguration } from 'chart.js';
import type { CategoryTotals } from '../../core/aggregate';
import { categoryShares, eventsPerMember, type Ranking } from '../../core/breakdowns';
import type { LedgerRecord } from '../../core/schema';
import { t } from '../../i18n/zh-CN';
import { rankingChartConfig, rankingRows } from './ranking';

export function membersChartConfig(
  input: {
    records: readonly Pick<LedgerRecord, 'members' | 'values' | 'tally'>[];
    totals: readonly CategoryTotals[];
    member?: string | undefined;
  },
  options: { responsive: boolean },
  // The ranking when the caller has it already (made with the other charts' figures in one pass).
  ranking?: Ranking,
): ChartConfiguration<'bar'> | null {
  const rows = input.member
    ? categoryShares(input.totals).map((s) => ({ name: s.category, value: s.value }))
    : rankingRows(ranking ?? eventsPerMember(input.records), (n) => n, t.charts.othersMembers);
  return rankingChartConfig(rows, { ...options, seriesLabel: t.charts.count, unit: '次' });
}
