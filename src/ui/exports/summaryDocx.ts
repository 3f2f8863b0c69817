/** The 总结 as a Word document: title, period, the paragraph, the totals table and the monthly chart. */
import { buildDocx, type DocxBlock } from '../../adapters/docx/docx';
import { customMeasures, displayValue, type CategoryTotals } from '../../core/aggregate';
import { measureInfo, TOTALS_MEASURES } from '../../core/measures';
import type { LedgerRecord, MeasureKey } from '../../core/schema';
import { t } from '../../i18n/zh-CN';
import { chartPng, monthlyChartConfig } from '../charts/monthly';
import { formatNumber } from '../format';

/** The totals as table rows, leaving out measures no category has. */
export function totalsTableRows(totals: readonly CategoryTotals[]): {
  header: string[];
  rows: string[][];
  numeric: boolean[];
} {
  const measures: MeasureKey[] = [...TOTALS_MEASURES, ...customMeasures(totals)].filter(
    (m) => m === 'count' || totals.some((tot) => tot.measures[m] !== undefined),
  );
  const proposals = totals.some((tot) => tot.proposal);
  const header = [t.dashboard.category, t.dashboard.records, ...measures.map((m) => measureInfo(m).label)];
  if (proposals) header.push(t.dashboard.answered, t.dashboard.done, t.dashboard.satisfied);
  const rows = totals.map((tot) => {
    const row = [tot.category, formatNumber(tot.records)];
    for (const m of measures) {
      const raw = tot.measures[m];
      row.push(raw === undefined ? '—' : formatNumber(displayValue(m, raw), m));
    }
    if (proposals) {
      const p = tot.proposal;
      row.push(...(p ? [p.answered, p.done, p.satisfied].map((n) => formatNumber(n)) : ['', '', '']));
    }
    return row;
  });
  return { header, rows, numeric: header.map((_, i) => i > 0) };
}

export async function summaryDocx(input: {
  title: string;
  periodLabel: string;
  paragraph: string;
  totals: readonly CategoryTotals[];
  records: readonly Pick<LedgerRecord, 'date' | 'category'>[];
  chartYear: number | undefined;
}): Promise<Uint8Array> {
  const table = totalsTableRows(input.totals);
  const blocks: DocxBlock[] = [
    { kind: 'title', text: input.title },
    { kind: 'subtitle', text: `（${input.periodLabel}）` },
    { kind: 'paragraph', runs: [{ text: input.paragraph }] },
    { kind: 'heading', text: t.summary.docTotals },
    {
      kind: 'table',
      caption: t.dashboard.unitCaption,
      header: table.header,
      rows: table.rows,
      numeric: table.numeric,
    },
  ];
  if (input.chartYear !== undefined) {
    const label = t.period.year(input.chartYear);
    const image = await chartPng(
      monthlyChartConfig(input.records, input.chartYear, { responsive: false }),
      800,
      400,
      2,
    );
    blocks.push({
      kind: 'image',
      png: image.png,
      widthPx: image.width,
      heightPx: image.height,
      caption: t.summary.docChart(label),
    });
  }
  return buildDocx(blocks, { title: input.title, creator: t.appName });
}
