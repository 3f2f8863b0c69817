/**
 * The grid's rows in view, drawn by hand rather than by a Svelte `#each`.
 *
 * Why: scrolling 100,000 records rewrites every visible cell on every frame. As Svelte markup each
 * cell re-ran its derived values and a dozen attribute bindings: 4–5 ms of a 10–14 ms frame on an
 * office PC. Here a cell is written only where its line, its record or its selection changed, and
 * the cells out of sight (columns left or right of the scroll position; after a jump, the rows
 * kept above and below the view) are brought up to date once the scrolling stops, so a frame lays
 * out only what the clerk sees.
 *
 * The elements are the same as the markup made: rows `role="row"`, the line number
 * `role="rowheader"`, cells `role="gridcell"` with `data-row`, `data-col` and `data-field`, the
 * selection as `aria-selected` and the classes `sel`, `active` and `bad`.
 */
import type { GridColumn } from '../../core/grid/columns';
import { inRange, type Cell, type Range } from '../../core/grid/selection';
import type { LedgerRecord } from '../../core/schema';
import { whenIdle } from '../idleQueue';

/** What the rows show: the window of lines, the columns and the selection. */
export interface BodyFrame {
  /** Lines drawn, from `start` up to (not including) `end`; of them `first` up to `last` in view. */
  start: number;
  end: number;
  first: number;
  last: number;
  /** Header rows above the first line (for `aria-rowindex`). */
  headRows: number;
  columns: readonly GridColumn[];
  /** Per column: within sight, so drawn at once. The others follow in an idle moment. */
  inView: readonly boolean[];
  rowAt: (line: number) => LedgerRecord | undefined;
  text: (c: GridColumn, r: LedgerRecord) => string;
  range: Range;
  focus: Cell;
  /** The cell showing a reason (an invalid edit or paste). */
  bad: Cell | null;
  /** The hint in the new record's line. */
  newRow: string;
}

const SEL = 1;
const ACTIVE = 2;
const BAD = 4;
/** Texts longer than this get a tooltip with the whole text: the cell may cut them. */
const LONG_TEXT = 10;
/** The active cell's id, named by the text field's `aria-activedescendant`. */
export const ACTIVE_ID = 'ledger-grid-active';
/** A record slot never drawn: differs from every record and from the new line's `undefined`. */
const NEVER = {} as LedgerRecord;

interface CellView {
  el: HTMLDivElement;
  line: number;
  record: LedgerRecord | undefined;
  flags: number;
}

interface RowView {
  el: HTMLDivElement;
  gutter: HTMLDivElement;
  cells: CellView[];
  line: number;
  isNew: boolean | null;
  marked: boolean | null;
}

/** How long the scrolling must have stopped (three frames) before the cells out of sight are drawn. */
const SETTLE_MS = 50;

/**
 * `f` once the scrolling has settled and the page is idle. Drawn sooner, the cells out of sight
 * would be laid out in the next frame of a scroll still going on, which is the cost they were
 * left out of it to save.
 */
function whenSettled(f: () => void): () => void {
  let cancel: (() => void) | null = null;
  const timer = setTimeout(() => (cancel = whenIdle(f)), SETTLE_MS);
  return () => {
    clearTimeout(timer);
    cancel?.();
  };
}

/** A cell selected, focused or showing a reason: never left waiting, nor left showing an old mark. */
function marked(f: BodyFrame, line: number, ci: number): boolean {
  return inRange(f.range, line, ci) || (f.bad !== null && f.bad.row === line && f.bad.col === ci);
}

export class BodyPainter {
  private rows: RowView[] = [];
  private columns: readonly GridColumn[] | null = null;
  private last: BodyFrame | null = null;
  private cancelIdle: (() => void) | null = null;
  /** The window's first line when last drawn: a jump further than a window shares no line with it. */
  private lastStart = -1;
  private headRows = 0;

  constructor(private readonly body: HTMLElement) {}

  /** Draw a frame: cells in view now, the others (when only the window moved) when idle. */
  paint(f: BodyFrame): void {
    this.last = f;
    this.cancelIdle?.();
    this.cancelIdle = null;
    if (this.draw(f, true)) this.cancelIdle = whenSettled(() => this.catchUp());
  }

  /** Stop drawing: the grid is leaving the page. */
  dispose(): void {
    this.cancelIdle?.();
    this.cancelIdle = null;
    this.last = null;
  }

  private catchUp(): void {
    this.cancelIdle = null;
    if (this.last) this.draw(this.last, false);
  }

