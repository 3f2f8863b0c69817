/**
 * Reading the rows below the header: each row is data, or something that must never be counted
 * (blank, 栏次, group label, 小计/合计, footer, hidden). Totals are checked against the data they total.
 */
import { canonicalCategory, isKnownCategory } from '../categories';
import { parseDateText } from '../dates';
import { ExactSum, parseQuantity, roundTo, type ParsedQuantity } from '../numbers';
import type { ColumnRole, MeasureKey, MeasureValues, NewRecord } from '../schema';
import { cellDate, cellText } from './cells';
import { measureOfUnit } from './columns';
import { isExampleMark, isFooterLabel, isGroupLabel, isLanciRow, totalKind } from './labels';
import { categoryFromName, suggestRole } from './synonyms';
import type { CellRange, ImportWarning, RawCell, SkipReason, SkippedRow, TableShape } from './types';
import { parseSatisfaction, parseStatus, splitMembers } from './values';

export interface RowContext {
  fileName: string;
  sheet: string;
  /** Year for dates that omit it (3月5日) and for tables dated only by their title. */
  year: number | undefined;
  /** Month (or quarter) named by the sheet: the date of rows that have none. */
  sheetMonth: number | undefined;
  category: string;
  reportingUnit: string;
  includeHidden: boolean;
  /** Rows are figures of a statistics table (per village, per item), not events. */
  tally: boolean;
}

export interface RowsResult {
  records: NewRecord[];
  skipped: SkippedRow[];
  warnings: ImportWarning[];
  hiddenRows: number;
}

type Measured = { c: number; role: Extract<ColumnRole, { kind: 'measure' }> };

function isErrorCell(cell: RawCell | undefined): cell is { error: string } {
  return cell !== null && typeof cell === 'object' && cell !== undefined && 'error' in cell;
}

type QuantityParser = (text: string) => ParsedQuantity;

function numberOf(cell: RawCell | undefined, quantity: QuantityParser = parseQuantity): number | null {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string') return null;
  const q = quantity(cell);
  return q.ok ? q.value : null;
}

/** The fallback date of a row with none: the sheet's month, else the year of the ledger. */
function fallbackDate(ctx: RowContext, warnings: ImportWarning[]): string {
  if (!ctx.year) {
    if (!warnings.some((w) => w.kind === 'no-year')) warnings.push({ kind: 'no-year' });
    return '';
  }
  if (ctx.sheetMonth) return `${ctx.year}-${String(ctx.sheetMonth).padStart(2, '0')}`;
  return String(ctx.year);
}

