/**
 * The totals as a table (the 汇总 of the Excel export and the .csv), and the .csv itself: UTF-8 with
 * a BOM so that Excel and WPS on Chinese Windows open it as UTF-8 rather than GBK, CRLF line ends,
 * fields quoted per RFC 4180, and no cell that a spreadsheet would run as a formula.
 */
import { customMeasures, displayValue, type CategoryTotals } from './aggregate';
import { TOTALS_MEASURES, measureInfo } from './measures';
import type { MeasureKey } from './schema';

export type TableCell = string | number | null;

/** Column names that are words of the UI rather than of the data (passed in: core has no i18n). */
export interface TotalsLabels {
  category: string;
  records: string;
  answered: string;
  done: string;
  satisfied: string;
}

export interface TotalsTable {
  header: string[];
  /** One row per category, in display order; a blank cell is a measure the category does not carry. */
  rows: TableCell[][];
  /** The measure of each column after 类别 and 记录数 (null for the proposal columns). */
  measures: (MeasureKey | 'records' | 'answered' | 'done' | 'satisfied')[];
}

/**
 * The totals table exactly as the dashboard shows it: 类别, 记录数, the built-in measures, custom
 * measures, and 已答复/已办结/满意 when any category is a proposal category. 次数 falls back to the
 * records (a row is one event); money is in 万元.
 */
export function totalsTable(totals: readonly CategoryTotals[], labels: TotalsLabels): TotalsTable {
  const measures: MeasureKey[] = [...TOTALS_MEASURES, ...customMeasures(totals)];
  const proposals = totals.some((tot) => tot.proposal);
  const header = [labels.category, labels.records, ...measures.map((m) => measureInfo(m).label)];
  const keys: TotalsTable['measures'] = ['records', ...measures];
  if (proposals) {
    header.push(labels.answered, labels.done, labels.satisfied);
    keys.push('answered', 'done', 'satisfied');
  }
  const rows = totals.map((tot) => {
    const row: TableCell[] = [tot.category, tot.records];
    for (const m of measures) {
      const raw = m === 'count' ? (tot.measures.count ?? tot.records) : tot.measures[m];
      row.push(raw === undefined ? null : displayValue(m, raw));
    }
    if (proposals) {
      const p = tot.proposal;
      row.push(p ? p.answered : null, p ? p.done : null, p ? p.satisfied : null);
    }
    return row;
  });
  return { header, rows, measures: keys };
}

/**
 * Text a spreadsheet would run as a formula (= + - @, or a tab or carriage return in front of one)
 * gets a leading apostrophe, the mark Excel itself uses for "this is text".
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: numbers as they are, text neutralised and quoted when it holds , " CR or LF. */
export function csvField(cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const BOM = '\uFEFF';

/** Rows → CSV text with a BOM and CRLF after every record (the last one too, as Excel writes it). */
export function toCsv(rows: readonly (readonly TableCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** The totals per category as a .csv: a header row and one row per category. */
export function totalsCsv(totals: readonly CategoryTotals[], labels: TotalsLabels): string {
  const table = totalsTable(totals, labels);
  return toCsv([table.header, ...table.rows]);
}
