/**
 * The 台账 grid: which records it shows and in what order, the selection, the cell being edited, and
 * what typing, pasting, adding and deleting rows mean (stored by GridEdits).
 */
import { gridColumns, measuresInUse, contextYear, type GridColumn } from '../core/grid/columns';
import {
  keyString,
  planBlock,
  planFill,
  recordKey,
  type CellProblem,
  type PlanContext,
  type PlanResult,
  type RecordKey,
} from '../core/grid/commands';
import { StableOrder } from '../core/grid/order';
import { byDateThenSource, queryRecords, setOf, sortRecords, type SortSpec } from '../core/grid/query';
import { clampCell, rangeOf, type Cell, type Range } from '../core/grid/selection';
import { parseTsv, writeTsv } from '../core/grid/tsv';
import { TOTALS_MEASURES, measureInfo } from '../core/measures';
import { recordsBehind } from '../core/narrative/evidence';
import type { FigureKey } from '../core/narrative/template';
import type { LedgerRecord, MeasureKey, NewRecord } from '../core/schema';
import { MANUAL_FILE } from '../db/repository';
import { t } from '../i18n/zh-CN';
import { GridEdits } from './gridEdits.svelte';
import { ledger } from './ledger.svelte';

/** The records behind one number of the totals table. */
export interface Drill {
  category: string;
  measure: FigureKey;
}

export interface EditState {
  row: number;
  col: number;
  /** 'enter': started by typing, arrows leave the cell; 'edit': started by F2 or a double click. */
  mode: 'enter' | 'edit';
}

/** A reason shown at a cell: an invalid edit or paste. */
export interface CellMessage {
  row: number;
  col: number;
  text: string;
}

