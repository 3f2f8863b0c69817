/**
 * What the grid shows of the ledger: a search over every cell, a filter per column, a sort by one
 * column. Plain functions over records, fast enough for 100,000 of them.
 */
import type { LedgerRecord } from '../schema';
import type { ColumnKey, GridColumn } from './columns';

export type SortDir = 'asc' | 'desc';
export interface SortSpec {
  key: ColumnKey;
  dir: SortDir;
}

/** The default order: by date, then as the records were imported. */
export function byDateThenSource(a: LedgerRecord, b: LedgerRecord): number {
  if (a.date !== b.date) {
    // Undated records last, as a clerk lists what is still to be completed at the end.
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.batchId - b.batchId || a.rowNo - b.rowNo;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Records sorted by one column, stable. Blank cells go last in both directions, as in Excel. Text is
 * compared as Chinese is sorted (by pinyin), each distinct value ranked once: a collator comparison
 * is slow, and a ledger repeats its places and members thousands of times.
 */
export function sortRecords<T extends LedgerRecord>(
  records: readonly T[],
  column: GridColumn,
  dir: SortDir,
): T[] {
  const n = records.length;
  const values = records.map((r) => column.get(r));
  const sign = dir === 'asc' ? 1 : -1;
  let rank: (i: number) => number;
  if (column.kind === 'number') {
    rank = (i) => values[i] as number;
  } else {
    const distinct = [...new Set(values.filter((v): v is string => v !== null).map(String))];
    // ISO dates and the source's padded row numbers order as plain strings.
    if (column.kind === 'text') distinct.sort(collator.compare);
    else distinct.sort();
    const ranks = new Map(distinct.map((v, i) => [v, i]));
    rank = (i) => ranks.get(String(values[i])) ?? 0;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    if (va === null || vb === null) return va === vb ? a - b : va === null ? 1 : -1;
    return sign * (rank(a) - rank(b)) || a - b;
  });
  return order.map((i) => records[i] as T);
}

/** Each record's searchable text, kept per record object with the column set it was made for. */
const searchCache = new WeakMap<object, { columns: string; text: string }>();

function searchText(r: LedgerRecord, columns: readonly GridColumn[], columnsKey: string): string {
  const hit = searchCache.get(r);
  if (hit && hit.columns === columnsKey) return hit.text;
  const text = columns
    .map((c) => c.format(r))
    .join('\n')
    .toLowerCase();
  searchCache.set(r, { columns: columnsKey, text });
  return text;
}

/**
 * A search matcher: every word of the query (split on spaces) must appear in some cell of the record.
 * Null when the query is empty.
 */
export function searchMatcher(
  query: string,
  columns: readonly GridColumn[],
): ((r: LedgerRecord) => boolean) | null {
  const words = query
    .toLowerCase()
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  const columnsKey = columns.map((c) => c.key).join('|');
  return (r) => {
    const text = searchText(r, columns, columnsKey);
    return words.every((w) => text.includes(w));
  };
}

const COMPARISON = /^(>=|<=|>|<|=|≥|≤|＞|＜|＝)?\s*([+-]?\d+(?:\.\d+)?)$/;

/**
 * A matcher for one column's filter text. Text columns: the cell contains it (`=青山村` for exactly,
 * `=` alone for blank cells). Number columns: `>10`, `<=5`, `=0` or a plain number for equal.
 * Null when the filter is empty.
 */
export function columnMatcher(column: GridColumn, filter: string): ((r: LedgerRecord) => boolean) | null {
  const f = filter.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (f === '') return null;
  if (f === '=' || f === '＝') return (r) => column.get(r) === null;
  if (column.kind === 'number') {
    const m = COMPARISON.exec(f);
    if (!m) return () => false;
    const op = m[1] ?? '=';
    const x = Number(m[2]);
    return (r) => {
      const v = column.get(r);
      if (typeof v !== 'number') return false;
      switch (op) {
        case '>':
        case '＞':
          return v > x;
        case '<':
        case '＜':
          return v < x;
        case '>=':
        case '≥':
          return v >= x;
        case '<=':
        case '≤':
          return v <= x;
        default:
          return v === x;
      }
    };
  }
  const lower = f.toLowerCase();
  if (lower.startsWith('=') || lower.startsWith('＝')) {
    const exact = lower.slice(1);
    return (r) => column.format(r).toLowerCase() === exact;
  }
  return (r) => column.format(r).toLowerCase().includes(lower);
}

/** Records matching the search and every column filter. */
export function queryRecords<T extends LedgerRecord>(
  records: readonly T[],
  columns: readonly GridColumn[],
  search: string,
  filters: Readonly<Record<string, string>>,
): T[] {
  const tests: ((r: LedgerRecord) => boolean)[] = [];
  for (const c of columns) {
    const m = columnMatcher(c, filters[c.key] ?? '');
    if (m) tests.push(m);
  }
  const s = searchMatcher(search, columns);
  if (s) tests.push(s);
  if (tests.length === 0) return records.slice();
  return records.filter((r) => tests.every((t) => t(r)));
}

export function setOf<T>(items: readonly T[]): ReadonlySet<T> {
  return new Set(items);
}
