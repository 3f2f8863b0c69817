/**
 * Excel files the app writes: the cleaned ledger (a 汇总 sheet and the records with their sources)
 * and blank ledger templates. Imported only by the SheetJS worker (and Node tests), like sheetjs.ts.
 *
 * Every text is written as a shared string (t: 's'), never as a formula: a subject typed as =1+1 in
 * some ledger stays the text =1+1, and no file we write runs anything it was not given. The only
 * formulas are the SUMs of a template's 合计 row.
 *
 * SheetJS community edition writes no data validation, frozen panes or page setup, so those are
 * added to the sheet XML afterwards, in the positions the OOXML schema requires.
 */
import * as XLSX from '@e965/xlsx';
import { totalsByCategory } from '../core/aggregate';
import { KNOWN_CATEGORIES, categoryInfo, compareCategories } from '../core/categories';
import { isoToExcelSerial } from '../core/dates';
import { totalsTable, type TableCell } from '../core/exportCsv';
import { measureInfo } from '../core/measures';
import type { PivotSheet, SheetCell } from '../core/pivot';
import { yuanToWan } from '../core/numbers';
import {
  PROPOSAL_STATUSES,
  SATISFACTION_LEVELS,
  type BuiltinMeasureKey,
  type LedgerRecord,
  type MeasureKey,
  type NewRecord,
} from '../core/schema';
import { t } from '../i18n/zh-CN';

const DATE_FORMAT = 'yyyy-mm-dd';
const MONEY_FORMAT = '#,##0.00';
const INTEGER_FORMAT = '#,##0';

/** The measure columns of the records sheet, in the order of the totals table. */
const RECORD_MEASURES: readonly BuiltinMeasureKey[] = ['people', 'households', 'items', 'count', 'amount'];

type Cell = XLSX.CellObject;

const text = (v: string): Cell | null => (v === '' ? null : { t: 's', v });
const num = (v: number, z?: string): Cell => (z ? { t: 'n', v, z } : { t: 'n', v });

/** A stored date as a cell: a real Excel date for a day, 2023年3月 or 2023年 for a month or a year. */
function dateCell(iso: string): Cell | null {
  const serial = isoToExcelSerial(iso);
  if (serial !== null) return num(serial, DATE_FORMAT);
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) return text(t.exports.monthOnly(month[1] ?? '', Number(month[2])));
  if (/^\d{4}$/.test(iso)) return text(t.exports.yearOnly(iso));
  return text(iso);
}

/** Display width of a text in Excel's character units: CJK characters are two wide. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
  return w;
}

/** A sheet written cell by cell, with its merges and column widths. */
class SheetBuilder {
  private readonly ws: XLSX.WorkSheet = {};
  private rows = 0;
  private cols = 0;
  private readonly merges: XLSX.Range[] = [];
  private readonly widths: number[] = [];

  /** `sizes`: the cell's text widens its column (not so for titles and notes that may overflow). */
  set(r: number, c: number, cell: Cell | null, sizes = true): void {
    this.rows = Math.max(this.rows, r + 1);
    this.cols = Math.max(this.cols, c + 1);
    if (!cell) return;
    this.ws[XLSX.utils.encode_cell({ r, c })] = cell;
    if (!sizes) return;
    const shown =
      cell.t === 's' ? String(cell.v) : cell.z === DATE_FORMAT ? '2023-03-05' : String(cell.v ?? '');
    this.widths[c] = Math.max(this.widths[c] ?? 0, textWidth(shown));
  }

  row(r: number, cells: readonly (Cell | null)[]): void {
    cells.forEach((cell, c) => this.set(r, c, cell));
  }

  /** Merge a block of cells (the first holds the text). */
  merge(r1: number, c1: number, r2: number, c2: number): void {
    this.merges.push({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });
  }

  /** A text over several columns (a title): merged, and not counted in the column widths. */
  spanning(r: number, c1: number, c2: number, value: string): void {
    this.set(r, c1, text(value), false);
    if (c2 > c1) this.merges.push({ s: { r, c: c1 }, e: { r, c: c2 } });
  }