export function readRows(
  rows: readonly RawCell[][],
  firstDataRow: number,
  shape: TableShape,
  roles: readonly ColumnRole[],
  headers: readonly string[],
  hiddenRows: ReadonlySet<number>,
  merges: readonly CellRange[],
  ctx: RowContext,
): RowsResult {
  const out: RowsResult = { records: [], skipped: [], warnings: [], hiddenRows: 0 };
  const measured: Measured[] = roles.flatMap((role, c) => (role.kind === 'measure' ? [{ c, role }] : []));
  const labelColumns = roles.flatMap((r, c) =>
    r.kind === 'measure' || r.kind === 'month' || r.kind === 'rowTotal' ? [] : [c],
  );
  // Worked out once per table, not once per row: a 100,000-row ledger asks these 100,000 times.
  const valueColumns = roles.some((r) => r.kind === 'measure' || r.kind === 'month')
    ? roles.flatMap((r, c) => (r.kind === 'measure' || r.kind === 'month' ? [c] : []))
    : null;
  // Text ledgers (CSV) hold every figure and date as text, in row after row the same few: each is
  // parsed once per table.
  const quantities = new Memo(parseQuantity);
  const dates = new Memo((text) => parseDateText(text, ctx.year));
  const memo: RowMemo = {
    members: new MemberCache(),
    categories: new Memo(categoryOfCell),
    quantity: (text) => quantities.get(text),
    date: (text) => dates.get(text),
  };
  const hasPlace = roles.some((r) => r.kind === 'place');
  const totals = new TotalChecker(roles, headers, out.warnings, memo.quantity);
  let inFooter = false;
  let group: { category: string | null; place: string | null } = { category: null, place: null };
  let lastItem = { label: '', category: '' };

  const fill = mergedTextFill(merges, roles, firstDataRow, rows);
  for (let r = firstDataRow; r < rows.length; r++) {
    const cells = fill(r, rows[r] ?? []);
    const texts = cells.map(cellText);
    // A 栏次 row may follow blank rows under the header, but never data.
    const reason = classify(cells, texts, labelColumns, valueColumns, inFooter, out.records.length === 0);
    if (reason === 'footer') inFooter = true;
    if (reason === 'total' || reason === 'subtotal') {
      totals.check(cells, r + 1, reason);
      out.skipped.push({ row: r + 1, reason });
      continue;
    }
    if (reason === 'group') {
      const label = texts.find((t) => t !== '') ?? '';
      const category = categoryFromName(label);
      // 一、青山村 then （一）走访群众: a category label keeps the place above it, a place label the category.
      group = category
        ? { category, place: group.place }
        : {
            category: group.category,
            place: hasPlace
              ? null
              : label.replace(/^[一二三四五六七八九十]+[、.．]|[（(][^()（）]*[)）]/g, '').trim(),
          };
      out.skipped.push({ row: r + 1, reason });
      continue;
    }
    if (reason) {
      out.skipped.push({ row: r + 1, reason });
      continue;
    }
    if (hiddenRows.has(r)) {
      out.hiddenRows++;
      if (!ctx.includeHidden) {
        out.skipped.push({ row: r + 1, reason: 'hidden' });
        // The ledger's own SUM still covers the hidden row: compare totals with it included.
        totals.add(cells);
        continue;
      }
    }
    const before = out.records.length;
    if (shape === 'wide')
      lastItem = readWideRow(cells, roles, headers, r + 1, ctx, group.category, lastItem, out);
    else if (shape === 'stats') readStatsRow(cells, roles, measured, r + 1, ctx, group, out);
    else readEventRow(cells, texts, roles, headers, r + 1, ctx, group, memo, out);
    if (out.records.length === before) out.skipped.push({ row: r + 1, reason: 'empty-values' });
    else totals.add(cells);
  }
  return out;
}

/**
 * A date, place or member merged down over several rows (one day, several visits) belongs to each
 * of them; the file holds it only in the top cell. Figures are never copied: a merged 人数 is one
 * figure, and repeating it would count it again.
 */
function mergedTextFill(
  merges: readonly CellRange[],
  roles: readonly ColumnRole[],
  firstDataRow: number,
  rows: readonly RawCell[][],
): (r: number, cells: RawCell[]) => RawCell[] {
  const copies = new Map<number, [number, RawCell][]>();
  for (const m of merges) {
    if (m.e.r <= m.s.r || m.s.r < firstDataRow) continue;
    for (let c = m.s.c; c <= m.e.c; c++) {
      const role = roles[c];
      if (
        !role ||
        role.kind === 'measure' ||
        role.kind === 'month' ||
        role.kind === 'rowTotal' ||
        role.kind === 'ignore'
      )
        continue;
      const value = rows[m.s.r]?.[m.s.c] ?? null;
      for (let r = m.s.r + 1; r <= m.e.r; r++) {
        const list = copies.get(r) ?? [];
        list.push([c, value]);
        copies.set(r, list);
      }
    }
  }
  if (copies.size === 0) return (_r, cells) => cells;
  return (r, cells) => {
    const list = copies.get(r);
    if (!list) return cells;
    const out = cells.slice();
    for (const [c, v] of list) out[c] = v;
    return out;
  };
}

/**
 * `valueColumns`: the measure and month columns, or null when the table has none. `texts` is
 * `cells.map(cellText)`, holes kept: a hole (a merged text copied past the row's end) is not filled
 * text, yet in a value column it is not a blank cell either.
 */
