/**
 * Checks against IMPORT_LIMITS that need no SheetJS: the shape of a text ledger before it is parsed
 * (a CSV line of a million commas would be a million cells), and merged ranges that claim more than
 * the sheet holds (A1:XFD1048576, or the same range listed thousands of times).
 */
import { IMPORT_LIMITS } from './reasons';
import type { CellRange } from './types';

/** At most this many cells in one file: a ledger of 300,000 rows and 30 columns has 9 million. */
export const MAX_CELLS = 10_000_000;
/** At most this many merged ranges in one sheet: a long ledger merges a date over its day's rows. */
export const MAX_MERGES = 100_000;

/**
 * Why a CSV/TSV text is too large to parse, or null. Counts separators outside quotes, per line: an
 * upper bound of the cells SheetJS would make, whatever separator it settles on.
 */
export function textTooLarge(text: string, limits = IMPORT_LIMITS): string | null {
  let quoted = false;
  let fields = 1;
  let cells = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 0x2c || c === 0x09 || c === 0x3b || c === 0x7c) {
      if (++fields > limits.columns) return `a line of more than ${limits.columns} fields`;
    } else if (c === 0x0a) {
      cells += fields;
      fields = 1;
      if (cells > MAX_CELLS) return `more than ${MAX_CELLS} cells`;
    }
  }
  return null;
}

/** Why an HTML table or SpreadsheetML 2003 file is too large to parse, or null: its cell tags counted. */
export function markupTooLarge(text: string): string | null {
  const tag = /<(?:td|th|(?:ss:)?cell)[\s>/]/gi;
  let cells = 0;
  while (tag.exec(text)) if (++cells > MAX_CELLS) return `more than ${MAX_CELLS} cells`;
  return null;
}

/**
 * Merged ranges cut to the rows and columns the sheet has (a merge reaching past them spans nothing
 * that is read), duplicates dropped. Null when they are more, or cover more cells, than a sheet of
 * that size can hold without overlapping: a merged date is copied into every row it spans, so a
 * thousand merges over the same 300,000 rows would be work and memory without end.
 */
export function clipMerges(
  merges: readonly CellRange[],
  rowCount: number,
  width: number,
): CellRange[] | null {
  if (merges.length > MAX_MERGES) return null;
  const seen = new Set<string>();
  const out: CellRange[] = [];
  let area = 0;
  for (const m of merges) {
    const s = { r: Math.max(0, m.s.r), c: Math.max(0, m.s.c) };
    const e = { r: Math.min(m.e.r, rowCount - 1), c: Math.min(m.e.c, width - 1) };
    if (s.r > e.r || s.c > e.c) continue;
    const key = `${s.r},${s.c},${e.r},${e.c}`;
    if (seen.has(key)) continue;
    seen.add(key);
    area += (e.r - s.r + 1) * (e.c - s.c + 1);
    out.push({ s, e });
  }
  return area > rowCount * width ? null : out;
}