  sheet(minWidth: number[] = []): XLSX.WorkSheet {
    this.ws['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(0, this.rows - 1), c: Math.max(0, this.cols - 1) },
    });
    if (this.merges.length > 0) this.ws['!merges'] = this.merges;
    this.ws['!cols'] = Array.from({ length: this.cols }, (_, c) => ({
      wch: Math.min(40, Math.max(6, minWidth[c] ?? 0, this.widths[c] ?? 0) + 2),
    }));
    this.ws['!margins'] = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
    return this.ws;
  }
}

// ——— The cleaned ledger ———

type AnyRecord = LedgerRecord | NewRecord;

/** Custom measures (吨, 间) the records carry, in first-seen order. */
function customKeys(records: readonly AnyRecord[]): MeasureKey[] {
  const seen = new Set<MeasureKey>();
  for (const r of records)
    for (const k of Object.keys(r.values) as MeasureKey[]) if (k.startsWith('custom:')) seen.add(k);
  return [...seen];
}

function measureHeader(key: MeasureKey): string {
  return key.startsWith('custom:')
    ? t.exports.customMeasure(key.slice('custom:'.length))
    : measureInfo(key).label;
}

/**
 * The value written for a measure. 次数 is always written: a ledger row counts as one event unless it
 * says otherwise, and a figure from a statistics table (tally) as none, so its 次数 is 0.
 */
function measureCell(r: AnyRecord, key: MeasureKey): Cell | null {
  if (key === 'count') return num(r.values.count ?? (r.tally ? 0 : 1));
  const v = r.values[key];
  if (v === undefined) return null;
  return key === 'amount' ? num(yuanToWan(v), MONEY_FORMAT) : num(v);
}

/** Category order, then date (undated last), then where the record came from. */
function ledgerOrder(a: AnyRecord, b: AnyRecord): number {
  return (
    compareCategories(a.category, b.category) ||
    (a.date === '' ? 1 : 0) - (b.date === '' ? 1 : 0) ||
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
  );
}

function recordsSheet(records: readonly AnyRecord[], title: string, periodLabel: string): XLSX.WorkSheet {
  const measures: MeasureKey[] = [...RECORD_MEASURES, ...customKeys(records)];
  const r = t.role;
  const s = t.exports.source;
  const header = [
    r.date,
    r.category,
    r.members,
    r.place,
    r.subject,
    ...measures.map(measureHeader),
    r.status,
    r.satisfaction,
    r.note,
    r.unit,
    s.file,
    s.sheet,
    s.row,
  ];
  const b = new SheetBuilder();
  b.spanning(0, 0, header.length - 1, t.exports.recordsTitle(title, periodLabel));
  b.row(
    1,
    header.map((h) => text(h)),
  );
  const sorted = records.slice().sort(ledgerOrder);
  sorted.forEach((rec, i) => {
    b.row(i + 2, [
      dateCell(rec.date),
      text(rec.category),
      text(rec.members.join('、')),
      text(rec.place),
      text(rec.subject),
      ...measures.map((m) => measureCell(rec, m)),
      text(rec.status),
      text(rec.satisfaction),
      text(rec.note),
      text(rec.unit),
      text(rec.source.file),
      text(rec.source.sheet),
      num(rec.source.row),
    ]);
  });
  const subject = header.indexOf(r.subject);
  return b.sheet(header.map((_, c) => (c === subject ? 24 : 0)));
}

/**
 * The 汇总 sheet: title, unit line, the totals table as the dashboard shows it, and a 合计 row for the
 * one column that adds up across categories (records: 次, 期 and 件 do not add, nor 人次 of
 * different activities).
 */
