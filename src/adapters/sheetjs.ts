/**
 * SheetJS at the edge: file bytes → raw sheets → previews. Used by the parsing worker (and by Node
 * tests); never imported by the page itself, so SheetJS is bundled once, inside the worker.
 */
import * as XLSX from '@e965/xlsx';
import { isoDay } from '../core/dates';
import { contentHash } from '../core/hash';
import { clipMerges, markupTooLarge, textTooLarge } from '../core/import/limits';
import { IMPORT_LIMITS, type FileReading, type FileRefusal } from '../core/import/reasons';
import { decodeText, isLockFileName, sniffKind, type FileKind } from '../core/import/sniff';
import type { FilePreview, RawCell, RawSheet, RawWorkbook } from '../core/import/types';
import { checkZip } from '../core/import/zip';
import { previewWorkbook } from '../core/import/workbook';
import type { SavedMapping } from '../core/schema';
import { cptable } from './cptable';

// Legacy .xls strings (BIFF2–BIFF5) are stored in the file's codepage, GBK for Chinese: decode them with
// the runtime's TextDecoder rather than bundling SheetJS's 470 KB codepage tables.
XLSX.set_cptable(cptable);

/** The slice of SheetJS's bundled CFB library (OLE2 and zip containers) used here; it ships untyped. */
interface Container {
  FullPaths: string[];
}
const CFB = XLSX.CFB as {
  read(data: Uint8Array, options: { type: 'array' }): Container;
  find(container: Container, path: string): { content?: ArrayLike<number> | null } | null;
};

/**
 * Memos for the two SheetJS calls every number cell makes. A ledger has a handful of number formats
 * and a few hundred distinct dates in 100,000s of cells, and both calls are pure, so each answer is
 * worked out once. Bounded, and emptied once a workbook is read: nothing outlives the file.
 */
const MEMO_LIMIT = 50_000;
const dateFormats = new Map<XLSX.NumberFormat, boolean>();
const serialDays = new Map<number, { date: string } | null>();

function isDateFormat(z: XLSX.NumberFormat): boolean {
  let known = dateFormats.get(z);
  if (known === undefined) {
    known = Boolean(XLSX.SSF.is_date(z));
    if (dateFormats.size >= MEMO_LIMIT) dateFormats.clear();
    dateFormats.set(z, known);
  }
  return known;
}

/**
 * The date cell of a serial in a date-formatted cell, or null when SheetJS finds no valid day. Cells
 * of one day share one object, as merged cells already do: nothing writes to a raw cell.
 */
function serialDay(v: number): { date: string } | null {
  let cell = serialDays.get(v);
  if (cell === undefined) {
    // parse_date_code works on the serial itself: no Date object, so no time-zone shift.
    const p = XLSX.SSF.parse_date_code(v) as { y: number; m: number; d: number } | null;
    const iso = p ? isoDay(p.y, p.m, p.d) : null;
    cell = iso ? { date: iso } : null;
    if (serialDays.size >= MEMO_LIMIT) serialDays.clear();
    serialDays.set(v, cell);
  }
  return cell;
}

/**
 * The text of an error cell from its code, as SheetJS itself writes it (its BErr table): READ_OPTIONS
 * has SheetJS format no cell texts, so most readers leave an error cell's `w` unset.
 */
const ERROR_TEXTS = new Map<number, string>([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
  [0xff, '#WTF?'],
]);

function toRawCell(cell: XLSX.CellObject | undefined): RawCell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && isDateFormat(cell.z)) return serialDay(v) ?? v;
      return v;
    }
    case 's': {
      // Exports from banking and office systems write ="0012" so Excel keeps the text as typed.
      const text = String(cell.v ?? '');
      // Only a text starting with = can be quoted: the others skip the pattern.
      const quoted = text.charCodeAt(0) === 0x3d ? /^="(.*)"$/s.exec(text) : null;
      return quoted ? (quoted[1] ?? '') : text;
    }
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return { error: cell.w ?? ERROR_TEXTS.get(cell.v as number) ?? '#ERROR!' };
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : null;
      return d ? { date: isoDay(d.getFullYear(), d.getMonth() + 1, d.getDate()) ?? '' } : null;
    }
    default:
      return null;
  }
}

class TooLarge extends Error {}

