/**
 * The pivot (汇总表): the records cut by month, quarter, member, place, reporting unit or category,
 * with the measures of each category across. Every cell is the totals table's figure for the records
 * of its row (totalsByCategory over them), so the pivot by category is the totals table, and the
 * column totals of any pivot whose rows do not overlap are the totals table's figures again.
 *
 * A record of several members (江峰、王霞美) is a 履职 of each of them, so it is counted in each
 * member's row: the column totals of the pivot by member add those records once per member and are
 * larger than the events of the period. Records that name no month, member, place or unit are kept in
 * a row of their own (key ''), so nothing falls out of a total.
 */
import { displayValue, TotalsBuilder, type CategoryTotals } from './aggregate';
import { compareCategories } from './categories';
import { monthField } from './dates';
import { ExactSum } from './numbers';
import type { LedgerRecord, MeasureKey } from './schema';

export type PivotBy = 'category' | 'month' | 'quarter' | 'member' | 'place' | 'unit';

export const PIVOT_BYS: readonly PivotBy[] = ['category', 'month', 'quarter', 'member', 'place', 'unit'];

/** A figure of a category: the records, a measure, or a proposal handling count. */
export type PivotMeasure = 'records' | MeasureKey | 'answered' | 'done' | 'satisfied';

export interface PivotColumn {
  category: string;
  measure: PivotMeasure;
}

export interface PivotRow {
  /**
   * What the row holds: `2023-03` (month), `2023-Q1` (quarter), a member, place, unit or category;
   * '' for the records that name none (no month: undated, or a figure of the whole year).
   */
  key: string;
  /** One value per column, exact (money in 元); null where the row has nothing for that column. */
  values: (number | null)[];
  /** The row's records, of every category. */
  records: number;
  /** The row's events (次数/期数/件数…) summed over its categories, as the 次数 cells show them. */
  events: number;
}

export interface Pivot {
  by: PivotBy;
  columns: PivotColumn[];
  rows: PivotRow[];
  /** Per column, the sum of its rows (money in 元); null where no row has a value. */
  columnTotals: (number | null)[];
  /** The records and events of all rows added up (a record of two members is added twice). */
  records: number;
  events: number;
}

type PivotRecord = Pick<
  LedgerRecord,
  'date' | 'category' | 'members' | 'place' | 'unit' | 'values' | 'status' | 'satisfaction' | 'tally'
>;

const BUILTIN_ORDER: readonly MeasureKey[] = ['count', 'people', 'households', 'items', 'amount'];
const PROPOSAL_KEYS = ['answered', 'done', 'satisfied'] as const;

/**
 * The columns: per category (display order) its records when they differ from its events (a 期数
 * column, or figures of a statistics table), its events, the measures its records carry (built-in
 * ones first, then custom ones as first seen), and for proposals 已答复/已办结/满意.
 */
function columnsOf(totals: readonly CategoryTotals[]): PivotColumn[] {
  const out: PivotColumn[] = [];
  for (const t of totals) {
    const c = t.category;
    if (t.measures.count !== undefined && t.measures.count !== t.records)
      out.push({ category: c, measure: 'records' });
    out.push({ category: c, measure: 'count' });
    for (const m of BUILTIN_ORDER)
      if (m !== 'count' && t.measures[m] !== undefined) out.push({ category: c, measure: m });
    for (const m of Object.keys(t.measures) as MeasureKey[])
      if (m.startsWith('custom:')) out.push({ category: c, measure: m });
    if (t.proposal) for (const k of PROPOSAL_KEYS) out.push({ category: c, measure: k });
  }
  return out;
}

/** The row of records that name no member ('' never maps to a row by name). */
function noOne(rowsByKey: Map<string, RowAcc>, order: RowAcc[]): RowAcc {
  let row = rowsByKey.get('');
  if (!row) {
    row = { key: '', totals: new TotalsBuilder() };
    rowsByKey.set('', row);
    order.push(row);
  }
  return row;
}

/**
 * The value of one column in some totals. 次数 is what the totals table shows (its 次数, else the
 * records), except that, when the category has a 次数 somewhere in the data (`countKnown`), a row
 * without one adds nothing: so the rows always add up to the totals table's figure.
 */