function summarySheet(records: readonly AnyRecord[], title: string, periodLabel: string): XLSX.WorkSheet {
  const totals = totalsByCategory(records);
  const table = totalsTable(totals, {
    category: t.dashboard.category,
    records: t.dashboard.records,
    answered: t.dashboard.answered,
    done: t.dashboard.done,
    satisfied: t.dashboard.satisfied,
  });
  const last = table.header.length - 1;
  const b = new SheetBuilder();
  b.spanning(0, 0, last, t.exports.summaryTitle(title, periodLabel));
  b.spanning(1, 0, last, t.dashboard.unitCaption);
  b.row(
    2,
    table.header.map((h) => text(h)),
  );
  const cell = (v: TableCell, key: string | undefined): Cell | null => {
    if (v === null) return null;
    if (typeof v === 'string') return text(v);
    if (key === 'amount') return num(v, MONEY_FORMAT);
    return num(v, Number.isInteger(v) ? INTEGER_FORMAT : undefined);
  };
  table.rows.forEach((row, i) => {
    b.row(
      i + 3,
      row.map((v, c) => cell(v, c === 0 ? undefined : table.measures[c - 1])),
    );
  });
  const total = table.rows.reduce((n, row) => n + (typeof row[1] === 'number' ? row[1] : 0), 0);
  b.row(table.rows.length + 3, [text(t.exports.total), num(total, INTEGER_FORMAT)]);
  return b.sheet([8, 8]);
}

/** The ledger as .xlsx: 汇总 first (what a reader wants), then 台账记录 (what the importer reads). */
export function writeLedgerXlsx(
  records: readonly AnyRecord[],
  title: string,
  periodLabel: string,
): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, summarySheet(records, title, periodLabel), t.exports.sheet.summary);
  XLSX.utils.book_append_sheet(wb, recordsSheet(records, title, periodLabel), t.exports.sheet.records);
  wb.Props = { Title: t.exports.recordsTitle(title, periodLabel), Author: t.appName };
  return patchWorkbook(writeBook(wb), [
    { freezeRows: 3, landscape: true },
    { freezeRows: 2, landscape: true },
  ]);
}

// ——— The pivot (汇总表) ———

/**
 * The pivot as the dashboard shows it: title and unit line over the table, category over measure in
 * two header rows (the row header merged down, each category merged across its measures), the rows,
 * a 合计 row, and the note (a record of several members counts for each of them) below.
 */
export function writePivotXlsx(p: PivotSheet): Uint8Array {
  const width = p.header.length;
  const last = Math.max(0, width - 1);
  const money = new Set(p.moneyColumns);
  const b = new SheetBuilder();
  b.spanning(0, 0, last, p.title);
  b.spanning(1, 0, last, p.unitLine);
  let c = 0;
  for (const g of p.groups) {
    if (c === 0) b.set(2, 0, text(g.label));
    else b.spanning(2, c, c + g.span - 1, g.label);
    c += g.span;
  }
  b.row(
    3,
    p.header.map((h, i) => (i === 0 ? null : text(h))),
  );
  b.merge(2, 0, 3, 0);
  const cell = (v: SheetCell, col: number): Cell | null => {
    if (v === null) return null;
    if (typeof v === 'string') return text(v);
    if (money.has(col)) return num(v, MONEY_FORMAT);
    return num(v, Number.isInteger(v) ? INTEGER_FORMAT : undefined);
  };
  const rows = [...p.rows, p.totalRow];
  rows.forEach((row, i) => {
    b.row(
      4 + i,
      row.map((v, col) => cell(v, col)),
    );
  });
  if (p.note) b.spanning(4 + rows.length + 1, 0, last, p.note);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, b.sheet([8]), p.sheetName);
  wb.Props = { Title: p.title, Author: t.appName };
  return patchWorkbook(writeBook(wb), [{ freezeRows: 4, landscape: true }]);
}

// ——— Blank templates ———

interface TemplateColumn {
  header: string;
  kind: 'date' | 'text' | 'number' | 'money';
  example: string | number | null;
  /** Width in characters, at least. */
  width: number;
  /** A dropdown of these values (Excel data validation). */
  list?: readonly string[];
  /** The unit this measure column is counted in, for the unit line (人次, 户, 万元). */
  unit?: string;
  /** The 合计 row counts the filled cells of this column (ledgers without measure columns). */
  countFilled?: boolean;
}