/**
 * One row of cells. A row as long as a ledger's is read as it is; a longer one (a stray cell far to
 * the right, a styled empty cell in column XFD) is read by the cells present, so a sheet claiming
 * 16,384 columns allocates nothing for the empty ones. Content beyond IMPORT_LIMITS.columns refuses it.
 */
function toRawRow(src: (XLSX.CellObject | undefined)[]): RawCell[] {
  if (src.length <= IMPORT_LIMITS.columns) {
    // A plain loop: a hole in SheetJS's row (an empty cell) reads as undefined, so null, as
    // Array.from(src, toRawCell) gave, without an iterator and a callback per cell.
    const row: RawCell[] = [];
    for (let i = 0; i < src.length; i++) row.push(toRawCell(src[i]));
    return row;
  }
  const row: RawCell[] = [];
  src.forEach((c, i) => {
    const cell = toRawCell(c);
    if (cell === null || cell === '') return;
    if (i >= IMPORT_LIMITS.columns) throw new TooLarge(`a cell in column ${i + 1}`);
    while (row.length < i) row.push(null);
    row.push(cell);
  });
  return row;
}

function toRawSheet(name: string, ws: XLSX.WorkSheet, hidden: boolean): RawSheet {
  // A sheet claiming more rows than the limit (!fullref is what it claims when sheetRows cut it).
  const claimed = ws['!fullref'] ?? ws['!ref'];
  if (claimed) {
    const range = XLSX.utils.decode_range(claimed);
    if (range.e.r + 1 > IMPORT_LIMITS.rows) throw new TooLarge(`${name}: ${claimed}`);
  }
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  if (data.length > IMPORT_LIMITS.rows) throw new TooLarge(`${name}: ${data.length} rows`);
  const rows: RawCell[][] = [];
  let width = 0;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row = src ? toRawRow(src) : [];
    if (row.length > width) width = row.length;
    rows.push(row);
  }
  const hiddenRows: number[] = [];
  (ws['!rows'] ?? []).forEach((info, r) => {
    if (info?.hidden && r < rows.length) hiddenRows.push(r);
  });
  const declared = (ws['!merges'] ?? []).map((m) => ({
    s: { r: m.s.r, c: m.s.c },
    e: { r: m.e.r, c: m.e.c },
  }));
  const merges = clipMerges(declared, rows.length, width);
  if (!merges) throw new TooLarge(`${name}: ${declared.length} merged ranges`);
  return { name, hidden, rows, hiddenRows, merges };
}

const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellNF: true,
  cellDates: false,
  cellFormula: false,
  cellHTML: false,
  // No formatted text (`w`) for every cell: the importer reads values and number formats (`z`, which
  // cellNF keeps), never the text Excel would display, and formatting it was a sixth of the parse.
  // Error cells get their text from their code (ERROR_TEXTS); only an error SheetJS has no code for
  // (Excel 365's #SPILL!, #CALC!) is then read as #ERROR!, still an error cell with its warning.
  cellText: false,
  // Row properties (hidden rows) are only read with cellStyles: a hidden draft row must not count.
  cellStyles: true,
  // A sheet claiming a million rows is cut here (its claim stays in !fullref) and refused below.
  sheetRows: IMPORT_LIMITS.rows + 1,
};

export function readWorkbook(fileName: string, bytes: Uint8Array): FileReading<RawWorkbook> {
  if (isLockFileName(fileName)) return { ok: false, reason: 'lock-file' };
  const kind = sniffKind(bytes);
  if (kind === 'empty') return { ok: false, reason: 'empty' };
  if (kind === 'binary') return { ok: false, reason: 'not-spreadsheet' };
  const tooLarge = (detail: string): FileReading<never> => ({ ok: false, reason: 'too-large', detail });
  if (bytes.length > IMPORT_LIMITS.bytes) return tooLarge(`${bytes.length} bytes`);
  if (kind === 'zip') {
    // Before SheetJS inflates anything: a decompression bomb is refused here, in milliseconds.
    const verdict = checkZip(bytes);
    if (!verdict.ok) {
      // A zip whose directory points outside the file is cut off: refused for what it is.
      return verdict.reason === 'too-large' ? tooLarge(verdict.detail) : refusal(kind, bytes, verdict.detail);
    }
  }
  let wb: XLSX.WorkBook;
  try {
    const options = READ_OPTIONS;
    if (kind === 'text' || kind === 'markup') {
      // Text ledgers are decoded here (GBK-aware) and read raw: SheetJS would otherwise turn
      // 2023-03-05 into a local-time Date and 001 into 1.
      const text = decodeText(bytes);
      const shape = kind === 'text' ? textTooLarge(text) : markupTooLarge(text);
      if (shape) return tooLarge(shape);
      wb = XLSX.read(text, { ...options, type: 'string', raw: kind === 'text' });
    } else wb = XLSX.read(bytes, { ...options, type: 'array' });
  } catch (e) {
    return refusal(kind, bytes, e instanceof Error ? e.message : String(e));
  }
  // SheetJS can hand back a workbook with no sheets (a zip whose workbook part lists none): that is a
  // broken file, not an empty ledger.
  if (wb.SheetNames.length === 0) return refusal(kind, bytes, 'the workbook has no sheets');
  try {
    const sheets = wb.SheetNames.map((name, i) => {
      const ws = wb.Sheets[name];
      const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
      return ws ? toRawSheet(name, ws, hidden) : { name, hidden, rows: [], hiddenRows: [], merges: [] };
    });
    return { ok: true, value: { fileName, sheets } };
  } catch (e) {
    if (e instanceof TooLarge) return tooLarge(e.message);
    throw e;
  } finally {
    dateFormats.clear();
    serialDays.clear();
  }
}