function cellCount(r: Range): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export class GridState {
  sort = $state<SortSpec | null>(null);
  search = $state('');
  filters = $state<Record<string, string>>({});
  filterRow = $state(false);
  drill = $state<Drill | null>(null);

  anchor = $state<Cell>({ row: 0, col: 0 });
  focus = $state<Cell>({ row: 0, col: 0 });
  editing = $state<EditState | null>(null);
  message = $state<CellMessage | null>(null);

  /** Bumped when the grid is shown again: records imported meanwhile take their sorted place. */
  private epoch = $state(0);
  private pinVersion = $state(0);
  private readonly order = new StableOrder<LedgerRecord>(keyString);
  private readonly edits = new GridEdits(
    () => this.byKey,
    (added) => this.pin(added),
  );

  private columnsMemo: { records: readonly LedgerRecord[]; columns: GridColumn[] } | null = null;
  columns: GridColumn[] = $derived.by(() => {
    const records = ledger.records;
    const m = this.columnsMemo;
    // An edited figure or status keeps the measures in use (the same shape) and the units: only a
    // 满意度 given or cleared can show or hide a column. Reading 100,000 records again cost 8 ms.
    const swaps = m ? ledger.replacedSince(m.records) : null;
    if (m && swaps && [...swaps].every(([a, b]) => (a.satisfaction === '') === (b.satisfaction === ''))) {
      this.columnsMemo = { records, columns: m.columns };
      return m.columns;
    }
    const columns = gridColumns({
      measures: measuresInUse(records, TOTALS_MEASURES),
      satisfaction: records.some((r) => r.satisfaction !== ''),
      unit: records.some((r) => r.unit !== ''),
      sourceText: (s) => t.grid.source(s.file, s.sheet, s.row),
    });
    this.columnsMemo = { records, columns };
    return columns;
  });
  private byKey = $derived(ledger.lookup);
  /** The records shown, in order. The grid has one more line, for a new record. */
  view: LedgerRecord[] = $derived.by(() => this.computeView());
  drillCount = $derived(
    this.drill ? recordsBehind(ledger.filtered, this.drill.category, this.drill.measure).length : 0,
  );
  range = $derived(rangeOf(this.anchor, this.focus));
  selectionRows = $derived(
    Math.max(0, Math.min(this.range.bottom, this.view.length - 1) - this.range.top + 1),
  );
  selectionCells = $derived(cellCount(this.range));
  saving = $derived(this.edits.saving);
  canUndo = $derived(this.edits.canUndo);
  canRedo = $derived(this.edits.canRedo);

  private computeView(): LedgerRecord[] {
    const querying = this.search.trim() !== '' || Object.values(this.filters).some((f) => f.trim() !== '');
    const criteria = JSON.stringify([
      // The shared filters (period, member, place, …), whatever they come to hold.
      ledger.filter,
      this.drill,
      this.sort,
      this.search.trim(),
      this.filters,
      querying ? this.columns.map((c) => c.key) : null,
      this.epoch,
    ]);
    // Rows pinned after their records arrived must still be taken in.
    void this.pinVersion;
    return this.order.rows(
      criteria,
      ledger.records,
      () => this.query(ledger.filtered),
      (fresh) => {
        const inFilter = setOf(ledger.filtered);
        return setOf(
          this.query(
            fresh.filter((r) => inFilter.has(r)),
            false,
          ),
        );
      },
    );
  }

  private query(records: readonly LedgerRecord[], sort = true): LedgerRecord[] {
    const behind = this.drill ? recordsBehind(records, this.drill.category, this.drill.measure) : records;
    const rows = queryRecords(behind, this.columns, this.search, this.filters);
    if (!sort) return rows;
    const column = this.sort && this.columns.find((c) => c.key === this.sort?.key);
    return column && this.sort ? sortRecords(rows, column, this.sort.dir) : rows.sort(byDateThenSource);
  }

  /** The record on a line of the grid, with edits not yet back from IndexedDB laid over it. */
  rowAt = (row: number): LedgerRecord | undefined => {
    const r = this.view[row];
    return r && this.edits.laidOver(r);
  };

  /** Lines of the grid: the records and the line for a new one. */
  get lineCount(): number {
    return this.view.length + 1;
  }

  isBlank = (row: number, col: number): boolean => {
    const r = this.rowAt(row);
    const c = this.columns[col];
    return !r || !c || c.get(r) === null;
  };

  /** Show the grid again: records that arrived meanwhile are sorted in. */
  refresh(): void {
    this.epoch++;
  }

  // Selection

  select(cell: Cell, extend = false): void {
    const c = clampCell(cell, this.lineCount, this.columns.length);
    this.focus = c;
    if (!extend) this.anchor = c;
    this.message = null;
  }

  selectRange(anchor: Cell, focus: Cell): void {
    this.anchor = clampCell(anchor, this.lineCount, this.columns.length);
    this.focus = clampCell(focus, this.lineCount, this.columns.length);
    this.message = null;
  }

  /** After the rows or columns changed under it, keep the selection on the grid. */
  clampSelection(): void {
    const lines = this.lineCount;
    const cols = this.columns.length;
    const a = clampCell(this.anchor, lines, cols);
    const f = clampCell(this.focus, lines, cols);
    if (a.row !== this.anchor.row || a.col !== this.anchor.col) this.anchor = a;
    if (f.row !== this.focus.row || f.col !== this.focus.col) this.focus = f;
  }

  // Sort, filter, search, drill-down

  toggleSort(key: string): void {
    const s = this.sort;
    const column = this.columns.find((c) => c.key === key);
    if (!column) return;
    if (!s || s.key !== column.key) this.sort = { key: column.key, dir: 'asc' };
    else if (s.dir === 'asc') this.sort = { key: column.key, dir: 'desc' };
    else this.sort = null;
  }

  setFilter(key: string, text: string): void {
    this.filters = { ...this.filters, [key]: text };
    this.select({ row: 0, col: this.focus.col });
  }

  toggleFilterRow(): void {
    this.filterRow = !this.filterRow;
    if (!this.filterRow) this.filters = {};
  }

  setSearch(text: string): void {
    this.search = text;
    this.select({ row: 0, col: this.focus.col });
  }

  /** Show the records behind a number of the totals table, and nothing else. */
  drillTo(category: string, measure: FigureKey): void {
    this.drill = { category, measure };
    this.search = '';
    this.filters = {};
    this.filterRow = false;
    this.editing = null;
    this.message = null;
    this.anchor = { row: 0, col: 0 };
    this.focus = { row: 0, col: 0 };
  }

  clearDrill(): void {
    this.drill = null;
  }

  // Editing

  /** The text an edit of the focused cell starts from (F2, double click). */
  cellText(cell: Cell): string {
    const r = this.rowAt(cell.row);
    const c = this.columns[cell.col];
    return r && c ? c.format(r) : '';
  }

  /** Start editing the focused cell; false (with the reason shown) for the read-only source. */
  beginEdit(mode: EditState['mode']): boolean {
    const c = this.columns[this.focus.col];
    if (!c) return false;
    if (c.readOnly) {
      this.message = { ...this.focus, text: t.grid.readOnly(columnLabel(c), t.grid.error['read-only']()) };
      return false;
    }
    this.anchor = this.focus;
    this.editing = { row: this.focus.row, col: this.focus.col, mode };
    this.message = null;
    return true;
  }

  cancelEdit(): void {
    this.editing = null;
    this.message = null;
  }

  /** Validate and store the edited cell. False when invalid: the editor stays open with the reason. */
  commitEdit(text: string): boolean {
    const e = this.editing;
    if (!e) return true;
    if (e.row >= this.view.length && this.edits.addingRows) return this.commitLater(e, text);
    const result = planBlock(this.rowAt, this.columns, e, [[text]], this.planContext());
    if (!result.ok) {
      this.showProblem(result.problems, false);
      return false;
    }
    this.editing = null;
    this.message = null;
    this.edits.carryOut(result.plan);
    return true;
  }

  /**
   * A cell of the line for a new record, typed while the record made from its previous cell is still
   * on its way to the disk: checked now, stored once that record is there, into it (not a second one).
   */
  private commitLater(e: EditState, text: string): boolean {
    const column = this.columns[e.col];
    const p = column?.parse(text, this.planContext().parseContext(undefined));
    if (p && !p.ok) {
      this.showProblem([{ row: e.row, col: e.col, code: p.code, text }], false);
      return false;
    }
    this.editing = null;
    this.message = null;
    this.edits.later(() => {
      const result = planBlock(this.rowAt, this.columns, e, [[text]], this.planContext());
      if (result.ok) return result.plan;
      this.showProblem(result.problems, false);
      return null;
    });
    return true;
  }

  /** Delete key: empty every cell of the selection (the category stays). */
  clearSelection(): void {
    const result = planFill(this.rowAt, this.columns, this.range, '', this.planContext());
    if (result.ok) this.edits.carryOut(result.plan);
    else this.showProblem(result.problems, false);
  }

  copyText(): string {
    const r = this.range;
    const lines: string[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const rec = this.rowAt(row);
      const line: string[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const c = this.columns[col];
        line.push(rec && c ? c.format(rec) : '');
      }
      lines.push(line);
    }
    return writeTsv(lines);
  }

  /**
   * Paste text from Excel/WPS at the selection: a block lands with its top-left at the selection's,
   * rows past the last record become new records; one copied cell fills a selected range.
   */
  paste(text: string): void {
    const block = parseTsv(text);
    const first = block[0];
    if (!first) return;
    const r = this.range;
    let result: PlanResult;
    if (block.length === 1 && first.length === 1 && cellCount(r) > 1) {
      result = planFill(this.rowAt, this.columns, r, first[0] ?? '', this.planContext());
    } else {
      result = planBlock(this.rowAt, this.columns, { row: r.top, col: r.left }, block, this.planContext());
      if (result.ok) {
        const width = Math.max(...block.map((l) => l.length));
        this.selectRange(
          { row: r.top, col: r.left },
          { row: r.top + block.length - 1, col: r.left + width - 1 },
        );
      }
    }
    if (result.ok) this.edits.carryOut(result.plan);
    else this.showProblem(result.problems, true);
  }

  /** 新增一行: a record at the end of the grid, its category taken from where the clerk works. */
  addRow(): void {
    const row = this.view.length;
    this.edits.carryOut({ changes: [], newRows: [this.newRow()], cells: 0 });
    this.select({ row, col: 0 });
  }

  /** Delete the records of the selected lines. */
  deleteRows(): void {
    const keys: RecordKey[] = [];
    for (let row = this.range.top; row <= this.range.bottom; row++) {
      const r = this.view[row];
      if (r) keys.push(recordKey(r));
    }
    if (keys.length === 0) return;
    this.editing = null;
    this.edits.remove(keys);
  }

  undo(): void {
    this.editing = null;
    this.message = null;
    this.edits.undo();
  }

  redo(): void {
    this.editing = null;
    this.message = null;
    this.edits.redo();
  }

  private showProblem(problems: CellProblem[], paste: boolean): void {
    const p = problems[0];
    const c = p && this.columns[p.col];
    if (!p || !c) return;
    const reason = t.grid.error[p.code](p.text);
    const text = paste
      ? t.grid.pasteFailed(p.row + 1, columnLabel(c), reason)
      : t.grid.invalid(columnLabel(c), reason);
    this.message = { row: p.row, col: p.col, text };
  }

  private planContext(): PlanContext {
    const period = ledger.period;
    const year = 'year' in period ? period.year : ledger.years[0];
    return {
      parseContext: (r) => ({ year: contextYear(r, year) }),
      newRow: () => this.newRow(),
    };
  }

  private newRow(): NewRecord {
    const here = this.rowAt(Math.min(this.focus.row, this.view.length - 1));
    return {
      date: '',
      category: this.drill?.category ?? here?.category ?? ledger.totals[0]?.category ?? '走访',
      members: [],
      place: '',
      subject: '',
      status: '',
      satisfaction: '',
      values: {},
      note: '',
      unit: '',
      source: { file: MANUAL_FILE, sheet: '', row: 0 },
    };
  }

  private pin(records: readonly LedgerRecord[]): void {
    if (records.length === 0) return;
    this.order.pin(records.map(keyString));
    this.pinVersion++;
  }
}

/** The header of a column, as the clerk reads it. */
export function columnLabel(c: GridColumn): string {
  const labels: Record<string, string> = { ...t.ledger.columns, ...t.grid.columns };
  return labels[c.key] ?? measureInfo(c.key as MeasureKey).label;
}

export const grid = new GridState();