function classify(
  cells: readonly RawCell[],
  texts: readonly string[],
  labelColumns: readonly number[],
  valueColumns: readonly number[] | null,
  inFooter: boolean,
  first: boolean,
): SkipReason | null {
  // One pass over the filled texts (not '' and not a hole), gathering what the checks below ask in
  // their order of precedence: how many there are, where the first stands, whether any is a 示例
  // mark, and the first total label among the first three. A total's label stands in one of the
  // first filled cells (合计 in A, 一月小计 in B); further right it could be a subject that merely
  // starts with the same characters.
  let filled = 0;
  let firstAt = -1;
  let example = false;
  let total: SkipReason | null = null;
  for (let c = 0; c < texts.length; c++) {
    const t = texts[c];
    if (t === undefined || t === '') continue;
    if (filled === 0) firstAt = c;
    if (filled < 3 && total === null) total = totalKind(t);
    filled++;
    if (!example && isExampleMark(t)) example = true;
  }
  if (filled === 0) return 'blank';
  // A template's worked example (备注：示例) shows how to fill the rows in; it is not an event.
  if (example) return 'example';
  if (first && isLanciRow(texts as string[])) return 'lanci';
  if (total) return total;
  const label = texts[firstAt] ?? '';
  if (inFooter || isFooterLabel(label)) return 'footer';
  // A row with one text and nothing in the value columns labels the rows below it.
  let valueCells = -1;
  if (valueColumns) {
    valueCells = 0;
    for (const c of valueColumns) if (texts[c] !== '') valueCells++;
  }
  if (valueCells === 0 && filled === 1 && typeof cells[firstAt] === 'string') {
    if (isGroupLabel(label) || labelColumns.length > 1) return 'group';
  }
  if (valueCells === -1 && filled === 1 && isGroupLabel(label)) return 'group';
  return null;
}

/**
 * A pure function of a cell's text, remembered per text for one table: a ledger writes the same few
 * categories and members (and pairs of them) in row after row. Bounded, so a column of free text
 * keeps no more than MEMO_LIMIT of them.
 */
class Memo<T> {
  private readonly known = new Map<string, T>();

  constructor(private readonly compute: (text: string) => T) {}

  get(text: string): T {
    let value = this.known.get(text);
    if (value === undefined) {
      value = this.compute(text);
      if (this.known.size >= MEMO_LIMIT) this.known.clear();
      this.known.set(text, value);
    }
    return value;
  }
}

const MEMO_LIMIT = 10_000;

/** Pure readings of cell texts, remembered for one table. */
interface RowMemo {
  members: MemberCache;
  categories: Memo<string>;
  quantity: QuantityParser;
  /** parseDateText with the table's year. */
  date: (text: string) => string | null;
}

/** splitMembers remembered; each record gets its own copy of the list. */
class MemberCache {
  private readonly names = new Memo<readonly string[]>(splitMembers);

  split(text: string): string[] {
    return this.names.get(text).slice();
  }
}

/** The category a 类别 cell names: 走访群众 is an alias of 走访; 调研视察 or 专题协商会 name a known category by keyword. */
function categoryOfCell(text: string): string {
  const name = canonicalCategory(text);
  return isKnownCategory(name) ? name : (categoryFromName(text) ?? name);
}