/** The categories a template is offered for: the known ones, and 综合 (all of them, with 类别). */
export const TEMPLATE_CATEGORIES: readonly string[] = [
  ...KNOWN_CATEGORIES.map((c) => c.name),
  t.exports.templateAll,
];

function templateColumns(category: string, year: number): TemplateColumn[] {
  const r = t.role;
  const tp = t.exports.template;
  const h = tp.header;
  const subjectText = tp.exampleSubject[category] ?? tp.exampleSubject['会议'] ?? '';
  const date = (header: string = r.date): TemplateColumn => ({
    header,
    kind: 'date',
    example: `${year}-03-05`,
    width: 12,
  });
  const members = (header: string = r.members): TemplateColumn => ({
    header,
    kind: 'text',
    example: tp.exampleMembers,
    width: 14,
  });
  const place: TemplateColumn = { header: r.place, kind: 'text', example: tp.examplePlace, width: 12 };
  const subject = (header: string, countFilled = false): TemplateColumn => ({
    header,
    kind: 'text',
    example: subjectText,
    width: 32,
    countFilled,
  });
  const measure = (
    key: MeasureKey,
    example: number | null,
    header = measureInfo(key).label,
  ): TemplateColumn => ({
    header,
    kind: key === 'amount' ? 'money' : 'number',
    example,
    width: textWidth(header),
    unit: key === 'count' && header === h.sessions ? '期' : measureInfo(key).unit,
  });
  const status: TemplateColumn = {
    header: r.status,
    kind: 'text',
    example: category === '提案' ? '已答复' : null,
    width: 10,
    list: PROPOSAL_STATUSES,
  };
  const satisfaction: TemplateColumn = {
    header: r.satisfaction,
    kind: 'text',
    example: category === '提案' ? '满意' : null,
    width: 10,
    list: SATISFACTION_LEVELS,
  };
  const note: TemplateColumn = { header: r.note, kind: 'text', example: tp.example, width: 12 };

  switch (category) {
    case '走访':
      return [
        date(),
        members(),
        place,
        subject(h.visitSubject),
        measure('people', 6),
        measure('households', 3),
        measure('items', 20, h.leaflets),
        note,
      ];
    case '培训':
      return [
        date(),
        members(),
        place,
        subject(h.trainingSubject),
        measure('count', 1, h.sessions),
        measure('people', 45),
        note,
      ];
    case '提案':
      return [
        date(h.dateSubmitted),
        members(h.proposer),
        subject(h.proposal, true),
        status,
        satisfaction,
        note,
      ];
    case '资金':
      return [date(), members(), place, subject(h.project), measure('amount', 12.5), note];
    case '公益':
      return [
        date(),
        members(),
        place,
        subject(h.activity),
        measure('people', 6),
        measure('amount', 0.5),
        note,
      ];
    case '社情民意':
      return [date(), members(), place, subject(h.content, true), note];
    case t.exports.templateAll:
      return [
        date(),
        {
          header: r.category,
          kind: 'text',
          example: KNOWN_CATEGORIES[0]?.name ?? '',
          width: 10,
          list: KNOWN_CATEGORIES.map((c) => c.name),
        },
        members(),
        place,
        subject(r.subject),
        measure('people', 6),
        measure('households', 3),
        measure('items', 20),
        measure('count', 1),
        measure('amount', null),
        { ...status, example: null },
        { ...satisfaction, example: null },
        note,
      ];
    default: {
      const people: Record<string, number> = { 视察: 8, 调研: 6, 会议: 25, 学习: 20 };
      return [date(), members(), place, subject(h.activity), measure('people', people[category] ?? 10), note];
    }
  }
}

/** Rows of a template (0-based): title, unit line, header, example, the rows to fill, 合计, footer. */
export const TEMPLATE_LAYOUT = {
  header: 2,
  example: 3,
  firstBlank: 4,
  blankRows: 30,
  get total(): number {
    return this.firstBlank + this.blankRows;
  },
  get footer(): number {
    return this.total + 2;
  },
} as const;

