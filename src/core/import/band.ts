/**
 * The header band of a sheet: one to four rows of column names, with merged group headers
 * (培训情况 over 期数 | 人次) flattened into one name per column (培训情况·期数).
 */
import { cellText } from './cells';
import { isLanciRow, isRowTotalHeader, monthHeader } from './labels';
import { normalizeHeader, suggestRole } from './synonyms';
import type { CellRange, RawCell } from './types';

export interface HeaderBand {
  /** 0-based, inclusive. */
  start: number;
  end: number;
}

const SCAN_ROWS = 40;
const MAX_BAND = 4;
/** Rows below a header looked at for data under a name (hasDataBelow). */
const BELOW_ROWS = 20;
/**
 * Rows whose texts the band's widening can look at: the best row is among the first SCAN_ROWS, the
 * band ends at most MAX_BAND - 1 rows below it, and hasDataBelow reads BELOW_ROWS rows past its end.
 */
const TEXT_ROWS = SCAN_ROWS + MAX_BAND + BELOW_ROWS;
/** Header words that are not roles of their own but say "this row is a header". */
const HEADER_WORDS =
  /^(?:序号|编号|项目|指标|指标名称|名称|单位|计量单位|备注|栏次|合计|小计|全年合计|年份|月份|时间|序)$/;

export function isHeaderWord(text: string): boolean {
  const t = normalizeHeader(text);
  if (!t || /^[-+]?[\d.,]+$/.test(t)) return false;
  return (
    HEADER_WORDS.test(t) || suggestRole(t).confidence >= 0.6 || monthHeader(t) !== null || isRowTotalHeader(t)
  );
}

function isValueCell(cell: RawCell | undefined): boolean {
  if (cell === null || cell === undefined) return false;
  if (typeof cell === 'number') return true;
  if (typeof cell === 'object') return 'date' in cell;
  return false;
}

function mergeAt(merges: readonly CellRange[], r: number, c: number): CellRange | undefined {
  return merges.find((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c);
}

/** Header texts of a row with merged cells counted once (a merged group header is one name). */
function headerScore(rows: readonly RawCell[][], merges: readonly CellRange[], r: number): number {
  const row = rows[r] ?? [];
  let score = 0;
  let values = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isValueCell(cell)) values++;
    if (typeof cell !== 'string') continue;
    const m = mergeAt(merges, r, c);
    if (m && (m.s.r !== r || m.s.c !== c)) continue;
    if (isHeaderWord(cell)) score++;
  }
  // A row of figures with one word in it is data, not a header.
  return values > score ? 0 : score;
}

function distinctTexts(row: readonly string[]): string[] {
  return [...new Set(row.filter((t) => t !== ''))];
}

/**
 * Find the header band: the row that names the most columns, widened upward over group-header rows
 * and downward over leaf rows (期数 | 人次 under 培训情况), at most four rows in all.
 */