  /** True when cells out of sight were left for later. */
  private draw(f: BodyFrame, deferring: boolean): boolean {
    if (f.columns !== this.columns) {
      for (const row of this.rows) row.el.remove();
      this.rows = [];
      this.columns = f.columns;
    }
    // The filter row shown or hidden: every row's aria-rowindex moves by one.
    if (f.headRows !== this.headRows) {
      this.headRows = f.headRows;
      for (const row of this.rows) row.line = -1;
    }
    const count = Math.max(0, f.end - f.start);
    while (this.rows.length < count) {
      const row = makeRow(f.columns);
      this.body.appendChild(row.el);
      this.rows.push(row);
    }
    while (this.rows.length > count) this.rows.pop()?.el.remove();
    let deferred = false;
    // After a jump (the scroll bar dragged, Ctrl+End) the rows above and below the view wait too:
    // they are there so a short scroll shows no blank band, and a jump shares no line with them.
    const jump = deferring && Math.abs(f.start - this.lastStart) >= count;
    this.lastStart = f.start;
    for (let i = 0; i < count; i++) {
      const row = this.rows[i];
      if (!row) continue;
      const line = f.start + i;
      if (
        jump &&
        row.line >= 0 &&
        row.line !== line &&
        (line < f.first || line >= f.last) &&
        !row.cells.some((c, ci) => c.flags !== 0 || marked(f, line, ci))
      ) {
        deferred = true;
        continue;
      }
      const r = f.rowAt(line);
      paintRow(row, line, r, f);
      for (let ci = 0; ci < row.cells.length; ci++) {
        const cell = row.cells[ci];
        if (!cell) continue;
        // A cell out of sight that now stands for another line waits; one whose own record changed
        // (an edit, a paste) is redrawn at once, so no cell ever shows a stale figure for its line.
        // A row's first drawing is whole: the grid never appears with empty cells. A marked cell
        // (the focus carries the id the text field names) is always drawn at once.
        if (
          deferring &&
          cell.line >= 0 &&
          cell.line !== line &&
          !f.inView[ci] &&
          cell.flags === 0 &&
          !marked(f, line, ci)
        ) {
          deferred = true;
          continue;
        }
        paintCell(cell, f.columns[ci] as GridColumn, ci, line, r, f);
      }
    }
    return deferred;
  }
}

function makeRow(columns: readonly GridColumn[]): RowView {
  const el = document.createElement('div');
  el.className = 'row';
  el.setAttribute('role', 'row');
  const gutter = document.createElement('div');
  gutter.className = 'gutter';
  gutter.setAttribute('role', 'rowheader');
  el.appendChild(gutter);
  const cells = columns.map((c, ci): CellView => {
    const cell = document.createElement('div');
    cell.className = 'cell';
    if (ci === 0) cell.classList.add('frozen');
    if (c.kind === 'number') cell.classList.add('num');
    if (c.readOnly) {
      cell.classList.add('ro');
      cell.setAttribute('aria-readonly', 'true');
    }
    cell.setAttribute('role', 'gridcell');
    cell.setAttribute('aria-colindex', String(ci + 2));
    cell.setAttribute('aria-selected', 'false');
    cell.dataset.col = String(ci);
    cell.dataset.field = c.key;
    el.appendChild(cell);
    return { el: cell, line: -1, record: NEVER, flags: 0 };
  });
  return { el, gutter, cells, line: -1, isNew: null, marked: null };
}

function paintRow(row: RowView, line: number, r: LedgerRecord | undefined, f: BodyFrame): void {
  if (row.line !== line) {
    row.line = line;
    row.el.setAttribute('aria-rowindex', String(line + f.headRows + 1));
    row.gutter.dataset.row = String(line);
    row.gutter.textContent = r ? String(line + 1) : '＋';
    row.isNew = !r;
    row.el.classList.toggle('new', !r);
  } else if (row.isNew !== !r) {
    row.isNew = !r;
    row.el.classList.toggle('new', !r);
    row.gutter.textContent = r ? String(line + 1) : '＋';
  }
  const marked = line >= f.range.top && line <= f.range.bottom;
  if (row.marked !== marked) {
    row.marked = marked;
    row.gutter.classList.toggle('on', marked);
  }
}

function paintCell(
  cell: CellView,
  c: GridColumn,
  ci: number,
  line: number,
  r: LedgerRecord | undefined,
  f: BodyFrame,
): void {
  const el = cell.el;
  const moved = cell.line !== line;
  if (moved) {
    cell.line = line;
    el.dataset.row = String(line);
  }
  if (moved || cell.record !== r) {
    cell.record = r;
    if (r) {
      const text = f.text(c, r);
      el.textContent = text;
      if (text.length > LONG_TEXT) el.title = text;
      else el.removeAttribute('title');
    } else {
      el.removeAttribute('title');
      if (c.key === 'subject') {
        const hint = document.createElement('span');
        hint.className = 'placeholder';
        hint.textContent = f.newRow;
        el.replaceChildren(hint);
      } else el.textContent = '';
    }
  }
  const flags =
    (inRange(f.range, line, ci) ? SEL : 0) |
    (line === f.focus.row && ci === f.focus.col ? ACTIVE : 0) |
    (f.bad && f.bad.row === line && f.bad.col === ci ? BAD : 0);
  if (flags === cell.flags) return;
  const was = cell.flags;
  cell.flags = flags;
  if ((was ^ flags) & SEL) {
    el.classList.toggle('sel', (flags & SEL) !== 0);
    el.setAttribute('aria-selected', String((flags & SEL) !== 0));
  }
  if ((was ^ flags) & ACTIVE) {
    el.classList.toggle('active', (flags & ACTIVE) !== 0);
    if (flags & ACTIVE) el.id = ACTIVE_ID;
    else el.removeAttribute('id');
  }
  if ((was ^ flags) & BAD) {
    el.classList.toggle('bad', (flags & BAD) !== 0);
    if (flags & BAD) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
  }
}
