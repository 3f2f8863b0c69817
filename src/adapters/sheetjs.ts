/**
 * SheetJS at the edge: file bytes → raw sheets → previews. Used by the parsing worker (and by Node
 * tests); never imported by the page itself, so SheetJS is bundled once, inside the worker.
 */
import * as XLSX from '@e965/xlsx';
import { isoDay } from '../core/dates';
import { contentHash } from '../core/hash';
import type { FileReading } from '../core/import/reasons';
import { decodeText, isLockFileName, sniffKind } from '../core/import/sniff';
import type { FilePreview, RawCell, RawSheet, RawWorkbook } from '../core/import/types';
import { previewWorkbook } from '../core/import/workbook';

function toRawCell(cell: XLSX.CellObject | undefined): RawCell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) {
        // parse_date_code works on the serial itself: no Date object, so no time-zone shift.
        const p = XLSX.SSF.parse_date_code(v);
        const iso = p ? isoDay(p.y, p.m, p.d) : null;
        return iso ? { date: iso } : v;
      }
      return v;
    }
    case 's':
      return String(cell.v ?? '');
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return { error: cell.w ?? '#ERROR!' };
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : null;
      return d ? { date: isoDay(d.getFullYear(), d.getMonth() + 1, d.getDate()) ?? '' } : null;
    }
    default:
      return null;
  }
}

function toRawSheet(name: string, ws: XLSX.WorkSheet, hidden: boolean): RawSheet {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: RawCell[][] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    rows.push(src ? Array.from(src, (c) => toRawCell(c)) : []);
  }
  const hiddenRows: number[] = [];
  (ws['!rows'] ?? []).forEach((info, r) => {
    if (info?.hidden) hiddenRows.push(r);
  });
  const merges = (ws['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  return { name, hidden, rows, hiddenRows, merges };
}

function readWorkbook(fileName: string, bytes: Uint8Array): FileReading<RawWorkbook> {
  if (isLockFileName(fileName)) return { ok: false, reason: 'lock-file' };
  const kind = sniffKind(bytes);
  if (kind === 'empty') return { ok: false, reason: 'empty' };
  if (kind === 'binary') return { ok: false, reason: 'not-spreadsheet' };
  let wb: XLSX.WorkBook;
  try {
    const options: XLSX.ParsingOptions = {
      dense: true,
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
    };
    wb =
      kind === 'text' || kind === 'markup'
        ? // Text ledgers are decoded here (GBK-aware) and read raw: SheetJS would otherwise turn
          // 2023-03-05 into a local-time Date and 001 into 1.
          XLSX.read(decodeText(bytes), { ...options, type: 'string', raw: kind === 'text' })
        : XLSX.read(bytes, { ...options, type: 'array' });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) return { ok: false, reason: 'encrypted', detail: message };
    return { ok: false, reason: 'unreadable', detail: message };
  }
  const sheets = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    return ws ? toRawSheet(name, ws, hidden) : { name, hidden, rows: [], hiddenRows: [], merges: [] };
  });
  return { ok: true, value: { fileName, sheets } };
}

export function readFile(fileName: string, bytes: Uint8Array): FileReading<FilePreview> {
  const wb = readWorkbook(fileName, bytes);
  if (!wb.ok) return wb;
  const preview = previewWorkbook(wb.value, contentHash(bytes));
  if (preview.tables.length === 0) return { ok: false, reason: 'no-table' };
  return { ok: true, value: preview };
}
