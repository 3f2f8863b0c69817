/**
 * One sheet → one table of records: find the header band, give each column a role, decide the
 * table's shape, and read every row below it. Pure: returns data, never throws.
 */
import { yearInText } from '../dates';
import type { ColumnRole } from '../schema';
import { detectHeaderBand, flattenHeaders, type HeaderBand } from './band';
import { cellText, cutLongTexts, isBlankCell } from './cells';
import { planColumns } from './columns';
import { isNotesSheetName, monthOfSheet, reportingUnit, unitLine } from './labels';
import { readRows } from './rows';
import { categoryFromName } from './synonyms';
import type {
  CategorySource,
  ImportWarning,
  RawSheet,
  SkippedRow,
  TableOptions,
  TablePreview,
} from './types';

export type SheetReading =
  { ok: true; table: TablePreview } | { ok: false; reason: 'empty' | 'no-header' | 'notes' };

const SAMPLE_ROWS = 15;

/** Header signature: the same ledger shape next year is recognised by its column names. */
export function headerSignature(headers: readonly string[]): string {
  return headers.filter((h) => h !== '').join('|');
}

export function readSheet(
  sheet: RawSheet,
  fileName: string,
  options: TableOptions = {},
  sheetIndex = 0,
): SheetReading {
  const head = readHead(sheet, options);
  return head.ok ? readTable(head.head, sheet, fileName, options, sheetIndex) : head;
}

/** A sheet's header as the options place it: what its signature is made of, before any row is read. */
export interface SheetHead {
  /** The sheet's rows, overlong texts cut. */
  rows: RawSheet['rows'];
  long: ReturnType<typeof cutLongTexts>['long'];
  band: HeaderBand;
  headers: string[];
}

export type HeadReading = { ok: true; head: SheetHead } | Extract<SheetReading, { ok: false }>;

/**
 * The first half of readSheet: the header band and the column names. previewWorkbook looks up a
 * saved mapping by them before reading 100,000 rows a way the mapping then replaces.
 */
export function readHead(sheet: RawSheet, options: TableOptions = {}): HeadReading {
  // Texts beyond IMPORT_LIMITS.textLength are cut before anything reads them: headers, records and
  // the sample all hold the cut text.
  const { rows, long } = cutLongTexts(sheet.rows);
  if (rows.every((row) => row.every(isBlankCell))) return { ok: false, reason: 'empty' };

  const detected = detectHeaderBand(rows, sheet.merges);
  const band = chooseBand(detected, options, rows.length);
  if (!band)
    return {
      ok: false,
      reason: isNotesSheetName(sheet.name) || looksLikeProse(sheet) ? 'notes' : 'no-header',
    };

  // A loop, not Math.max(...): spreading 300,000 row lengths overflows the call stack.
  let width = 0;
  for (let r = band.start; r < rows.length; r++) width = Math.max(width, rows[r]?.length ?? 0);
  const headers = flattenHeaders(rows, sheet.merges, band, width);
  while (
    headers.length > 0 &&
    headers[headers.length - 1] === '' &&
    !columnHasData(rows, band.end + 1, headers.length - 1)
  ) {
    headers.pop();
  }
  return { ok: true, head: { rows, long, band, headers } };
}

/** The second half of readSheet: roles, category and every row below the header of `head`. */
export function readTable(
  head: SheetHead,
  sheet: RawSheet,
  fileName: string,
  options: TableOptions = {},
  sheetIndex = 0,
): { ok: true; table: TablePreview } {
  const { rows, long, band, headers } = head;

  // Rows above the header: the title (with the year and often the category), 填报单位, 单位：万元.
  const above = rows.slice(0, band.start).map((r) =>
    r
      .map(cellText)
      .filter((t) => t !== '')
      .join(' '),
  );
  const aboveText = above.join(' ');
  const moneyScale = unitLine(aboveText)?.scale ?? null;
  const unitName = reportingUnit(aboveText) ?? '';
  const year = yearInText(aboveText) ?? yearInText(sheet.name) ?? yearInText(fileName);
  const sheetMonth = monthOfSheet(sheet.name)?.month;

  const warnings: ImportWarning[] = [];
  const plan = planColumns(headers, moneyScale, warnings);
  let roles = plan.roles;
  let confidence = plan.confidence;
  let shape = plan.shape;
  let mappingSource: TablePreview['mappingSource'] = 'auto';
  if (options.roles && options.roles.length > 0) {
    roles = headers.map((_, c) => options.roles?.[c] ?? roles[c] ?? { kind: 'ignore' });
    confidence = roles.map(() => 1);
    shape = shapeOf(roles);
    mappingSource = 'user';
    warnings.length = 0;
  }

  const { category, categorySource } = tableCategory(
    roles,
    headers,
    sheet.name,
    aboveText,
    fileName,
    options.category,
  );
  const skipped: SkippedRow[] = above.map((text, i) => ({
    row: i + 1,
    reason: !text ? 'blank' : unitLine(text) || reportingUnit(text) ? 'unit' : 'title',
  }));
  for (let r = band.start; r <= band.end; r++) skipped.push({ row: r + 1, reason: 'header' });

  const result = readRows(
    rows,
    band.end + 1,
    shape,
    roles,
    headers,
    new Set(sheet.hiddenRows),
    sheet.merges,
    {
      fileName,
      sheet: sheet.name,
      year,
      sheetMonth,
      category,
      reportingUnit: unitName,
      includeHidden: options.includeHidden ?? false,
      tally: isStatisticsTable(roles, shape, `${aboveText} ${sheet.name} ${fileName}`),
    },
  );
  for (const w of result.warnings) warnings.push(w);
  for (const { r, c, length } of long) {
    warnings.push({ kind: 'long-text', row: r + 1, column: r > band.end ? (headers[c] ?? '') : '', length });
  }
  if (result.records.some((r) => !r.category)) warnings.push({ kind: 'no-category' });

  return {
    ok: true,
    table: {
      sheet: sheet.name,
      sheetIndex,
      hiddenSheet: sheet.hidden,
      shape,
      headerStart: band.start + 1,
      headerEnd: band.end + 1,
      headers,
      roles,
      confidence,
      signature: headerSignature(headers),
      mappingSource,
      category,
      categorySource,
      records: result.records,
      skipped: [...skipped, ...result.skipped],
      hiddenRows: result.hiddenRows,
      includeHidden: options.includeHidden ?? false,
      warnings,
      sample: rows.slice(0, SAMPLE_ROWS).map((row) => row.map(cellText)),
    },
  };
}

