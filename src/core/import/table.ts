/**
 * One sheet → one table of records: find the header, give each column a role, and read every row
 * below it, keeping out what is not data (blank, 合计/小计, 填表人 footers). Returns data, never throws.
 */
import { canonicalCategory } from '../categories';
import { yearInText } from '../dates';
import { parseQuantity, roundTo } from '../numbers';
import type { ColumnRole, MeasureValues, NewRecord } from '../schema';
import { cellDate, cellText, isBlankCell } from './cells';
import { categoryFromName, normalizeHeader, suggestRole } from './synonyms';
import type {
  CategorySource,
  ImportWarning,
  RawCell,
  RawSheet,
  SkipReason,
  SkippedRow,
  TablePreview,
} from './types';
import { parseSatisfaction, parseStatus, splitMembers } from './values';

export type SheetReading = { ok: true; table: TablePreview } | { ok: false; reason: 'empty' | 'no-header' };

const HEADER_SCAN_ROWS = 20;
const SAMPLE_ROWS = 15;
const TOTAL_LABEL = /^(?:小\s*计|合\s*计|总\s*计|总合计|累\s*计|全年合计)/;
/** A short group name before the word: 一月小计, 东山村小计, 本月合计, 一季度合计. */
const NAMED_SUBTOTAL = /^.{1,10}小计[:：]?$/;
const NAMED_TOTAL = /^.{1,10}(?:合计|总计|累计)[:：]?$/;
const FOOTER_LABEL =
  /^(?:填表人|审核人|制表人|填报人|统计人|负责人|分管领导|填报日期|制表日期|报送日期|注[:：]|说明[:：]|数据来源|备注[:：])/;
const UNIT_ROW = /(?:^|\s)单位[:：]\s*(万元|元)/;
const REPORTING_UNIT = /填报单位[:：]\s*([^\s]+)/;

export function readSheet(sheet: RawSheet, fileName: string): SheetReading {
  const rows = sheet.rows;
  if (rows.every((row) => row.every(isBlankCell))) return { ok: false, reason: 'empty' };

  const headerIndex = findHeaderRow(rows);
  if (headerIndex < 0) return { ok: false, reason: 'no-header' };
  const headerCells = rows[headerIndex] ?? [];
  const headers = headerCells.map((c) => normalizeHeader(cellText(c)));

  // Rows above the header: title (with the year), 填报单位 and a 单位:万元 line that scales amounts.
  const above = rows.slice(0, headerIndex).map((r) => r.map(cellText).join(' ').trim());
  const aboveText = above.join(' ');
  const unitRowScale = /单位[:：]\s*万元/.test(aboveText) ? 10000 : UNIT_ROW.test(aboveText) ? 1 : null;
  const reportingUnit = REPORTING_UNIT.exec(aboveText)?.[1] ?? '';
  const contextYear = yearInText(aboveText) ?? yearInText(sheet.name) ?? yearInText(fileName);

  const warnings: ImportWarning[] = [];
  const roles = assignRoles(headers, unitRowScale, warnings);

  const hasCategoryColumn = roles.some((r) => r.kind === 'category');
  const named = categoryFromName(sheet.name) ?? categoryFromName(aboveText);
  const fromFile = categoryFromName(fileName.replace(/\.[^.]+$/, ''));
  const category = named ?? fromFile ?? '';
  const categorySource: CategorySource = hasCategoryColumn
    ? 'column'
    : named
      ? 'sheet'
      : fromFile
        ? 'file'
        : 'none';

  const skipped: SkippedRow[] = above.map((text, i) => ({ row: i + 1, reason: text ? 'title' : 'blank' }));
  skipped.push({ row: headerIndex + 1, reason: 'header' });

  const hiddenRows = new Set(sheet.hiddenRows);
  const records: NewRecord[] = [];
  let inFooter = false;
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const skip = classifyRow(cells, inFooter, hiddenRows.has(r));
    if (skip) {
      if (skip === 'footer') inFooter = true;
      skipped.push({ row: r + 1, reason: skip });
      continue;
    }
    const record = readRecord(cells, roles, headers, {
      row: r + 1,
      sheet: sheet.name,
      fileName,
      contextYear,
      category,
      reportingUnit,
      warnings,
    });
    if (record) records.push(record);
    else skipped.push({ row: r + 1, reason: 'empty-values' });
  }
  if (!hasCategoryColumn && !category) warnings.push({ kind: 'no-category' });

  return {
    ok: true,
    table: {
      sheet: sheet.name,
      headerRow: headerIndex + 1,
      headers,
      roles,
      category,
      categorySource,
      records,
      skipped,
      warnings,
      sample: rows.slice(0, SAMPLE_ROWS).map((row) => row.map(cellText)),
    },
  };
}

