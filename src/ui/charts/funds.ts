/** Funds per village or per project, in 万元, the ten largest and the rest as 其他. */
import type { ChartConfiguration } from 'chart.js';
import { fundsBy, preferredFundsGrouping, type FundsGrouping, type Ranking } from '../../core/breakdowns';
import type { LedgerRecord } from '../../core/schema';
import { t } from '../../i18n/zh-CN';
import { rankingChartConfig, rankingRows } from './ranking';

type FundsRecord = Pick<LedgerRecord, 'category' | 'subject' | 'place' | 'values'>;

export function fundsChartConfig(
  records: readonly FundsRecord[],
  options: { responsive: boolean },
  // The grouping and its ranking when the caller has them already (the chart's title needs the
  // grouping too; the ranking is made with the other charts' figures in one pass).
  funds?: { by: FundsGrouping; ranking: Ranking },
): ChartConfiguration<'bar'> | null {
  const by = funds?.by ?? preferredFundsGrouping(records);
  const rows = rankingRows(
    funds?.ranking ?? fundsBy(records, by),
    (n) => n || (by === 'place' ? t.charts.noPlace : t.charts.noSubject),
    by === 'place' ? t.charts.othersPlaces : t.charts.othersProjects,
  );
  return rankingChartConfig(rows, { ...options, seriesLabel: t.charts.amount, unit: '万元', money: true });
}