function cellValue(t: CategoryTotals | undefined, measure: PivotMeasure, countKnown: boolean): number | null {
  if (!t) return null;
  switch (measure) {
    case 'records':
      return t.records;
    case 'count':
      return t.measures.count ?? (countKnown ? null : t.records);
    case 'answered':
    case 'done':
    case 'satisfied':
      return t.proposal ? t.proposal[measure] : null;
    default:
      return t.measures[measure] ?? null;
  }
}

function compareRows(by: PivotBy): (a: PivotRow, b: PivotRow) => number {
  return (a, b) => {
    // The row of records that name nothing comes last, whatever the order.
    if ((a.key === '') !== (b.key === '')) return a.key === '' ? 1 : -1;
    switch (by) {
      case 'category':
        return compareCategories(a.key, b.key);
      case 'month':
      case 'quarter':
        return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      default:
        return b.events - a.events || b.records - a.records || a.key.localeCompare(b.key, 'zh-CN');
    }
  };
}

/** A row being totalled: its key and the totals of its records. */
interface RowAcc {
  key: string;
  totals: TotalsBuilder;
}

/**
 * The row key of one value of the field a pivot is by: a date's month (`2023-03`) or quarter
 * (`2023-Q1`), '' when it names none; a category as it is; a member's name, a place or a unit trimmed.
 */
function keyOf(by: PivotBy, value: string): string {
  switch (by) {
    case 'category':
      return value;
    case 'month':
      return value.length >= 7 ? value.slice(0, 7) : '';
    case 'quarter': {
      if (value.length < 7) return '';
      const q = Math.ceil(monthField(value) / 3);
      return `${value.slice(0, 4)}-Q${q}`;
    }
    case 'member':
    case 'place':
    case 'unit':
      return value.trim();
  }
}

function fieldOf(r: PivotRecord, by: Exclude<PivotBy, 'member'>): string {
  switch (by) {
    case 'category':
      return r.category;
    case 'month':
    case 'quarter':
      return r.date;
    case 'place':
      return r.place;
    case 'unit':
      return r.unit;
  }
}

export function pivot(records: readonly PivotRecord[], by: PivotBy): Pivot {
  // One pass: every record is added to the totals of all the records and to those of its row(s).
  // Rows are found through the field's raw value (a date, a place…), which repeats thousands of
  // times, so the key (a cut date, a trimmed name) is made once per distinct value, not per record.
  const all = new TotalsBuilder();
  const rowsByKey = new Map<string, RowAcc>();
  const rowOfValue = new Map<string, RowAcc | null>();
  const order: RowAcc[] = [];
  const rowFor = (value: string): RowAcc | null => {
    let row = rowOfValue.get(value);
    if (row !== undefined) return row;
    const key = keyOf(by, value);
    // A blank member's name names no one: the record is not counted under it (but under '' when it
    // names no one else).
    if (by === 'member' && key === '') row = null;
    else {
      row = rowsByKey.get(key);
      if (!row) {
        row = { key, totals: new TotalsBuilder() };
        rowsByKey.set(key, row);
        order.push(row);
      }
    }
    rowOfValue.set(value, row);
    return row;
  };
  const mine: RowAcc[] = [];
  for (const r of records) {
    all.add(r);
    if (by !== 'member') {
      (rowFor(fieldOf(r, by)) as RowAcc).totals.add(r);
      continue;
    }
    // A record of several members counts once for each different name; one of no one, under ''.
    mine.length = 0;
    for (const m of r.members) {
      const row = rowFor(m);
      if (row && !mine.includes(row)) mine.push(row);
    }
    if (mine.length === 0) mine.push(noOne(rowsByKey, order));
    for (const row of mine) row.totals.add(r);
  }

  const allTotals = all.totals();
  const columns = columnsOf(allTotals);
  const countKnown = new Set(allTotals.filter((t) => t.measures.count !== undefined).map((t) => t.category));

  const rows: PivotRow[] = order.map(({ key, totals: builder }) => {
    const totals = new Map(builder.totals().map((t) => [t.category, t]));
    const values = columns.map((col) =>
      cellValue(totals.get(col.category), col.measure, countKnown.has(col.category)),
    );
    const events = new ExactSum();
    columns.forEach((col, i) => {
      if (col.measure === 'count') events.add(values[i] ?? 0);
    });
    return { key, values, records: builder.records, events: events.value };
  });
  rows.sort(compareRows(by));

  const columnTotals = columns.map((_, i) => {
    let sum: ExactSum | null = null;
    for (const row of rows) {
      const v = row.values[i];
      if (v === null || v === undefined) continue;
      sum ??= new ExactSum();
      sum.add(v);
    }
    return sum ? sum.value : null;
  });
  const recordsTotal = new ExactSum();
  const eventsTotal = new ExactSum();
  for (const row of rows) {
    recordsTotal.add(row.records);
    eventsTotal.add(row.events);
  }
  return { by, columns, rows, columnTotals, records: recordsTotal.value, events: eventsTotal.value };
}