export function detectHeaderBand(
  rows: readonly RawCell[][],
  merges: readonly CellRange[],
): HeaderBand | null {
  let best = -1;
  let bestScore = 1;
  for (let r = 0; r < Math.min(rows.length, SCAN_ROWS); r++) {
    const s = headerScore(rows, merges, r);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  if (best < 0) best = firstTextRowBeforeValues(rows);
  if (best < 0) return null;
  // Only the top of the sheet: the texts of 100,000 data rows would be made and never read.
  const text = rows.slice(0, TEXT_ROWS).map((row) => row.map(cellText));
  let start = best;
  let end = best;
  while (end - start + 1 < MAX_BAND && continuesDown(rows, text, merges, start, end)) end++;
  while (end - start + 1 < MAX_BAND && continuesUp(rows, text, merges, start, end)) start--;
  return { start, end };
}

/**
 * A header the dictionary does not know (时段一天数 | 人事范围): the first row of three or more texts
 * directly above a row of figures. The clerk then names the columns in the preview.
 */
function firstTextRowBeforeValues(rows: readonly RawCell[][]): number {
  for (let r = 0; r < Math.min(rows.length - 1, SCAN_ROWS); r++) {
    const row = rows[r] ?? [];
    const texts = row.filter((c) => typeof c === 'string' && c.trim() !== '').length;
    const next = rows[r + 1] ?? [];
    const figures =
      hasValues(next) || next.some((c) => typeof c === 'string' && /^\s*-?[\d,]+(?:\.\d+)?\s*$/.test(c));
    if (texts >= 3 && !hasValues(row) && figures) return r;
  }
  return -1;
}

function hasDataBelow(text: readonly string[][], c: number, from: number): boolean {
  for (let r = from; r < Math.min(text.length, from + BELOW_ROWS); r++) {
    if ((text[r]?.[c] ?? '') !== '') return true;
  }
  return false;
}

function hasValues(row: readonly RawCell[] | undefined): boolean {
  return (row ?? []).some(isValueCell);
}

/** The row below the band belongs to it when it names sub-columns of the band's groups. */
function continuesDown(
  rows: readonly RawCell[][],
  text: readonly string[][],
  merges: readonly CellRange[],
  start: number,
  end: number,
): boolean {
  const n = end + 1;
  const below = text[n];
  if (!below || hasValues(rows[n]) || isLanciRow(below)) return false;
  const filled = below.map((t, c) => (t ? c : -1)).filter((c) => c >= 0);
  if (filled.length === 0) return false;
  // A merge reaching down from the band into this row ties them together.
  if (merges.some((m) => m.s.r >= start && m.s.r <= end && m.e.r >= n)) return true;
  const above = text[end] ?? [];
  const underGroups = filled.every((c) => {
    if (!above[c]) return true;
    const m = mergeAt(merges, end, c);
    if (m !== undefined) return m.e.c > m.s.c;
    // Without merge records a group name stands over its first sub-column only (see flattenHeaders).
    return (above[c + 1] ?? '') === '' && (below[c + 1] ?? '') !== '';
  });
  return underGroups && filled.some((c) => isHeaderWord(below[c] ?? ''));
}

/** The row above the band belongs to it when it groups the band's columns (培训情况 over 期数 | 人次). */
function continuesUp(
  rows: readonly RawCell[][],
  text: readonly string[][],
  merges: readonly CellRange[],
  start: number,
  end: number,
): boolean {
  const p = start - 1;
  const row = text[p];
  if (p < 0 || !row || hasValues(rows[p])) return false;
  const texts = distinctTexts(row);
  if (texts.length === 0) return false;
  // A title or a unit line has one text across the whole width; a group row has several, or one
  // group over some columns next to columns named in it alone.
  if (texts.length === 1) {
    const c = row.findIndex((t) => t !== '');
    const m = mergeAt(merges, p, c);
    const width = Math.max(...text.slice(start, end + 1).map((r) => r.filter((t) => t !== '').length));
    if (!m || m.e.c - m.s.c + 1 >= Math.max(2, width - 1)) return false;
  }
  if (texts.some((t) => /台账|统计表|情况表|汇总表|登记表|一览表|单位[:：]|日期[:：]/.test(t))) return false;
  const first = text[start] ?? [];
  const groups = merges.some((m) => m.s.r === p && m.e.c > m.s.c && m.e.r < start);
  const vertical = merges.some((m) => m.s.r <= p && m.e.r >= start);
  // A name above an unnamed column heads it only if that column holds data; 考勤周期：… on a
  // preamble line stands over columns that stay empty.
  const holes = row.some((t, c) => t !== '' && (first[c] ?? '') === '' && hasDataBelow(text, c, end + 1));
  return groups || vertical || holes;
}

/**
 * One name per column: the texts of the band from top to bottom, merged cells repeated over the
 * columns and rows they span, repeats dropped, joined with `·` (培训情况·期数).
 */
export function flattenHeaders(
  rows: readonly RawCell[][],
  merges: readonly CellRange[],
  band: HeaderBand,
  width: number,
): string[] {
  const grid: string[][] = [];
  for (let r = band.start; r <= band.end; r++) {
    const line: string[] = [];
    for (let c = 0; c < width; c++) {
      const m = mergeAt(merges, r, c);
      const src = m ? (rows[m.s.r]?.[m.s.c] ?? null) : (rows[r]?.[c] ?? null);
      line.push(normalizeHeader(cellText(src)));
    }
    grid.push(line);
  }
  // Without merge records (some .xls writers drop them) a group name stands only over its first
  // sub-column: carry it right over the sub-columns that have a name below and none above.
  for (let i = 0; i < grid.length - 1; i++) {
    const line = grid[i] ?? [];
    const below = grid[i + 1] ?? [];
    for (let c = 1; c < width; c++) {
      if (
        line[c] === '' &&
        below[c] !== '' &&
        line[c - 1] !== '' &&
        below[c - 1] !== '' &&
        !mergeAt(merges, band.start + i, c)
      ) {
        line[c] = line[c - 1] ?? '';
      }
    }
  }
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const line of grid) {
      const t = line[c] ?? '';
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    headers.push(parts.join('·'));
  }
  return headers;
}