/**
 * Why SheetJS could not read a file, from what the container holds rather than from its error text
 * alone: an OLE container with EncryptionInfo/EncryptedPackage is a password-protected .xlsx, and one
 * without a Workbook stream is a Word or PowerPoint file; a zip without xl/ or an OpenDocument
 * spreadsheet is a .docx, .pptx or .odt; a zip or OLE container that cannot even be listed is cut off.
 */
function refusal(kind: FileKind, bytes: Uint8Array, message: string): FileReading<never> {
  const refuse = (reason: FileRefusal): FileReading<never> => ({ ok: false, reason, detail: message });
  const saysEncrypted = /password|encrypt/i.test(message);
  if (kind !== 'ole' && kind !== 'zip') return refuse(saysEncrypted ? 'encrypted' : 'unreadable');
  let container: Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch {
    // Cut off (no central directory, no sector table) or a zip with encrypted entries.
    return refuse(saysEncrypted ? 'encrypted' : 'unreadable');
  }
  const has = (path: string) => CFB.find(container, path) !== null;
  if (kind === 'ole') {
    if (saysEncrypted || has('/EncryptionInfo') || has('/EncryptedPackage')) return refuse('encrypted');
    const sheetStreams = ['/Workbook', '/Book', '/PerfectOffice_MAIN', '/NativeContent_MAIN'];
    return refuse(sheetStreams.some(has) ? 'unreadable' : 'not-spreadsheet');
  }
  if (saysEncrypted) return refuse('encrypted');
  // A zip cut short has lost its central directory: CFB then lists nothing but its own placeholder.
  const files = container.FullPaths.filter((p) => !p.endsWith('/') && !p.includes('\u0001Sh33tJ5'));
  if (files.length === 0) return refuse('unreadable');
  // Some writers store zip entries with backslashes (xl\sharedStrings.xml).
  const excel = files.some((p) => /(^|[/\\])xl[/\\]/i.test(p));
  const mimetype = CFB.find(container, 'mimetype')?.content;
  const openDocument = mimetype ? /spreadsheet/.test(String.fromCharCode(...Array.from(mimetype))) : false;
  return refuse(excel || openDocument ? 'unreadable' : 'not-spreadsheet');
}

/** Read a file and preview every table; saved mappings of known header signatures are applied. */
export function readFile(
  fileName: string,
  bytes: Uint8Array,
  saved: readonly SavedMapping[] = [],
): FileReading<FilePreview> {
  const wb = readWorkbook(fileName, bytes);
  if (!wb.ok) return wb;
  return previewOf(wb.value, contentHash(bytes), saved);
}

export function previewOf(
  wb: RawWorkbook,
  hash: string,
  saved: readonly SavedMapping[] = [],
): FileReading<FilePreview> {
  const preview = previewWorkbook(wb, hash, saved);
  if (preview.tables.length === 0) return { ok: false, reason: 'no-table' };
  return { ok: true, value: preview };
}

/** Milliseconds SheetJS alone takes to read a workbook with the options the importer uses. */
export function timeParse(bytes: Uint8Array): number {
  const t0 = performance.now();
  XLSX.read(bytes, { ...READ_OPTIONS, type: 'array' });
  return performance.now() - t0;
}