/** `texts` is `cells.map(cellText)`, computed once for classify and reused here. */
function readEventRow(
  cells: readonly RawCell[],
  texts: readonly string[],
  roles: readonly ColumnRole[],
  headers: readonly string[],
  row: number,
  ctx: RowContext,
  group: { category: string | null; place: string | null },
  memo: RowMemo,
  out: RowsResult,
): void {
  const rec = baseRecord(ctx, row, group);
  const values: MeasureValues = {};
  let filled = 0;
  let badDate = false;
  // A loop rather than roles.forEach: no closure per row, and `continue` reads as the early returns did.
  for (let c = 0; c < roles.length; c++) {
    const role = roles[c];
    // A hole in `texts` is a missing cell, which cellText reads as ''.
    const text = texts[c] ?? '';
    if (!role || role.kind === 'ignore' || text === '') continue;
    const cell = cells[c] ?? null;
    if (isErrorCell(cell)) {
      out.warnings.push({ kind: 'error-cell', row, column: headers[c] ?? '', text });
      continue;
    }
    switch (role.kind) {
      case 'date': {
        // cellDate reads a text with parseDateText: the same, remembered.
        const d = typeof cell === 'string' ? memo.date(cell) : cellDate(cell, ctx.year);
        if (d) {
          rec.date = d;
          filled++;
        } else {
          badDate = true;
          out.warnings.push({ kind: 'bad-date', row, text });
        }
        continue;
      }
      case 'category':
        rec.category = memo.categories.get(text);
        continue;
      case 'members': {
        rec.members = memo.members.split(text);
        // 等 first: the pattern below cannot match without it, and most cells have none.
        const others = text.includes('等') && /等\s*(\d+)\s*(?:人|名)/.test(text);
        if (others) rec.note = rec.note ? `${rec.note}；${text}` : text;
        filled++;
        continue;
      }
      case 'place':
        rec.place = text;
        filled++;
        continue;
      case 'subject':
        rec.subject = text;
        filled++;
        continue;
      case 'status':
        rec.status = parseStatus(text);
        continue;
      case 'satisfaction':
        rec.satisfaction = parseSatisfaction(text);
        continue;
      case 'note':
        rec.note = rec.note ? `${text}；${rec.note}` : text;
        continue;
      case 'unit':
        rec.unit = text;
        continue;
      case 'measure': {
        const v = measureValue(cell, role, headers[c] ?? '', row, out.warnings, memo.quantity);
        if (v !== null) {
          values[role.measure] = v;
          filled++;
        }
        continue;
      }
      default:
        continue;
    }
  }
  if (filled === 0) return;
  // A date the clerk wrote but nobody can read stays unknown: guessing the sheet's month would
  // put the event in the wrong period without anyone noticing.
  if (!rec.date && !badDate) rec.date = fallbackDate(ctx, out.warnings);
  rec.values = values;
  if (ctx.tally) rec.tally = true;
  out.records.push(rec);
}

function readStatsRow(
  cells: readonly RawCell[],
  roles: readonly ColumnRole[],
  measured: readonly Measured[],
  row: number,
  ctx: RowContext,
  group: { category: string | null; place: string | null },
  out: RowsResult,
): void {
  const base = baseRecord(ctx, row, group);
  roles.forEach((role, c) => {
    const text = cellText(cells[c]);
    if (!text) return;
    if (role.kind === 'date') base.date = cellDate(cells[c], ctx.year) ?? base.date;
    else if (role.kind === 'place') base.place = text;
    else if (role.kind === 'subject') base.subject = text;
    else if (role.kind === 'members') base.members = splitMembers(text);
    else if (role.kind === 'unit') base.unit = text;
    else if (role.kind === 'note') base.note = text;
  });
  if (!base.date) base.date = fallbackDate(ctx, out.warnings);
  const byCategory = new Map<string, MeasureValues>();
  for (const { c, role } of measured) {
    const v = measureValue(cells[c] ?? null, role, '', row, out.warnings);
    if (v === null) continue;
    const category = role.category ?? base.category;
    const values = byCategory.get(category) ?? {};
    values[role.measure] = v;
    byCategory.set(category, values);
  }
  for (const [category, values] of byCategory) {
    out.records.push({ ...base, members: [...base.members], category, values, tally: true });
  }
}