/** The header is the row, among the first twenty, in which the most cells are known column names. */
function findHeaderRow(rows: RawCell[][]): number {
  let best = -1;
  let bestScore = 1;
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const row = rows[r] ?? [];
    let score = 0;
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      if (suggestRole(cell).confidence >= 0.6) score++;
    }
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

function assignRoles(
  headers: string[],
  unitRowScale: number | null,
  warnings: ImportWarning[],
): ColumnRole[] {
  const taken = new Set<string>();
  return headers.map((h) => {
    const s = suggestRole(h);
    if (s.role.kind === 'ignore') return s.role;
    const key = s.role.kind === 'measure' ? `m:${s.role.measure}` : s.role.kind;
    if (taken.has(key)) {
      warnings.push({ kind: 'duplicate-role', column: h });
      return { kind: 'ignore' };
    }
    taken.add(key);
    if (s.role.kind === 'measure' && s.role.measure === 'amount' && s.assumedUnit) {
      if (unitRowScale !== null) return { ...s.role, scale: unitRowScale };
      warnings.push({ kind: 'assumed-yuan', column: h });
    }
    return s.role;
  });
}

function classifyRow(cells: RawCell[], inFooter: boolean, hidden: boolean): SkipReason | null {
  const texts = cells.map(cellText).filter((t) => t !== '');
  if (texts.length === 0) return 'blank';
  // Totals carry their label in one of the first filled cells (合计 in A, or 一月小计 in B); further
  // right it could be a subject that merely starts with the same characters.
  const labels = texts.slice(0, 3).map((t) => t.replace(/[\s\u3000]/g, ''));
  if (labels.some((t) => /^小\s*计/.test(t) || NAMED_SUBTOTAL.test(t))) return 'subtotal';
  if (labels.some((t) => TOTAL_LABEL.test(t) || NAMED_TOTAL.test(t))) return 'total';
  if (inFooter || FOOTER_LABEL.test(texts[0] ?? '')) return 'footer';
  if (hidden) return 'hidden';
  return null;
}

interface RowContext {
  row: number;
  sheet: string;
  fileName: string;
  contextYear: number | undefined;
  category: string;
  reportingUnit: string;
  warnings: ImportWarning[];
}

function readRecord(
  cells: RawCell[],
  roles: ColumnRole[],
  headers: string[],
  ctx: RowContext,
): NewRecord | null {
  const rec: NewRecord = {
    date: '',
    category: ctx.category,
    members: [],
    place: '',
    subject: '',
    status: '',
    satisfaction: '',
    values: {},
    note: '',
    unit: ctx.reportingUnit,
    source: { file: ctx.fileName, sheet: ctx.sheet, row: ctx.row },
  };
  const values: MeasureValues = {};
  let filled = 0;
  roles.forEach((role, c) => {
    const cell = cells[c] ?? null;
    const text = cellText(cell);
    if (role.kind === 'ignore' || text === '') return;
    if (cell !== null && typeof cell === 'object' && 'error' in cell) {
      ctx.warnings.push({ kind: 'error-cell', row: ctx.row, column: headers[c] ?? '', text });
      return;
    }
    switch (role.kind) {
      case 'date': {
        const d = cellDate(cell, ctx.contextYear);
        if (d) {
          rec.date = d;
          filled++;
        } else ctx.warnings.push({ kind: 'bad-date', row: ctx.row, text });
        return;
      }
      case 'category':
        rec.category = canonicalCategory(text);
        return;
      case 'members':
        rec.members = splitMembers(text);
        filled++;
        return;
      case 'place':
        rec.place = text;
        filled++;
        return;
      case 'subject':
        rec.subject = text;
        filled++;
        return;
      case 'status':
        rec.status = parseStatus(text);
        return;
      case 'satisfaction':
        rec.satisfaction = parseSatisfaction(text);
        return;
      case 'note':
        rec.note = text;
        return;
      case 'unit':
        rec.unit = text;
        return;
      case 'measure': {
        const q = parseQuantity(typeof cell === 'number' ? cell : text);
        if (!q.ok) {
          ctx.warnings.push({ kind: 'bad-number', row: ctx.row, column: headers[c] ?? '', text });
          return;
        }
        if (q.value === null) return;
        let scale = role.scale;
        // 12.5万 is as common as 12.5万元.
        if (role.measure === 'amount' && (q.unit === '万元' || q.unit === '万')) scale = 10000;
        else if (role.measure === 'amount' && q.unit === '元') scale = 1;
        values[role.measure] = role.measure === 'amount' ? roundTo(q.value * scale, 2) : q.value * scale;
        filled++;
        return;
      }
    }
  });
  // A row with a category but nothing else (a group label such as 一、走访群众) is not an event.
  if (filled === 0) return null;
  rec.values = values;
  return rec;
}