/** The column groups of a pivot: each category with how many columns it spans, in order. */
export function columnGroups(columns: readonly PivotColumn[]): { category: string; span: number }[] {
  const out: { category: string; span: number }[] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (last && last.category === c.category) last.span++;
    else out.push({ category: c.category, span: 1 });
  }
  return out;
}

/** The month (1–12) and year of a pivot row by month, or the quarter of one by quarter; null for ''. */
export function rowPeriod(
  by: PivotBy,
  key: string,
):
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | null {
  if (by === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    return m ? { kind: 'month', year: Number(m[1]), month: Number(m[2]) } : null;
  }
  if (by === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(key);
    return m ? { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : null;
  }
  return null;
}

/** A cell of a laid-out table: text, a number, or nothing. */
export type SheetCell = string | number | null;

/**
 * A pivot laid out as a sheet for a file: title and unit line, two header rows (category over
 * measure), the rows, the 合计 row, and a note. Numbers are in display units (money in 万元).
 */
export interface PivotSheet {
  title: string;
  unitLine: string;
  sheetName: string;
  /** The first header row: the row header, then each category with the columns it spans, then 合计. */
  groups: { label: string; span: number }[];
  /** The second header row, one label a column (the first is the row header again, merged above). */
  header: string[];
  rows: SheetCell[][];
  totalRow: SheetCell[];
  /** Columns (0-based) that hold money. */
  moneyColumns: number[];
  note: string;
}

export interface PivotSheetLabels {
  title: string;
  unitLine: string;
  sheetName: string;
  /** The header of the first column: 月份, 季度, 委员… */
  rowHeader: string;
  rowLabel: (key: string) => string;
  measureLabel: (column: PivotColumn) => string;
  total: string;
  records: string;
  events: string;
  note: string;
}

/** The pivot as a sheet: the same rows, columns and totals as the screen shows, money in 万元. */
export function pivotSheet(p: Pivot, labels: PivotSheetLabels): PivotSheet {
  const shown = (column: PivotColumn, v: number | null): number | null =>
    v === null ? null : column.measure === 'amount' ? displayValue('amount', v) : v;
  const moneyColumns: number[] = [];
  p.columns.forEach((c, i) => {
    if (c.measure === 'amount') moneyColumns.push(i + 1);
  });
  return {
    title: labels.title,
    unitLine: labels.unitLine,
    sheetName: labels.sheetName,
    groups: [
      { label: labels.rowHeader, span: 1 },
      ...columnGroups(p.columns).map((g) => ({ label: g.category, span: g.span })),
      { label: labels.total, span: 2 },
    ],
    header: [labels.rowHeader, ...p.columns.map(labels.measureLabel), labels.records, labels.events],
    rows: p.rows.map((row) => [
      labels.rowLabel(row.key),
      ...row.values.map((v, i) => shown(p.columns[i] as PivotColumn, v)),
      row.records,
      row.events,
    ]),
    totalRow: [
      labels.total,
      ...p.columnTotals.map((v, i) => shown(p.columns[i] as PivotColumn, v)),
      p.records,
      p.events,
    ],
    moneyColumns,
    note: labels.note,
  };
}