/** One item row of a wide table → one record per month with a value. Returns the row's label and category. */
function readWideRow(
  cells: readonly RawCell[],
  roles: readonly ColumnRole[],
  headers: readonly string[],
  row: number,
  ctx: RowContext,
  groupCategory: string | null,
  last: { label: string; category: string },
  out: RowsResult,
): { label: string; category: string } {
  let label = '';
  let unit = '';
  roles.forEach((role, c) => {
    if (role.kind === 'item') label = cellText(cells[c]);
    if (role.kind === 'itemUnit') unit = cellText(cells[c]);
  });
  // A label merged down over two rows (走访群众 | 人次 / | 户) names the second row too.
  if (!label) label = last.label;
  const bracket = /[(（]([^()（）]+)[)）]\s*$/.exec(label);
  const m = measureOfUnit(unit) ??
    (bracket ? measureOfUnit(bracket[1] ?? '') : null) ??
    measureFromLabel(label) ?? { measure: 'count' as MeasureKey, scale: 1 };
  const name = label.replace(/[(（][^()（）]*[)）]\s*$/, '');
  // 发放宣传资料 | 份 under 走访群众 belongs to the visits: leaflets are handed out on visits. Any
  // other item without a category word (清理垃圾 | 吨) is a category of its own.
  const category =
    categoryFromName(name) ??
    groupCategory ??
    (m.measure === 'items' && last.category ? last.category : ctx.category || canonicalCategory(name));
  if (!ctx.year && !out.warnings.some((w) => w.kind === 'no-year')) out.warnings.push({ kind: 'no-year' });
  const sum = new ExactSum();
  roles.forEach((role, c) => {
    if (role.kind !== 'month') return;
    const cell = cells[c] ?? null;
    if (isErrorCell(cell)) {
      out.warnings.push({ kind: 'error-cell', row, column: headers[c] ?? '', text: cell.error });
      return;
    }
    const v = measureValue(
      cell,
      { kind: 'measure', measure: m.measure, scale: m.scale },
      headers[c] ?? '',
      row,
      out.warnings,
    );
    if (v === null) return;
    sum.add(v);
    const date = ctx.year ? `${ctx.year}-${String(role.month).padStart(2, '0')}` : '';
    const rec = baseRecord(ctx, row, { category, place: null });
    out.records.push({ ...rec, date, category, subject: label, values: { [m.measure]: v }, tally: true });
  });
  roles.forEach((role, c) => {
    if (role.kind !== 'rowTotal') return;
    const cell = cells[c] ?? null;
    if (isErrorCell(cell)) {
      out.warnings.push({ kind: 'error-total', row, column: headers[c] ?? '', text: cell.error });
      return;
    }
    const stated = numberOf(cell);
    if (stated === null) return;
    const statedStored = m.measure === 'amount' ? roundTo(stated * m.scale, 2) : stated * m.scale;
    if (Math.abs(statedStored - sum.value) > 1e-6) {
      out.warnings.push({
        kind: 'total-mismatch',
        row,
        column: headers[c] ?? '',
        stated,
        computed: sum.value / m.scale,
      });
    }
  });
  return { label, category };
}

function measureFromLabel(label: string): { measure: MeasureKey; scale: number } | null {
  const s = suggestRole(label);
  return s.role.kind === 'measure' ? { measure: s.role.measure, scale: s.role.scale } : null;
}

function baseRecord(
  ctx: RowContext,
  row: number,
  group: { category: string | null; place: string | null },
): NewRecord {
  return {
    date: '',
    category: group.category ?? ctx.category,
    members: [],
    place: group.place ?? '',
    subject: '',
    status: '',
    satisfaction: '',
    values: {},
    note: '',
    unit: ctx.reportingUnit,
    source: { file: ctx.fileName, sheet: ctx.sheet, row },
  };
}

