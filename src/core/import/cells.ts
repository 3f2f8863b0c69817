/** Reading single raw cells as text, numbers and dates. */
import { excelSerialToIso, parseDateText } from '../dates';
import { IMPORT_LIMITS } from './reasons';
import type { RawCell } from './types';

export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if ('date' in cell) return cell.date;
  return cell.error;
}

export function isBlankCell(cell: RawCell | undefined): boolean {
  return cellText(cell) === '';
}

/** Serials of 1960-01-01 … 2100-12-31: a bare number in a date column outside this is not a date. */
const SERIAL_MIN = 21916;
const SERIAL_MAX = 73415;

export function cellDate(cell: RawCell | undefined, contextYear?: number): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') {
    return cell >= SERIAL_MIN && cell <= SERIAL_MAX ? excelSerialToIso(cell) : null;
  }
  if (typeof cell === 'string') return parseDateText(cell, contextYear);
  if (typeof cell === 'object' && 'date' in cell) return cell.date;
  return null;
}

/** A text cut to `max` characters, the last one an ellipsis (never half a surrogate pair). */
export function cutText(text: string, max: number = IMPORT_LIMITS.textLength): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Rows with every text longer than `max` cut (a pasted document or a 100,000-character cell is not
 * stored whole), and where each one was (0-based) with its length. Rows without one are not copied.
 */
export function cutLongTexts(
  rows: readonly RawCell[][],
  max: number = IMPORT_LIMITS.textLength,
): { rows: RawCell[][]; long: { r: number; c: number; length: number }[] } {
  const long: { r: number; c: number; length: number }[] = [];
  let out: RawCell[][] | null = null;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    let copy: RawCell[] | null = null;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== 'string' || cell.length <= max) continue;
      copy ??= row.slice();
      copy[c] = cutText(cell, max);
      long.push({ r, c, length: cell.length });
    }
    if (copy) {
      out ??= rows.slice();
      out[r] = copy;
    }
  }
  return { rows: out ?? (rows as RawCell[][]), long };
}
