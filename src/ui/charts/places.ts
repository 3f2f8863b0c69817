/** Events per place (村、社区、联络办), most first. */
import type { ChartConfiguration } from 'chart.js';
import { eventsPerPlace, type Ranking } from '../../core/breakdowns';
import type { LedgerRecord } from '../../core/schema';
import { t } from '../../i18n/zh-CN';
import { rankingChartConfig, rankingRows } from './ranking';

export function placesChartConfig(
  records: readonly Pick<LedgerRecord, 'place' | 'values' | 'tally'>[],
  options: { responsive: boolean },
  // The ranking when the caller has it already (made with the other charts' figures in one pass).
  ranking: Ranking = eventsPerPlace(records),
): ChartConfiguration<'bar'> | null {
  // A ledger without a 地点 column puts everything under "no place": nothing to compare.
  if (ranking.ranked.every((r) => r.name === '')) return null;
  const rows = rankingRows(ranking, (n) => n || t.charts.noPlace, t.charts.othersPlaces);
  return rankingChartConfig(rows, { ...options, seriesLabel: t.charts.count, unit: '次' });
}
