/** Reading single raw cells as text, numbers and dates. */
import { excelSerialToIso, parseDateText } from '../dates';
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
