/**
 * The SheetJS worker: reading a ledger happens here, off the main thread, so the page never freezes
 * on a big file. It keeps the parsed workbook, so correcting a mapping does not parse the file again.
 * It also writes the Excel files the app makes (the export, blank templates): SheetJS lives only here.
 */
import { contentHash } from '../core/hash';
import { cellText } from '../core/import/cells';
import type { FileRefusal } from '../core/import/reasons';
import { packedBuffers, packRecords } from '../core/import/recordPack';
import { readSheet } from '../core/import/table';
import type { RawWorkbook } from '../core/import/types';
import type { NewRecord } from '../core/schema';
import { namesInRecords, rosterFromRows } from '../core/members';
import type { ReadRequest, ReadResponse } from './read.protocol';
import { previewOf, readWorkbook, timeParse } from './sheetjs';
import { writeLedgerXlsx, writePivotXlsx, writeTemplateXlsx } from './xlsxWriter';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
  postMessage: (m: ReadResponse, transfer?: Transferable[]) => void;
};

let workbook: RawWorkbook | null = null;

function handle(req: ReadRequest): ReadResponse {
  switch (req.type) {
    case 'read': {
      const bytes = new Uint8Array(req.buffer);
      scope.postMessage({ type: 'progress', id: req.id, phase: 'parse' });
      const wb = readWorkbook(req.fileName, bytes);
      if (!wb.ok) return { type: 'file', id: req.id, result: wb };
      workbook = wb.value;
      scope.postMessage({ type: 'progress', id: req.id, phase: 'analyse' });
      const result = previewOf(wb.value, contentHash(bytes), req.saved);
      if (!result.ok) return { type: 'file', id: req.id, result };
      const tables = result.value.tables.map((tb, i) => ({
        ...tb,
        records: sendAhead(req.id, i, tb.records),
      }));
      return { type: 'file', id: req.id, result: { ok: true, value: { ...result.value, tables } } };
    }
    case 'remap': {
      const sheet = workbook?.sheets[req.sheetIndex];
      if (!workbook || !sheet) return { type: 'table', id: req.id, table: null };
      const reading = readSheet(sheet, workbook.fileName, req.options, req.sheetIndex);
      if (!reading.ok) return { type: 'table', id: req.id, table: null };
      const records = sendAhead(req.id, 0, reading.table.records);
      return { type: 'table', id: req.id, table: { ...reading.table, records, mappingSource: 'user' } };
    }
    case 'roster':
      return { type: 'roster', id: req.id, ...readRoster(req.fileName, new Uint8Array(req.buffer)) };
    case 'parse-only':
      return { type: 'elapsed', id: req.id, ms: timeParse(new Uint8Array(req.buffer)) };
    case 'export-ledger':
      return { type: 'bytes', id: req.id, bytes: writeLedgerXlsx(req.records, req.title, req.periodLabel) };
    case 'template':
      return { type: 'bytes', id: req.id, bytes: writeTemplateXlsx(req.category, req.year) };
    case 'export-pivot':
      return { type: 'bytes', id: req.id, bytes: writePivotXlsx(req.sheet) };
  }
}

/**
 * The names of a roster file: the column headed 姓名/委员/委员姓名 of the first sheet that has one, or
 * else the members named in the first table read as a ledger.
 */
function readRoster(fileName: string, bytes: Uint8Array): { names: string[] | null; reason?: FileRefusal } {
  const wb = readWorkbook(fileName, bytes);
  if (!wb.ok) return { names: null, reason: wb.reason };
  const sheets = wb.value.sheets.filter((s) => !s.hidden).map((s) => s.rows.map((row) => row.map(cellText)));
  const names = rosterFromRows(sheets);
  if (names && names.length > 0) return { names };
  const preview = previewOf(wb.value, '');
  if (!preview.ok) return { names: null };
  const table = preview.value.tables.find((tb) => tb.roles.some((r) => r.kind === 'members'));
  if (!table) return { names: null };
  const found = namesInRecords(table.records);
  return { names: found.length > 0 ? found : null };
}

/** Records per message sent ahead of an answer: a few milliseconds to unpack on the page. */
const RECORDS_PER_MESSAGE = 5000;

/**
 * Post a table's records ahead of the answer, in pieces, packed in columns (recordPack.ts); the
 * answer then carries none.
 */
function sendAhead(id: number, table: number, records: NewRecord[]): NewRecord[] {
  for (let i = 0; i < records.length; i += RECORDS_PER_MESSAGE) {
    const packed = packRecords(records.slice(i, i + RECORDS_PER_MESSAGE));
    scope.postMessage({ type: 'records', id, table, packed }, packedBuffers(packed));
  }
  return [];
}

function failure(req: ReadRequest, detail: string): ReadResponse {
  switch (req.type) {
    case 'read':
      return { type: 'file', id: req.id, result: { ok: false, reason: 'unreadable', detail } };
    case 'remap':
      return { type: 'table', id: req.id, table: null };
    default:
      return { type: 'error', id: req.id, detail };
  }
}

scope.onmessage = (e) => {
  let response: ReadResponse;
  try {
    response = handle(e.data);
  } catch (err) {
    // Nothing may escape as an uncaught worker error: the clerk gets a reason, not a silent stall.
    response = failure(e.data, err instanceof Error ? err.message : String(err));
  }
  // Written files go back without a copy.
  scope.postMessage(response, response.type === 'bytes' ? [response.bytes.buffer] : []);
};