function columnName(c: number): string {
  return XLSX.utils.encode_col(c);
}

/**
 * A blank ledger of one category for next year: title, 填报单位 and unit line, the header the
 * importer knows, one example row marked 示例 (skipped on import), 30 rows to fill, a 合计 row with
 * SUM formulas over the rows to fill (not the example), and the 填表人/审核人 footer.
 */
export function writeTemplateXlsx(category: string, year = new Date().getFullYear() + 1): Uint8Array {
  const L = TEMPLATE_LAYOUT;
  const tp = t.exports.template;
  const columns = templateColumns(category, year);
  const last = columns.length - 1;
  const what = tp.what[category] ?? category;
  const b = new SheetBuilder();
  b.spanning(0, 0, last, tp.title(year, what));
  b.set(1, 0, text(tp.reportingUnit), false);
  const units = [...new Set(columns.flatMap((c) => (c.unit ? [c.unit] : [])))];
  if (units.length === 0) units.push(categoryInfo(category).eventCounter);
  b.set(1, Math.max(2, last - 2), text(tp.units(units)), false);
  b.row(
    L.header,
    columns.map((c) => text(c.header)),
  );
  b.row(
    L.example,
    columns.map((c) => {
      if (c.example === null || c.example === '') return null;
      if (c.kind === 'date' && typeof c.example === 'string') return dateCell(c.example);
      if (typeof c.example === 'number') return num(c.example, c.kind === 'money' ? MONEY_FORMAT : undefined);
      return text(c.example);
    }),
  );
  // The 合计 row totals the rows to fill in: 0 while they are blank (its true value, cached), then
  // recomputed by Excel and WPS as the clerk types, and on opening (fullCalcOnLoad).
  const from = L.firstBlank + 1;
  const to = L.total;
  b.set(L.total, 0, text(t.exports.total));
  columns.forEach((c, i) => {
    const range = `${columnName(i)}${from}:${columnName(i)}${to}`;
    if (c.kind === 'number' || c.kind === 'money')
      b.set(L.total, i, { t: 'n', v: 0, f: `SUM(${range})`, ...(c.kind === 'money' && { z: MONEY_FORMAT }) });
    else if (c.countFilled) b.set(L.total, i, { t: 'n', v: 0, f: `COUNTA(${range})` });
  });
  const footerAt = [0, Math.round(columns.length / 3), Math.round((2 * columns.length) / 3)];
  tp.footer.forEach((label, k) => b.set(L.footer, Math.min(last, footerAt[k] ?? 0), text(label), false));

  const ws = b.sheet(columns.map((c) => c.width));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, tp.sheet(what));
  wb.Props = { Title: tp.title(year, what), Author: t.appName };
  const validations = columns.flatMap((c, i) =>
    c.list ? [{ sqref: `${columnName(i)}${L.example + 1}:${columnName(i)}${L.total}`, list: c.list }] : [],
  );
  return patchWorkbook(writeBook(wb), [{ freezeRows: L.header + 1, landscape: true, validations }], true);
}

// ——— Writing, and what SheetJS community edition does not write ———

