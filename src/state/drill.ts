/**
 * Every number on screen leads to its records: the 台账 shows the records behind a figure of the pivot
 * or the members table, and nothing else. The row of the figure (a month, a member, a place…) narrows
 * the shared filters, as the clerk would do by hand; the column (a category's measure) is the grid's
 * drill-down.
 */
import type { FigureKey } from '../core/narrative/template';
import { periodBounds, type Period } from '../core/period';
import { rowPeriod, type PivotBy } from '../core/pivot';
import { grid } from './grid.svelte';
import { ledger } from './ledger.svelte';
import { nav } from './navigation.svelte';

export interface RecordsRow {
  by: PivotBy;
  /** The pivot row's key; '' for the records that name no month, member, place or unit. */
  key: string;
}

export interface RecordsColumn {
  category: string;
  measure: FigureKey;
}

/** A month or quarter within the period shown: within a custom range, only the days both share. */
function within(current: Period, p: Period): Period {
  if (current.kind !== 'range') return p;
  const b = periodBounds(p, []);
  if (!b) return p;
  const from = b.from > current.from ? b.from : current.from;
  const to = b.to < current.to ? b.to : current.to;
  return from <= to ? { kind: 'range', from, to } : p;
}

/** The grid's column filter for records that leave a field blank (`=` is "blank" there). */
type Blank = { column: 'date' | 'members' | 'place' | 'unit'; text: string };

function narrow(row: RecordsRow, column: RecordsColumn | null): Blank | null {
  const { by, key } = row;
  switch (by) {
    case 'category':
      // A cell of the row is its category already; a row total takes the category filter.
      if (!column) ledger.category = key;
      return null;
    case 'month':
    case 'quarter': {
      const p = rowPeriod(by, key);
      if (p) {
        ledger.choosePeriod(within(ledger.period, p));
        return null;
      }
      // Records without a month: undated, or a figure of the whole year. When they all share one
      // date ('' or 2023), the date filter shows exactly them.
      const dates = new Set(ledger.filtered.filter((r) => r.date.length < 7).map((r) => r.date));
      const only = [...dates][0];
      return dates.size === 1 && only !== undefined ? { column: 'date', text: `=${only}` } : null;
    }
    case 'member':
      if (key) ledger.member = key;
      return key ? null : { column: 'members', text: '=' };
    case 'place':
      if (key) ledger.place = key;
      return key ? null : { column: 'place', text: '=' };
    case 'unit':
      if (key) ledger.unit = key;
      return key ? null : { column: 'unit', text: '=' };
  }
}

/**
 * Show the records behind a figure in the 台账: of a row (null: every row), of a category's measure
 * (null: every category).
 */
export function showRecords(row: RecordsRow | null, column: RecordsColumn | null): void {
  const blank = row ? narrow(row, column) : null;
  if (column) {
    grid.drillTo(column.category, column.measure);
  } else {
    // drillTo empties the search and the column filters; the records of every category are shown.
    grid.drillTo('', 'records');
    grid.clearDrill();
  }
  if (blank) {
    grid.setFilter(blank.column, blank.text);
    grid.filterRow = true;
  }
  // The grid keeps its order while only the records change: the narrowed filters are a new query.
  grid.refresh();
  nav.go('ledger');
}

/** The records of one member: all of them, or those of one category's measure. */
export function showMemberRecords(name: string, column: RecordsColumn | null): void {
  showRecords({ by: 'member', key: name }, column);
}