/** A measure cell in the stored unit (money in 元 to the fen), or null for blank and bad cells. */
function measureValue(
  cell: RawCell | null,
  role: Extract<ColumnRole, { kind: 'measure' }>,
  column: string,
  row: number,
  warnings: ImportWarning[],
  quantity: QuantityParser = parseQuantity,
): number | null {
  if (cell === null || typeof cell === 'boolean') return null;
  // A figure that only overflows once scaled (1e305 万元) is no figure: Infinity would poison every sum.
  const finite = (v: number): number | null => {
    if (Number.isFinite(v)) return v;
    warnings.push({ kind: 'bad-number', row, column, text: String(cell) });
    return null;
  };
  if (typeof cell === 'number' && Number.isFinite(cell)) {
    // What parseQuantity gives a finite number (itself, no unit, not approximate), without the object.
    if (role.measure === 'amount') return finite(roundTo(cell * role.scale, 2));
    return finite(cell * role.scale);
  }
  if (typeof cell === 'object') {
    if ('error' in cell) warnings.push({ kind: 'error-cell', row, column, text: cell.error });
    return null;
  }
  const q = typeof cell === 'string' ? quantity(cell) : parseQuantity(cell);
  if (!q.ok) {
    warnings.push({ kind: 'bad-number', row, column, text: String(cell) });
    return null;
  }
  if (q.value === null) return null;
  if (q.approximate) warnings.push({ kind: 'approximate', row, column, text: String(cell) });
  let scale = role.scale;
  if (role.measure === 'amount') {
    if (/^万元?$/.test(q.unit)) scale = 10000;
    else if (q.unit === '元') scale = 1;
    else if (q.unit === '亿元' || q.unit === '亿') scale = 100_000_000;
    return finite(roundTo(q.value * scale, 2));
  }
  return finite(q.value * scale);
}

/**
 * Compares 小计 and 合计 rows with the sums of the rows they total: a ledger whose own total
 * disagrees (a SUM range that missed a row, a typed figure) is worth a look before anything is stored.
 */
class TotalChecker {
  private sinceSubtotal = new Map<number, ExactSum>();
  private sinceTotal = new Map<number, ExactSum>();
  /** Never reset: a 总计 below per-village 合计 rows (东山村合计 … 总计) totals all of them. */
  private all = new Map<number, ExactSum>();
  /** The figure columns, found once: add() runs for every data row. */
  private readonly figureColumns: number[];

  constructor(
    private readonly roles: readonly ColumnRole[],
    private readonly headers: readonly string[],
    private readonly warnings: ImportWarning[],
    private readonly quantity: QuantityParser = parseQuantity,
  ) {
    this.figureColumns = roles.flatMap((r, c) =>
      r.kind === 'measure' || r.kind === 'month' || r.kind === 'rowTotal' ? [c] : [],
    );
  }

  add(cells: readonly RawCell[]): void {
    for (const c of this.figureColumns) {
      const v = numberOf(cells[c], this.quantity);
      if (v === null) continue;
      addTo(this.sinceSubtotal, c, v);
      addTo(this.sinceTotal, c, v);
      addTo(this.all, c, v);
    }
  }

  check(cells: readonly RawCell[], row: number, kind: 'total' | 'subtotal'): void {
    const sums = kind === 'subtotal' ? this.sinceSubtotal : this.sinceTotal;
    // Wide tables mix units down a column (人次 above 户): only single-measure columns compare.
    const comparable = this.roles.some((r) => r.kind === 'measure');
    for (const c of this.figureColumns) {
      const cell = cells[c];
      const column = this.headers[c] ?? '';
      if (isErrorCell(cell)) {
        this.warnings.push({ kind: 'error-total', row, column, text: cell.error });
        continue;
      }
      if (!comparable) continue;
      const stated = numberOf(cell, this.quantity);
      if (stated === null) continue;
      const computed = sums.get(c)?.value ?? 0;
      const agrees = (sum: number) => Math.abs(stated - sum) <= 1e-6 * Math.max(1, Math.abs(sum));
      if (!agrees(computed) && !(kind === 'total' && agrees(this.all.get(c)?.value ?? 0))) {
        this.warnings.push({ kind: 'total-mismatch', row, column, stated, computed });
      }
    }
    this.sinceSubtotal = new Map();
    if (kind === 'total') this.sinceTotal = new Map();
  }
}

function addTo(sums: Map<number, ExactSum>, c: number, v: number): void {
  let s = sums.get(c);
  if (!s) {
    s = new ExactSum();
    sums.set(c, s);
  }
  s.add(v);
}
