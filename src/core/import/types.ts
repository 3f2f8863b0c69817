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
  'blank' | 'title' | 'header' | 'total' | 'subtotal' | 'footer' | 'hidden' | 'empty-values';

export interface SkippedRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  reason: SkipReason;
}

/** Something the clerk should check before confirming; the UI words it (i18n). */
export type ImportWarning =
  | { kind: 'bad-date'; row: number; text: string }
  | { kind: 'bad-number'; row: number; column: string; text: string }
  | { kind: 'error-cell'; row: number; column: string; text: string }
  | { kind: 'assumed-yuan'; column: string }
  | { kind: 'duplicate-role'; column: string }
  | { kind: 'no-category' };

/** Where the category of a table's records comes from. */
export type CategorySource = 'column' | 'sheet' | 'file' | 'none';

/** One table found in a sheet, read and ready to be confirmed. */
export interface TablePreview {
  sheet: string;
  /** 1-based row of the header. */
  headerRow: number;
  headers: string[];
  roles: ColumnRole[];
  /** Category for records whose row names none ('' when the user must choose). */
  category: string;
  categorySource: CategorySource;
  records: NewRecord[];
  skipped: SkippedRow[];
  warnings: ImportWarning[];
  /** The first rows of the sheet as text, to show the clerk what was read. */
  sample: string[][];
}

export interface FilePreview {
  fileName: string;
  contentHash: string;
  tables: TablePreview[];
  /** Sheets not imported, with the reason shown to the clerk. */
  skippedSheets: { sheet: string; reason: 'empty' | 'hidden' | 'no-header' }[];
}
