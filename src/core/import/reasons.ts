/** Why a file was refused: codes here, Chinese words in i18n. */
export type FileRefusal =
  | 'empty'
  | 'lock-file'
  | 'encrypted'
  | 'not-spreadsheet'
  | 'unreadable'
  | 'no-table'
  | 'duplicate'
  /** More rows or columns than a ledger has, or a zip that would inflate to far more than it holds. */
  | 'too-large';

export type FileReading<T> = { ok: true; value: T } | { ok: false; reason: FileRefusal; detail?: string };

/**
 * Limits on the work and memory one file may take, so a hostile or broken file is refused in seconds
 * instead of filling the worker's memory. Real ledgers stay far below each of them.
 */
export const IMPORT_LIMITS = {
  /** Rows of one sheet, header included (a ledger of ten years of daily events has a few thousand). */
  rows: 300_000,
  /** Columns holding anything, of one sheet. */
  columns: 1_000,
  /** Bytes of a file, and of all parts of a zip (.xlsx, .ods) once inflated. */
  bytes: 400 * 1024 * 1024,
  /** A zip part larger than `ratioFloor` that inflates more than this many times its stored size is a bomb. */
  ratio: 200,
  ratioFloor: 10 * 1024 * 1024,
  /** Entries of a zip: an .xlsx has a dozen, one per sheet more. */
  zipEntries: 10_000,
  /** Characters of one cell's text kept: longer texts are cut, with a warning. */
  textLength: 2_000,
} as const;
