/**
 * The parsing worker: reading a ledger happens here, off the main thread, so the page never freezes
 * on a big file. It keeps the parsed workbook, so correcting a mapping does not parse the file again.
 */
import { contentHash } from '../core/hash';
import { readSheet } from '../core/import/table';
import type { RawWorkbook } from '../core/import/types';
import type { ReadRequest, ReadResponse } from './read.protocol';
import { previewOf, readWorkbook } from './sheetjs';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
  postMessage: (m: ReadResponse) => void;
};

let workbook: RawWorkbook | null = null;

function handle(req: ReadRequest): ReadResponse {
  if (req.type === 'read') {
    const bytes = new Uint8Array(req.buffer);
    scope.postMessage({ type: 'progress', id: req.id, phase: 'parse' });
    const wb = readWorkbook(req.fileName, bytes);
    if (!wb.ok) return { type: 'file', id: req.id, result: wb };
    workbook = wb.value;
    scope.postMessage({ type: 'progress', id: req.id, phase: 'analyse' });
    return { type: 'file', id: req.id, result: previewOf(wb.value, contentHash(bytes), req.saved) };
  }
  const sheet = workbook?.sheets[req.sheetIndex];
  if (!workbook || !sheet) return { type: 'table', id: req.id, table: null };
  const reading = readSheet(sheet, workbook.fileName, req.options, req.sheetIndex);
  return {
    type: 'table',
    id: req.id,
    table: reading.ok ? { ...reading.table, mappingSource: 'user' } : null,
  };
}

scope.onmessage = (e) => {
  let response: ReadResponse;
  try {
    response = handle(e.data);
  } catch (err) {
    // Nothing may escape as an uncaught worker error: the clerk gets a reason, not a silent stall.
    const detail = err instanceof Error ? err.message : String(err);
    response =
      e.data.type === 'read'
        ? { type: 'file', id: e.data.id, result: { ok: false, reason: 'unreadable', detail } }
        : { type: 'table', id: e.data.id, table: null };
  }
  scope.postMessage(response);
};