function writeBook(wb: XLSX.WorkBook): Uint8Array {
  const out = XLSX.writeXLSX(wb, { type: 'array', bookType: 'xlsx', bookSST: true, compression: true }) as
    ArrayBuffer | Uint8Array;
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

/** The slice of SheetJS's bundled CFB (zip) library used here; it ships untyped. */
interface Zip {
  FullPaths: string[];
}
interface ZipEntry {
  content?: ArrayLike<number> | null;
}
const CFB = XLSX.CFB as unknown as {
  read(data: Uint8Array, options: { type: 'array' }): Zip;
  find(zip: Zip, path: string): ZipEntry | null;
  write(zip: Zip, options: { fileType: 'zip'; type: 'array'; compression: boolean }): ArrayLike<number>;
  utils: { cfb_add(zip: Zip, path: string, content: Uint8Array): ZipEntry };
};

export interface SheetPatch {
  /** Dropdown lists: `sqref` is the range (E4:E34), `list` the choices. */
  validations?: { sqref: string; list: readonly string[] }[];
  /** Rows kept in view when scrolling (title and header). */
  freezeRows?: number;
  /** Print on A4 landscape. */
  landscape?: boolean;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Elements that follow dataValidations in CT_Worksheet (ECMA-376 Part 1, 18.3.1.99), in order. */
const AFTER_VALIDATIONS = [
  '<hyperlinks',
  '<printOptions',
  '<pageMargins',
  '<pageSetup',
  '<headerFooter',
  '<rowBreaks',
  '<colBreaks',
  '<customProperties',
  '<cellWatches',
  '<ignoredErrors',
  '<smartTags',
  '<drawing',
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];
const AFTER_PAGE_SETUP = AFTER_VALIDATIONS.slice(AFTER_VALIDATIONS.indexOf('<headerFooter'));

/** Insert `fragment` before the first of `followers` found in `xml` (the schema's order). */
function insertBefore(xml: string, fragment: string, followers: readonly string[]): string {
  let at = -1;
  for (const tag of followers) {
    const i = xml.indexOf(tag);
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  if (at === -1) throw new Error('worksheet XML without a closing tag');
  return xml.slice(0, at) + fragment + xml.slice(at);
}

export function patchSheetXml(xml: string, patch: SheetPatch): string {
  let out = xml;
  if (patch.freezeRows) {
    const top = `A${patch.freezeRows + 1}`;
    const pane =
      `<pane ySplit="${patch.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`;
    out = out.replace(/<sheetView ([^>]*?)\/>/, `<sheetView $1>${pane}</sheetView>`);
  }
  const validations = patch.validations ?? [];
  if (validations.length > 0) {
    const tp = t.exports.template;
    const items = validations.map(
      (v) =>
        `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"` +
        ` errorTitle="${escapeXml(tp.listErrorTitle)}" error="${escapeXml(tp.listError)}" sqref="${v.sqref}">` +
        `<formula1>${escapeXml(`"${v.list.join(',')}"`)}</formula1></dataValidation>`,
    );
    out = insertBefore(
      out,
      `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`,
      AFTER_VALIDATIONS,
    );
  }
  if (patch.landscape) {
    out = insertBefore(out, '<pageSetup paperSize="9" orientation="landscape"/>', AFTER_PAGE_SETUP);
  }
  return out;
}

/** Patch the sheets' XML (sheet1.xml … in workbook order) and, for templates, recalculate on load. */
function patchWorkbook(bytes: Uint8Array, sheets: readonly SheetPatch[], recalculate = false): Uint8Array {
  const zip = CFB.read(bytes, { type: 'array' });
  const decoder = new TextDecoder('utf-8');
  const encoder = new TextEncoder();
  const edit = (path: string, change: (xml: string) => string) => {
    const content = CFB.find(zip, path)?.content;
    if (!content) throw new Error(`${path} missing from the written workbook`);
    const xml = decoder.decode(content instanceof Uint8Array ? content : Uint8Array.from(content));
    CFB.utils.cfb_add(zip, path, encoder.encode(change(xml)));
  };
  sheets.forEach((patch, i) => edit(`/xl/worksheets/sheet${i + 1}.xml`, (xml) => patchSheetXml(xml, patch)));
  if (recalculate) {
    // calcPr follows sheets and definedNames, the last elements SheetJS writes; fullCalcOnLoad makes
    // Excel, WPS and LibreOffice compute the 合计 formulas when the file is opened.
    edit('/xl/workbook.xml', (xml) =>
      xml.replace('</workbook>', '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'),
    );
  }
  const out = CFB.write(zip, { fileType: 'zip', type: 'array', compression: true });
  return out instanceof Uint8Array ? new Uint8Array(out) : Uint8Array.from(out);
}