function chooseBand(detected: HeaderBand | null, options: TableOptions, rowCount: number): HeaderBand | null {
  const start = options.headerStart !== undefined ? options.headerStart - 1 : undefined;
  const end = options.headerEnd !== undefined ? options.headerEnd - 1 : undefined;
  if (start === undefined && end === undefined) return detected;
  const s = Math.max(0, Math.min(start ?? detected?.start ?? end ?? 0, rowCount - 1));
  const e = Math.max(s, Math.min(end ?? s, rowCount - 1, s + 3));
  return { start: s, end: e };
}

function columnHasData(rows: RawSheet['rows'], from: number, c: number): boolean {
  for (let r = from; r < rows.length; r++) if (!isBlankCell(rows[r]?.[c])) return true;
  return false;
}

/** A sheet of sentences (填表说明) rather than a table: few columns, long texts. */
function looksLikeProse(sheet: RawSheet): boolean {
  const texts = sheet.rows.flatMap((r) => r.map(cellText)).filter((t) => t !== '');
  if (texts.length === 0) return false;
  const long = texts.filter((t) => t.length >= 20).length;
  return long / texts.length >= 0.3;
}

/**
 * A 统计表 of one category with a row per village (村名 | 走访人次 | 走访户数) holds figures, not
 * events: a row is not one visit. Event ledgers name a date, members or a handling status.
 */
function isStatisticsTable(
  roles: readonly ColumnRole[],
  shape: TablePreview['shape'],
  names: string,
): boolean {
  if (shape !== 'rows' || !/统计|汇总|情况表|一览表/.test(names)) return false;
  const eventColumns = roles.some(
    (r) => r.kind === 'date' || r.kind === 'members' || r.kind === 'status' || r.kind === 'satisfaction',
  );
  return !eventColumns && roles.some((r) => r.kind === 'measure');
}

function shapeOf(roles: readonly ColumnRole[]): TablePreview['shape'] {
  if (roles.some((r) => r.kind === 'month')) return 'wide';
  const categories = new Set(roles.flatMap((r) => (r.kind === 'measure' && r.category ? [r.category] : [])));
  return !roles.some((r) => r.kind === 'category') && categories.size >= 2 ? 'stats' : 'rows';
}

/**
 * The category of rows that name none: the clerk's choice, else a 类别 column (per row), else a
 * keyword in the column headers, the sheet name, the title, or the file name.
 */
function tableCategory(
  roles: readonly ColumnRole[],
  headers: readonly string[],
  sheetName: string,
  title: string,
  fileName: string,
  chosen: string | undefined,
): { category: string; categorySource: CategorySource } {
  if (chosen) return { category: chosen, categorySource: 'user' };
  const fromSheet = categoryFromName(sheetName);
  const fromTitle = categoryFromName(title);
  const fromFile = categoryFromName(fileName.replace(/\.[^.]+$/, ''));
  const headerHints = roles.flatMap((r, c) =>
    r.kind === 'measure' || r.kind === 'subject' ? [categoryFromName(headers[c] ?? '')] : [],
  );
  const fromHeaders = headerHints.find((h): h is string => h !== null) ?? null;
  const category = fromSheet ?? fromTitle ?? fromFile ?? fromHeaders ?? '';
  const categorySource: CategorySource = roles.some((r) => r.kind === 'category')
    ? 'column'
    : fromSheet
      ? 'sheet'
      : fromTitle
        ? 'title'
        : fromFile
          ? 'file'
          : fromHeaders
            ? 'header'
            : 'none';
  return { category, categorySource };
}
