/** The 总结 as a Word document: title, period, the paragraph, the totals table and the monthly chart. */
import { buildDocx, type DocxBlock } from '../../adapters/docx/docx';
import { customMeasures, displayValue, type CategoryTotals } from '../../core/aggregate';
import { measureInfo, TOTALS_MEASURES } from '../../core/measures';
import type { MeasureKey } from '../../core/schema';
import { t } from '../../i18n/zh-CN';
import { chartPng } from '../charts/monthly';
import { chartKind, type ChartInput } from '../charts/registry';
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

/**
 * The summary as .docx: title, period, the paragraph, the totals table, and the charts chosen for
 * the report (报告), each drawn afresh at 2× for the page.
 */
export async function summaryDocx(input: {
  title: string;
  periodLabel: string;
  paragraph: string;
  totals: readonly CategoryTotals[];
  charts: { input: ChartInput; ids: readonly string[] };
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
  for (const id of input.charts.ids) {
    const kind = chartKind(id);
    const config = kind?.build(input.charts.input, { responsive: false });
    if (!kind || !config) continue;
    const image = await chartPng(config, 800, 400, 2);
    blocks.push({
      kind: 'image',
      png: image.png,
      widthPx: image.width,
      heightPx: image.height,
      caption: kind.title(input.charts.input),
    });
  }
  return buildDocx(blocks, { title: input.title, creator: t.appName });
}
