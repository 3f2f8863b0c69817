/**
 * The raw shape of a spreadsheet as the reading worker hands it over, kept apart from stored records:
 * nothing here has been interpreted yet.
 */
import type { ColumnRole, NewRecord } from '../schema';

/**
 * One cell: text and numbers as the file holds them; a number the file formats as a date arrives as
 * `{ date }` (converted by the reader from the serial, no time zone involved); error cells such as
 * `#REF!` arrive as `{ error }` so a total that lost its references is noticed, not read as zero.
 */
export type RawCell = null | string | number | boolean | { date: string } | { error: string };

export interface RawSheet {
  name: string;
  /** Hidden or very hidden in the workbook. */
  hidden: boolean;
  rows: RawCell[][];
  /** 0-based indexes of rows hidden in the sheet. */
  hiddenRows: number[];
  /** Merged ranges (0-based, inclusive): a merged title or group header spans several cells. */
  merges: CellRange[];
}

export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface RawWorkbook {
  fileName: string;
  sheets: RawSheet[];
}

export type SkipReason =
  | 'blank'
  | 'title'
  | 'unit'
  | 'header'
  | 'lanci'
  | 'group'
  | 'total'
  | 'subtotal'
  | 'footer'
  | 'hidden'
  | 'empty-values'
  /** A worked example in a template (a cell says 示例): never data. */
  | 'example';

export interface SkippedRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  reason: SkipReason;
}

/** Something the clerk should check before confirming; the UI words it (i18n). */
export type ImportWarning =
  | { kind: 'bad-date'; row: number; text: string }
  | { kind: 'bad-number'; row: number; column: string; text: string }
  | { kind: 'approximate'; row: number; column: string; text: string }
  | { kind: 'error-cell'; row: number; column: string; text: string }
  /** A cell's text longer than IMPORT_LIMITS.textLength, cut to it (`column` is '' above the header). */
  | { kind: 'long-text'; row: number; column: string; length: number }
  | { kind: 'assumed-yuan'; column: string }
  | { kind: 'duplicate-role'; column: string }
  | { kind: 'no-category' }
  | { kind: 'no-year' }
  /** A 合计/小计 row (or a 全年合计 column) that disagrees with the sum of the rows it totals. */
  | { kind: 'total-mismatch'; row: number; column: string; stated: number; computed: number }
  /** A total that is an error value (#REF!): the ledger's own figure is broken. */
  | { kind: 'error-total'; row: number; column: string; text: string }
  /** Records that equal records already stored or in another chosen file (a monthly and a quarterly ledger). */
  | { kind: 'possible-duplicates'; count: number };

/** Where the category of a table's records comes from. */
export type CategorySource = 'column' | 'header' | 'sheet' | 'title' | 'file' | 'user' | 'none';

/** The clerk's corrections to a table, also what a saved mapping restores. */
export interface TableOptions {
  /** Header rows, 1-based and inclusive. */
  headerStart?: number;
  headerEnd?: number;
  /** One role per column; shorter lists leave the rest to the dictionary. */
  roles?: ColumnRole[];
  /** Category for rows that name none. */
  category?: string;
  /** Import rows the file hides (skipped by default). */
  includeHidden?: boolean;
}

export type TableShape = 'rows' | 'wide' | 'stats';

/** One table found in a sheet, read and ready to be confirmed. */
export interface TablePreview {
  sheet: string;
  sheetIndex: number;
  /** The sheet is hidden in the workbook: shown, but not imported unless the clerk chooses it. */
  hiddenSheet: boolean;
  shape: TableShape;
  /** Header rows, 1-based and inclusive. */
  headerStart: number;
  headerEnd: number;
  headers: string[];
  roles: ColumnRole[];
  /** How sure the dictionary was of each role: low values are shown for the clerk to check. */
  confidence: number[];
  /** Header signature, the key of a saved mapping. */
  signature: string;
  /** Where the mapping came from: the dictionary, a mapping saved last time, or the clerk now. */
  mappingSource: 'auto' | 'saved' | 'user';
  /** Category for records whose row names none ('' when the user must choose). */
  category: string;
  categorySource: CategorySource;
  records: NewRecord[];
  skipped: SkippedRow[];
  /** Data rows hidden in the sheet, not in `records` unless includeHidden. */
  hiddenRows: number;
  includeHidden: boolean;
  warnings: ImportWarning[];
  /** The first rows of the sheet as text, to show the clerk what was read. */
  sample: string[][];
}

/**
 * Why a sheet is not imported: nothing in it, hidden, no header found, notes rather than a table, or
 * the 汇总 of the other sheets (their totals, which would count everything twice).
 */
export type SheetSkipReason = 'empty' | 'hidden' | 'no-header' | 'notes' | 'summary';

export interface FilePreview {
  fileName: string;
  contentHash: string;
  tables: TablePreview[];
  /** Sheets not imported, with the reason shown to the clerk. */
  skippedSheets: { sheet: string; reason: SheetSkipReason }[];
}
